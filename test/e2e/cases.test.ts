/// <reference lib="dom" />
// The case list in Chromium over the web host and a real store: the home when cases are open, search and
// filters, close, delete with Undo, "Recently deleted", import of an exported case, and resuming a case.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../src-main/core/contract';
import { ARTIFACTS_DIR, startWebSession, type WebSession } from '../helpers/web-session';

let s: WebSession;
let owa: CaseRecord;
let freeBusy: CaseRecord;

beforeAll(async () => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  s = await startWebSession('en-US');
  owa = await s.lexo.api.call('cases.create', {
    title: 'OWA shows no presence',
    customer: 'Contoso Pharmaceuticals',
    ticket: 'INC-2041',
    lang: 'en',
    file: { symptom: 'OWA shows no presence and the IM button is missing', topology: 'lync2013-hybrid' },
  });
  freeBusy = await s.lexo.api.call('cases.create', {
    title: 'Free/busy missing in Outlook',
    customer: 'Fabrikam',
    ticket: 'INC-2077',
    lang: 'en',
    file: { symptom: 'No free/busy for Skype users', topology: 'sfb-online' },
  });
  await s.page.goto(s.host.url);
});
afterAll(async () => {
  await s?.close();
});

const rows = () => s.page.getByTestId('case-row');
const row = (id: string) => s.page.locator(`[data-testid="case-row"][data-id="${id}"]`);
async function shownIds(): Promise<string[]> {
  return rows().evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.id ?? ''));
}

