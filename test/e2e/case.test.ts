/// <reference lib="dom" />
// Callbacks given to page.evaluate and waitForFunction run in the page, hence the DOM types.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, startWebSession, type WebSession } from '../helpers/web-session';

let s: WebSession;
beforeAll(async () => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  s = await startWebSession('en-US');
  await s.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.host.origin });
  await s.page.goto(s.host.url);
  await s.page.getByTestId('info-schema-version').first().waitFor();
});
afterAll(async () => {
  await s?.close();
});

const question = () => s.page.getByTestId('case-question');
async function answer(questionId: string, choice: string): Promise<void> {
  await s.page.locator(`[data-testid="case-question"][data-id="${questionId}"]`).waitFor();
  await question().locator(`[data-testid="choice"][data-choice="${choice}"]`).click();
}

describe('guided flow, end to end', () => {
  it('goes from the symptom to the conclusion and copies a fix command', async () => {
    await s.page.getByTestId('search-input').fill('OWA shows no presence');
    const symptom = s.page
      .locator('li', { has: s.page.locator('[data-testid="search-result"][data-kind="symptom"]') })
      .first();
    await symptom.waitFor();
    await symptom.getByTestId('start-case').click();
    await s.page.waitForFunction(() => location.hash.startsWith('#/case'));

    await s.page.getByTestId('case-topology').selectOption('lync2013-onprem');
    await s.page.getByTestId('case-cloud').selectOption('21vianet');
    await s.page
      .locator('[data-testid="case-feature"][data-id="free-busy"] [data-testid="case-feature-works"]')
      .check();

    // Free/busy works, so steps 1 to 3 are done: the first question is about the Edge.
    await answer('p-edge', 'yes');
    await s.page.getByTestId('question-why').click();
    await s.page.screenshot({ path: join(ARTIFACTS_DIR, 'case-question-en.png'), fullPage: true });
    await answer('s5-provider', 'wrong-proxy');

    const conclusion = s.page.getByTestId('case-conclusion');
    await conclusion.waitFor();
    expect(await conclusion.getAttribute('data-id')).toBe('step-5-hosting-provider');
    const fix = await s.page.getByTestId('conclusion-fix').innerText();
    expect(fix).toContain('Remove-CsHostingProvider -Identity "Exchange Online"');
    expect(fix).toContain('exap.um.partner.outlook.cn');
    expect(await s.page.getByTestId('conclusion-confirm').innerText()).not.toBe('');
    const missing = s.page.locator('[data-testid="checklist-step"]', { hasText: '5.' });
    expect(await missing.getByTestId('checklist-status').innerText()).toMatch(/Missing/i);
    expect(await s.page.getByTestId('diagram-break').count()).toBeGreaterThan(0);

    await s.page.getByTestId('conclusion-fix').getByTestId('copy-command').first().click();
    const copied = await s.page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe('Remove-CsHostingProvider -Identity "Exchange Online"');
    await s.page.screenshot({ path: join(ARTIFACTS_DIR, 'case-conclusion-en.png'), fullPage: true });
  });

  it('keeps the case when the language changes mid-case', async () => {
    await s.page.getByTestId('lang-select').selectOption('zh-TW');
    await s.page.waitForFunction(() => document.documentElement.lang === 'zh-TW');
    const conclusion = s.page.getByTestId('case-conclusion');
    await conclusion.waitFor();
    expect(await conclusion.getAttribute('data-id')).toBe('step-5-hosting-provider');
    await expect.poll(() => s.page.getByTestId('conclusion-title').innerText()).toMatch(/[\u4e00-\u9fff]/);
    await s.page.screenshot({ path: join(ARTIFACTS_DIR, 'case-conclusion-zh-TW.png'), fullPage: true });
  });

  it('keeps the case across a reload', async () => {
    await s.page.reload();
    const conclusion = s.page.getByTestId('case-conclusion');
    await conclusion.waitFor();
    expect(await conclusion.getAttribute('data-id')).toBe('step-5-hosting-provider');
  });

  it('sent no request anywhere but the loopback host', () => {
    expect(s.requests.filter((u) => new URL(u).origin !== s.host.origin)).toEqual([]);
  });
});
