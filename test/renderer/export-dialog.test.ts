// The export dialog, opened from the case list over a fake store: a labelled modal, the format choice drives
// report.render (PDF previews its HTML), the HTML preview sits in a sandbox without any permission, language and
// redaction reach the calls, and Save reports a saved path, stays quiet on cancel, downloads base64, names errors.
import { cleanup, fireEvent, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult, ReportExportResult } from '../../src-main/core/contract';
import { base64Bytes, previewFormat, ReportExport } from '../../src-renderer/lib/report-export.svelte';
import { fakeCasesApi, type FakeReports } from './cases-fake';
import { fail, value } from './helpers';
import { renderApp, visible } from './render';

beforeEach(() => {
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  document.documentElement.lang = '';
});

async function openDialog(reports: FakeReports = {}, caseLang: 'en' | 'fr' | 'zh-TW' = 'fr') {
  const api = fakeCasesApi([{ id: 'case-1', title: 'OWA presence', lang: caseLang }], reports);
  renderApp(api.client, { hash: '#/cases' });
  const row = await screen.findByTestId('case-row');
  const opener = within(row).getByRole('button', { name: 'Export report…' });
  opener.focus();
  await fireEvent.click(opener);
  const dialog = (await screen.findByTestId('export-dialog')) as HTMLDialogElement;
  return { ...api, dialog, opener };
}

const formatRadio = (format: string) =>
  within(screen.getByTestId('export-dialog'))
    .getAllByRole('radio')
    .find((r) => (r as HTMLInputElement).value === format) as HTMLInputElement;