describe('case list, end to end', () => {
  it('opens on the case list, newest first, since cases are open', async () => {
    await s.page.waitForFunction(() => location.hash === '#/cases');
    await expect.poll(shownIds).toEqual([freeBusy.id, owa.id]);
    expect(await row(owa.id).getByTestId('case-customer').innerText()).toBe('Contoso Pharmaceuticals');
    expect(await row(owa.id).getByTestId('case-ticket').innerText()).toBe('INC-2041');
    expect(await row(owa.id).getByTestId('case-status').innerText()).toBe('Open');
    await s.page.screenshot({ path: join(ARTIFACTS_DIR, 'cases-en.png'), fullPage: true });
  });

  it('finds cases by words as they are typed, and by customer', async () => {
    await s.page.getByLabel('Search cases').fill('im button');
    await expect.poll(shownIds).toEqual([owa.id]);
    await s.page.getByLabel('Search cases').fill('');
    await expect.poll(shownIds).toEqual([freeBusy.id, owa.id]);
    await s.page.getByLabel('Customer').fill('fabri');
    await expect.poll(shownIds).toEqual([freeBusy.id]);
    await s.page.getByLabel('Ticket').fill('INC-2041');
    await expect.poll(() => s.page.getByTestId('cases-no-match').isVisible()).toBe(true);
    await s.page.getByTestId('cases-filter-clear').click();
    await expect.poll(shownIds).toEqual([freeBusy.id, owa.id]);
  });

  it('filters on the day a case was updated', async () => {
    const today = await s.page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await s.page.getByLabel('Updated from').fill(today);
    await expect.poll(shownIds).toEqual([freeBusy.id, owa.id]);
    await s.page.getByLabel('Updated until').fill('2020-01-01');
    await s.page.getByLabel('Updated from').fill('2019-01-01');
    await expect.poll(() => s.page.getByTestId('cases-no-match').isVisible()).toBe(true);
    await s.page.getByTestId('cases-filter-clear').click();
    await expect.poll(shownIds).toEqual([freeBusy.id, owa.id]);
  });

  it('closes a case: it leaves the open list and shows under Closed', async () => {
    await row(freeBusy.id).getByRole('button', { name: 'Close' }).click();
    await expect.poll(shownIds).toEqual([owa.id]);
    expect((await s.lexo.api.call('cases.get', { id: freeBusy.id })).status).toBe('closed');
    await s.page.getByLabel('Status').selectOption('closed');
    await expect.poll(shownIds).toEqual([freeBusy.id]);
    await row(freeBusy.id).getByRole('button', { name: 'Reopen' }).click();
    await expect.poll(() => s.page.getByTestId('cases-no-match').isVisible()).toBe(true);
    await s.page.getByLabel('Status').selectOption('open');
    await expect.poll(shownIds).toEqual([freeBusy.id, owa.id]);
  });

  it('deletes with Undo, and restores from "Recently deleted"', async () => {
    await row(owa.id).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(shownIds).toEqual([freeBusy.id]);
    const notice = s.page.getByTestId('cases-notice');
    expect(await notice.innerText()).toContain('Deleted “OWA shows no presence”.');
    const undo = notice.getByRole('button', { name: 'Undo' });
    await expect.poll(() => undo.evaluate((el) => el === document.activeElement)).toBe(true);
    await s.page.keyboard.press('Enter');
    // Restoring does not change when the case was last updated: it goes back to its place.
    await expect.poll(shownIds).toEqual([freeBusy.id, owa.id]);
    expect((await s.lexo.api.call('cases.get', { id: owa.id })).deletedAt).toBeNull();

    await row(freeBusy.id).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(shownIds).toEqual([owa.id]);
    await s.page.getByTestId('cases-view-deleted').click();
    const deleted = s.page.getByTestId('deleted-case');
    await expect.poll(() => deleted.count()).toBe(1);
    expect(await deleted.innerText()).toContain('Free/busy missing in Outlook');
    await deleted.getByRole('button', { name: 'Restore' }).click();
    await s.page.getByTestId('cases-deleted-empty').waitFor();
    await s.page.getByTestId('cases-view-live').click();
    await expect.poll(async () => (await shownIds()).sort()).toEqual([owa.id, freeBusy.id].sort());
  });

  it('imports an exported case as a new one, and a bad file shows why', async () => {
    const exported = await s.lexo.api.call('cases.export', { id: owa.id });
    const picker = s.page.getByTestId('cases-import-file');
    await picker.setInputFiles({
      name: exported.fileName,
      mimeType: 'application/json',
      buffer: Buffer.from(exported.text),
    });
    const notice = s.page.getByTestId('cases-notice');
    await expect
      .poll(() => notice.innerText())
      .toContain(`Imported “OWA shows no presence” from ${exported.fileName}.`);
    await expect.poll(() => rows().count()).toBe(3);

    await picker.setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"symptom": 42'),
    });
    const error = s.page.getByTestId('cases-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/Could not import broken\.json \(invalid-input\): .+/);
  });

  it('exports a case file as a download', async () => {
    const download = s.page.waitForEvent('download');
    await row(freeBusy.id).getByRole('button', { name: 'Export JSON' }).click();
    const file = await download;
    const text = readFileSync((await file.path())!, 'utf8');
    const parsed = JSON.parse(text) as { symptom?: string; lexo?: { title?: string; customer?: string } };
    expect(parsed.symptom).toBe('No free/busy for Skype users');
    expect(parsed.lexo).toMatchObject({ title: 'Free/busy missing in Outlook', customer: 'Fabrikam' });
  });

  it('renames inline, then opens the case to resume it', async () => {
    await row(owa.id).getByRole('button', { name: 'Rename' }).click();
    const input = row(owa.id).getByLabel('New title');
    await input.fill('OWA presence — Contoso');
    await input.press('Enter');
    await expect.poll(() => row(owa.id).getByTestId('case-open').innerText()).toBe('OWA presence — Contoso');
    expect((await s.lexo.api.call('cases.get', { id: owa.id })).title).toBe('OWA presence — Contoso');

    await row(owa.id).getByTestId('case-open').click();
    await s.page.waitForFunction((id) => location.hash === `#/case/${id}`, owa.id);
  });

  it('reads in French', async () => {
    await s.page.goto(`${s.host.origin}/#/cases`);
    await s.page.getByTestId('lang-select').selectOption('fr');
    await s.page.waitForFunction(() => document.documentElement.lang === 'fr');
    await expect.poll(() => s.page.getByRole('heading', { level: 1 }).innerText()).toBe('Dossiers');
    expect(await row(owa.id).getByTestId('case-status').innerText()).toBe('Ouvert');
    await s.page.screenshot({ path: join(ARTIFACTS_DIR, 'cases-fr.png'), fullPage: true });
  });

  it('sent no request anywhere but the loopback host', () => {
    expect(s.requests.filter((u) => new URL(u).origin !== s.host.origin)).toEqual([]);
  });
});
