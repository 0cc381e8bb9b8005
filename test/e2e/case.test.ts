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

  it('keeps the case across a reload, with its title, ticket, note and history; closes it', async () => {
    await s.page.getByTestId('lang-select').selectOption('en');
    await s.page.getByTestId('case-rename').click();
    await s.page.getByTestId('case-title-input').fill('Fabrikam: no presence in OWA');
    await s.page.getByTestId('case-title-input').press('Enter');
    await s.page.getByTestId('case-ticket').fill('SR-4711');
    const note = 'Customer will call back at 15:00\n<b>not bold</b>';
    await s.page.getByTestId('note-new').fill(note);
    await s.page.getByTestId('note-add').click();
    await s.page.getByTestId('case-note').waitFor();
    // The ticket is saved as it was typed: reload at once.
    const hash = await s.page.evaluate(() => location.hash);
    expect(hash).toMatch(/^#\/case\/[0-9a-f-]{36}$/);
    await s.page.reload();

    const conclusion = s.page.getByTestId('case-conclusion');
    await conclusion.waitFor();
    expect(await conclusion.getAttribute('data-id')).toBe('step-5-hosting-provider');
    expect(await s.page.getByTestId('case-title').innerText()).toBe('Fabrikam: no presence in OWA');
    expect(await s.page.getByTestId('case-ticket').inputValue()).toBe('SR-4711');
    expect(await s.page.getByTestId('case-topology').inputValue()).toBe('lync2013-onprem');
    expect(await s.page.getByTestId('note-text').innerText()).toBe(note);
    expect(await s.page.locator('[data-testid="note-text"] b').count()).toBe(0);
    const types = await s.page
      .getByTestId('history-event')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
    expect(types).toEqual(
      expect.arrayContaining(['created', 'answered', 'renamed', 'details-changed', 'note-added', 'concluded']),
    );

    // The nav's "Current case" resumes the same case.
    await s.page.getByTestId('nav-search').click();
    await s.page.getByTestId('nav-case').click();
    await expect.poll(() => s.page.getByTestId('case-title').innerText()).toBe('Fabrikam: no presence in OWA');

    await s.page.getByTestId('case-close').click();
    await expect.poll(() => s.page.getByTestId('case-status').innerText()).toBe('Closed');
    await s.page.getByTestId('case-closed').waitFor();
    await s.page.screenshot({ path: join(ARTIFACTS_DIR, 'case-closed-en.png'), fullPage: true });
    await s.page.goto(`${s.host.origin}/${hash}`);
    await expect.poll(() => s.page.getByTestId('case-status').innerText()).toBe('Closed');
    const stored = await s.lexo.api.call('cases.get', { id: decodeURIComponent(hash.slice('#/case/'.length)) });
    expect(stored).toMatchObject({ status: 'closed', title: 'Fabrikam: no presence in OWA', ticket: 'SR-4711' });
    expect(stored.notes.map((n) => n.text)).toEqual([note]);
    expect(stored.conclusion).toBe('step-5-hosting-provider');
  });

  it('text typed just before a reload is not lost', async () => {
    // The last case is closed: "Current case" starts a new one.
    await s.page.getByTestId('nav-search').click();
    await s.page.getByTestId('nav-case').click();
    await expect.poll(() => s.page.getByTestId('case-status').innerText()).toBe('Open');
    const dialogs: string[] = [];
    s.page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    await s.page.getByTestId('case-symptom').fill('Typed a moment before the reload');
    await s.page.reload();
    await s.page.getByTestId('case-form').waitFor();
    await expect.poll(() => s.page.getByTestId('case-symptom').inputValue()).toBe('Typed a moment before the reload');
    // Chromium asks before leaving while a save is on its way, or not at all once it is in: either way it is kept.
    expect(dialogs.every((type) => type === 'beforeunload')).toBe(true);
  });

  it('sent no request anywhere but the loopback host', () => {
    expect(s.requests.filter((u) => new URL(u).origin !== s.host.origin)).toEqual([]);
  });
});