describe('the dialog', () => {
  it('is an open modal dialog named by its heading, HTML chosen, in the case’s language', async () => {
    const { dialog, inputsOf } = await openDialog();
    expect(dialog.tagName).toBe('DIALOG');
    expect(dialog.open).toBe(true);
    const title = document.getElementById(dialog.getAttribute('aria-labelledby')!);
    expect(visible(title)).toBe('Export report');
    expect(screen.getByRole('dialog', { name: 'Export report' })).toBe(dialog);
    expect(formatRadio('html').checked).toBe(true);
    expect((within(dialog).getByLabelText('Report language') as HTMLSelectElement).value).toBe('fr');
    await vi.waitFor(() =>
      expect(inputsOf('report.render')).toEqual([{ caseId: 'case-1', format: 'html', lang: 'fr', redact: false }]),
    );
  });

  it('offers the five formats, each with a short explanation', async () => {
    const { dialog } = await openDialog();
    const formats = within(dialog).getAllByTestId('export-format');
    expect(formats.map((f) => f.dataset.format)).toEqual(['md', 'html', 'pdf', 'json', 'ps1']);
    expect(formats.map((f) => visible(f.querySelector('.format-name')))).toEqual([
      'Markdown',
      'HTML',
      'PDF',
      'JSON',
      'PowerShell script (.ps1)',
    ]);
    const ps1 = formatRadio('ps1');
    expect(visible(ps1.closest('label'))).toContain('PowerShell script (.ps1)');
    const hint = document.getElementById(ps1.getAttribute('aria-describedby')!);
    expect(visible(hint)).toContain('-WhatIf');
    expect(visible(within(dialog).getByText('Redact customer names').closest('.field'))).toContain(
      'become stable tokens',
    );
  });

  it('shows the HTML preview in a frame sandboxed without any permission', async () => {
    const { dialog } = await openDialog();
    const frame = (await within(dialog).findByTestId('export-preview-html')) as HTMLIFrameElement;
    expect(frame.tagName).toBe('IFRAME');
    expect(frame.hasAttribute('sandbox')).toBe(true);
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toContain('<h1>Report case-1 fr</h1>');
    expect(frame.getAttribute('title')).toBe('Preview of the report');
    expect(frame.hasAttribute('src')).toBe(false);
  });

  it('renders the preview again for the format chosen; PDF previews as its HTML', async () => {
    const { dialog, inputsOf } = await openDialog();
    await within(dialog).findByTestId('export-preview-html');

    await fireEvent.click(formatRadio('md'));
    const text = await within(dialog).findByTestId('export-preview-text');
    expect(text.tagName).toBe('PRE');
    await vi.waitFor(() => expect(visible(text)).toBe('# Report case-1 (md, fr)'));
    expect(within(dialog).queryByTestId('export-preview-html')).toBeNull();

    await fireEvent.click(formatRadio('ps1'));
    await vi.waitFor(() => expect(visible(within(dialog).getByTestId('export-preview-text'))).toContain('(ps1, fr)'));

    await fireEvent.click(formatRadio('pdf'));
    await within(dialog).findByTestId('export-preview-html');
    expect(visible(dialog)).toContain('The PDF is this HTML, printed.');
    expect(inputsOf('report.render').map((i) => i.format)).toEqual(['html', 'md', 'ps1', 'html']);
  });

  it('sends the language and redaction chosen', async () => {
    const { dialog, inputsOf } = await openDialog();
    await fireEvent.click(formatRadio('md'));
    await fireEvent.change(within(dialog).getByLabelText('Report language'), { target: { value: 'zh-TW' } });
    await fireEvent.click(within(dialog).getByLabelText('Redact customer names'));
    await vi.waitFor(() =>
      expect(visible(within(dialog).getByTestId('export-preview-text'))).toBe('# Report case-1 (md, zh-TW, redacted)'),
    );
    expect(inputsOf('report.render').at(-1)).toEqual({ caseId: 'case-1', format: 'md', lang: 'zh-TW', redact: true });
  });

  it('shows a preview that could not be rendered as an error', async () => {
    const { dialog } = await openDialog({
      render: () => fail({ code: 'not-found', message: 'No case with id "case-1".' }),
    });
    const error = await within(dialog).findByTestId('export-preview-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(visible(error)).toContain('(report.render, not-found): No case with id "case-1".');
  });

  it('closes with the Close button and with Escape, and gives focus back to the button that opened it', async () => {
    const { dialog, opener } = await openDialog();
    const close = within(dialog).getByRole('button', { name: 'Close' });
    close.focus();
    await fireEvent.click(close);
    expect(screen.queryByTestId('export-dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);

    await fireEvent.click(opener);
    const again = await screen.findByTestId('export-dialog');
    within(again).getByLabelText('Report language').focus();
    await fireEvent.keyDown(within(again).getByLabelText('Report language'), { key: 'Escape' });
    expect(screen.queryByTestId('export-dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});

describe('Save', () => {
  async function save(result: ApiResult<ReportExportResult>) {
    const opened = await openDialog({ export: () => result });
    await fireEvent.click(within(opened.dialog).getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(opened.inputsOf('report.export')).toHaveLength(1));
    return opened;
  }

  it('exports in the chosen format and says where the app saved it', async () => {
    const opened = await openDialog({
      export: (input) => value({ fileName: `r.${input.format}`, mime: 'application/pdf', path: 'C:\\Reports\\r.pdf' }),
    });
    await fireEvent.click(formatRadio('pdf'));
    await fireEvent.click(within(opened.dialog).getByRole('checkbox'));
    await fireEvent.click(within(opened.dialog).getByRole('button', { name: 'Save' }));
    const saved = await within(opened.dialog).findByTestId('export-saved');
    expect(visible(saved)).toBe('Saved to C:\\Reports\\r.pdf');
    expect(saved.closest('[role="status"]')).toBeTruthy();
    expect(opened.inputsOf('report.export')).toEqual([{ caseId: 'case-1', format: 'pdf', lang: 'fr', redact: true }]);
  });

  it('says nothing when the user cancelled the save dialog', async () => {
    const { dialog } = await save(value({ fileName: 'r.html', mime: 'text/html', cancelled: true }));
    await vi.waitFor(() =>
      expect(within(dialog).getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(false),
    );
    expect(visible(within(dialog).getByTestId('export-status'))).toBe('');
    expect(within(dialog).queryByTestId('export-error')).toBeNull();
  });

  it('downloads the bytes the browser host returned, under the file name given', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:report';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: { download: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href });
    });
    const text = '<!doctype html><p>Conclusion: 5. Hosting provider — 主機提供者</p>';
    const base64 = btoa(String.fromCharCode(...new TextEncoder().encode(text)));
    const { dialog } = await save(value({ fileName: 'lexo-inc-1001.html', mime: 'text/html', base64 }));
    expect(visible(await within(dialog).findByTestId('export-downloaded'))).toBe('Downloaded lexo-inc-1001.html');
    expect(clicked).toEqual([{ download: 'lexo-inc-1001.html', href: 'blob:report' }]);
    expect(blobs[0]?.type).toBe('text/html');
    expect(await blobs[0]!.text()).toBe(text);
  });

  it('shows why the report could not be saved, e.g. PDF without Chromium', async () => {
    const { dialog } = await save(
      fail({ code: 'unavailable', message: 'PDF needs Chrome, Edge or Chromium: set LEXO_CHROMIUM.' }),
    );
    const error = await within(dialog).findByTestId('export-error');
    expect(error.closest('[role="alert"]')).toBeTruthy();
    expect(visible(error)).toBe(
      'The report could not be saved (unavailable): PDF needs Chrome, Edge or Chromium: set LEXO_CHROMIUM.',
    );
  });
});

describe('ReportExport', () => {
  it('previews PDF as HTML and decodes base64 to the exact bytes', () => {
    expect(previewFormat('pdf')).toBe('html');
    expect(previewFormat('ps1')).toBe('ps1');
    expect([...base64Bytes(btoa('%PDF-1.7\u00ff'))]).toEqual([37, 80, 68, 70, 45, 49, 46, 55, 255]);
  });

  it('hands the downloaded bytes to the injected saver, and keeps the latest preview', async () => {
    const save = vi.fn();
    const api = fakeCasesApi([{ id: 'x' }], {
      export: () => value({ fileName: 'r.pdf', mime: 'application/pdf', base64: btoa('%PDF-') }),
    });
    const report = new ReportExport({ client: api.client, caseId: 'x', lang: 'en', save });
    await report.setFormat('pdf');
    expect(report.preview.value?.text).toContain('<h1>Report x en</h1>');
    expect(await report.save()).toEqual({ kind: 'downloaded', fileName: 'r.pdf' });
    expect(save).toHaveBeenCalledWith('r.pdf', new Uint8Array([37, 80, 68, 70, 45]), 'application/pdf');
  });
});
