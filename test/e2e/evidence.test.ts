/// <reference lib="dom" />
// Callbacks given to page.waitForFunction run in the page, hence the DOM types.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText } from '../../src-main/core/text/decode';
import { REPO_ROOT } from '../helpers/db';
import { ARTIFACTS_DIR, startWebSession, type WebSession } from '../helpers/web-session';

const EVIDENCE = join(REPO_ROOT, 'test', 'fixtures', 'evidence');
let s: WebSession;
beforeAll(async () => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  s = await startWebSession('fr-FR');
  await s.page.goto(s.host.url);
  await s.page.getByTestId('info-schema-version').first().waitFor();
});
afterAll(async () => {
  await s?.close();
});

describe('evidence in the case, end to end (French interface)', () => {
  it('concludes from pasted evidence alone, with no question asked', async () => {
    await s.page.evaluate(() => (location.hash = '#/case'));
    await s.page.getByTestId('case-topology').selectOption('lync2013-onprem');
    await s.page.getByTestId('case-cloud').selectOption('worldwide');
    await s.page
      .locator('[data-testid="case-feature"][data-id="owa-im-presence"] [data-testid="case-feature-broken"]')
      .check();
    await s.page
      .locator('[data-testid="case-feature"][data-id="free-busy"] [data-testid="case-feature-works"]')
      .check();

    // A UTF-16LE file as Windows PowerShell writes it, given to the file input.
    await s.page.getByTestId('evidence-file').setInputFiles(join(EVIDENCE, 'get-cshostingprovider-wrong.utf16le.txt'));
    // And a paste.
    await s.page
      .getByTestId('evidence-text')
      .fill(decodeText(readFileSync(join(EVIDENCE, 'get-csaccessedgeconfiguration.txt'))).text);
    await s.page.getByTestId('evidence-add').click();

    await expect.poll(() => s.page.getByTestId('evidence-item').count()).toBe(2);
    await s.page.locator('[data-testid="evidence-part"][data-kind="hosting-provider"]').first().waitFor();
    await s.page.locator('[data-testid="evidence-finding"][data-severity="error"]').first().waitFor();

    const conclusion = s.page.getByTestId('case-conclusion');
    await conclusion.waitFor();
    // AllowFederatedUsers False (step 4) comes before the wrong hosting provider (step 5).
    await expect.poll(() => conclusion.getAttribute('data-id')).toBe('step-4-shared-sip-address-space');
    expect(await s.page.getByTestId('conclusion-fix').innerText()).toContain(
      'Set-CsAccessEdgeConfiguration -AllowFederatedUsers $True',
    );
    const sources = await s.page.getByTestId('trail-source').allInnerTexts();
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.some((t) => /Vous/i.test(t))).toBe(false);
    await s.page.screenshot({ path: join(ARTIFACTS_DIR, 'evidence-fr.png'), fullPage: true });
    await s.page.locator('[data-testid="evidence-finding"]').first().scrollIntoViewIfNeeded();
    await s.page.screenshot({ path: join(ARTIFACTS_DIR, 'evidence-findings-fr.png') });
  });

  it('keeps the evidence with the stored case: a reload shows it and reaches the same conclusion', async () => {
    await s.page.reload();
    await expect.poll(() => s.page.getByTestId('evidence-item').count()).toBe(2);
    await expect
      .poll(() => s.page.getByTestId('case-conclusion').getAttribute('data-id'))
      .toBe('step-4-shared-sip-address-space');
    const { cases } = await s.lexo.api.call('cases.list', {});
    expect(cases).toHaveLength(1);
    const stored = await s.lexo.api.call('cases.get', { id: cases[0]!.id });
    expect(stored.lang).toBe('fr');
    expect(stored.evidence.map((e) => e.name)[0]).toBe('get-cshostingprovider-wrong.utf16le.txt');
    expect(stored.evidence).toHaveLength(2);
    expect(stored.conclusion).toBe('step-4-shared-sip-address-space');
  });

  it('sent no request anywhere but the loopback host', () => {
    expect(s.requests.filter((u) => new URL(u).origin !== s.host.origin)).toEqual([]);
  });
});
