/// <reference lib="dom" />
// Callbacks given to page.waitForFunction run in the page, hence the DOM types.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, startWebSession, type WebSession } from '../helpers/web-session';

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

describe('knowledge base, end to end (French interface)', () => {
  it('searches as the engineer types and opens the article', async () => {
    expect(await s.page.getAttribute('html', 'lang')).toBe('fr');
    await s.page.getByTestId('search-input').fill('KB 2565604');
    const first = s.page.getByTestId('search-result').first();
    await first.waitFor();
    expect(await first.getAttribute('data-id')).toBe('kb-2565604');
    await s.page.screenshot({ path: join(ARTIFACTS_DIR, 'search-fr.png') });
    await first.click();
    await s.page.waitForFunction(() => location.hash === '#/kb/article/kb-2565604');
    await s.page.getByRole('heading', { level: 1 }).waitFor();
    // The page holds the verbatim English error string and the removal record.
    await expect
      .poll(() => s.page.locator('main').innerText())
      .toContain("Instant Messaging isn't available right now.");
    expect(await s.page.locator('main').innerText()).toContain('MicrosoftDocs/OfficeDocs-Support');
    await s.page.screenshot({ path: join(ARTIFACTS_DIR, 'article-fr.png') });
  });

  it('finds an unaccented French query and shows the step with copyable commands', async () => {
    await s.page.evaluate(() => (location.hash = '#/search'));
    await s.page.getByTestId('search-input').fill('fournisseur d hebergement');
    const step = s.page.locator('[data-testid="search-result"][data-id="step-5-hosting-provider"]');
    await step.waitFor();
    await step.click();
    await s.page.waitForFunction(() => location.hash === '#/kb/step/step-5-hosting-provider');
    await s.page.getByTestId('copy-command').first().waitFor();
    expect(await s.page.locator('main').innerText()).toContain('New-CsHostingProvider -Identity "Exchange Online"');
  });

  it('shows the support matrix with UCS not supported on Lync Server 2013 on-premises', async () => {
    await s.page.evaluate(() => (location.hash = '#/kb'));
    const table = s.page.locator('table').first();
    await table.waitFor();
    const text = await table.innerText();
    expect(text).toMatch(/Non/);
    await s.page.screenshot({ path: join(ARTIFACTS_DIR, 'kb-fr.png') });
  });

  it('sent no request anywhere but the loopback host', () => {
    expect(s.requests.filter((u) => new URL(u).origin !== s.host.origin)).toEqual([]);
  });
});
