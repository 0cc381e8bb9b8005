/// <reference lib="dom" />
// The export dialog in Chromium over the web host and a real store, in French: a modal dialog (Escape closes it,
// the page behind is inert), the HTML preview in a sandboxed frame, the text formats in the preview, and Save
// downloading the report, whose content has the case's conclusion.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../src-main/core/contract';
import { ARTIFACTS_DIR, startWebSession, type WebSession } from '../helpers/web-session';

let s: WebSession;
let concluded: CaseRecord;

/** A case the engine concludes (step 5, wrong ProxyFqdn for 21Vianet), answered as in the guided flow's e2e test. */
const FILE = {
  symptom: 'La présence n’apparaît pas dans OWA',
  topology: 'lync2013-onprem',
  cloud: '21vianet',
  features: { 'owa-im-presence': 'broken', 'free-busy': 'works' },
  answers: { 'p-edge': 'yes', 's5-provider': 'wrong-proxy' },
} as const;

beforeAll(async () => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  s = await startWebSession('fr-FR');
  concluded = await s.lexo.api.call('cases.create', {
    title: 'Présence OWA — Contoso',
    customer: 'Contoso',
    ticket: 'INC-3001',
    lang: 'fr',
    file: { ...FILE, features: { ...FILE.features }, answers: { ...FILE.answers } },
  });
  await s.page.goto(s.host.url);
  await s.page.waitForFunction(() => location.hash === '#/cases');
});
afterAll(async () => {
  await s?.close();
});

const dialog = () => s.page.getByTestId('export-dialog');
async function openDialog(): Promise<void> {
  await s.page
    .locator(`[data-testid="case-row"][data-id="${concluded.id}"]`)
    .getByRole('button', { name: 'Exporter le rapport…' })
    .click();
  await dialog().waitFor();
}

describe('export dialog, end to end (French)', () => {
  it('the case concluded, in French', () => {
    expect(concluded.conclusion).toBe('step-5-hosting-provider');
    expect(concluded.conclusionTitle).toMatch(/\S/);
  });

  it('opens as a modal dialog named by its heading; Escape closes it and focus goes back', async () => {
    await openDialog();
    expect(await dialog().evaluate((el) => (el as HTMLDialogElement).matches(':modal'))).toBe(true);
    expect(await s.page.getByRole('dialog', { name: 'Exporter le rapport' }).count()).toBe(1);
    await s.page.keyboard.press('Escape');
    await expect.poll(() => dialog().count()).toBe(0);
    const focused = await s.page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    expect(focused).toBe('case-report');
  });

  it('previews the HTML report in a frame sandboxed without any permission', async () => {
    await openDialog();
    const frame = dialog().getByTestId('export-preview-html');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toBe('');
    expect(await dialog().getByLabel('Langue du rapport').inputValue()).toBe('fr');
    const body = s.page.frameLocator('[data-testid="export-preview-html"]').locator('body');
    await expect.poll(() => body.innerText()).toContain(concluded.conclusionTitle!);
    // No script runs in the preview: the frame's document is not reachable, and scripting is off there.
    const reachable = await frame.evaluate((el) => (el as HTMLIFrameElement).contentDocument !== null);
    expect(reachable).toBe(false);
    await s.page.screenshot({ path: join(ARTIFACTS_DIR, 'export-html-fr.png') });
  });

  it('shows the Markdown and PowerShell texts in the preview', async () => {
    await dialog().getByLabel('Markdown').check();
    const text = dialog().getByTestId('export-preview-text');
    await expect.poll(() => text.innerText()).toContain(concluded.conclusionTitle!);
    await dialog().getByLabel('Script PowerShell (.ps1)').check();
    await expect.poll(() => text.innerText()).toContain('SupportsShouldProcess');
    await s.page.screenshot({ path: join(ARTIFACTS_DIR, 'export-ps1-fr.png') });
  });

  it('Save downloads the HTML report, with the case’s conclusion in it', async () => {
    await dialog().getByLabel('HTML').check();
    const download = s.page.waitForEvent('download');
    await dialog().getByRole('button', { name: 'Enregistrer' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.html$/);
    const html = readFileSync((await file.path())!, 'utf8');
    expect(html).toContain('lang="fr"');
    // Read as a reader would: the report escapes its text (an apostrophe becomes an entity).
    const reader = await s.page.context().newPage();
    await reader.setContent(html);
    const text = await reader.locator('body').innerText();
    await reader.close();
    expect(text).toContain(concluded.conclusionTitle!);
    expect(text).toContain('Contoso');
    expect(await dialog().getByTestId('export-downloaded').innerText()).toBe(`${file.suggestedFilename()} téléchargé`);
  });

  it('redacts the customer name when asked', async () => {
    await dialog().getByLabel('Markdown').check();
    await dialog().getByLabel('Masquer les noms du client').check();
    const text = dialog().getByTestId('export-preview-text');
    await expect.poll(() => text.innerText()).toContain(concluded.conclusionTitle!);
    const download = s.page.waitForEvent('download');
    await dialog().getByRole('button', { name: 'Enregistrer' }).click();
    const markdown = readFileSync((await (await download).path())!, 'utf8');
    expect(markdown).toContain(concluded.conclusionTitle!);
    expect(markdown).not.toContain('Contoso');
  });

  it('sent no request anywhere but the loopback host', () => {
    expect(s.requests.filter((u) => new URL(u).origin !== s.host.origin)).toEqual([]);
  });
});
