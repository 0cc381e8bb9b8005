import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LexoError } from '../../src-main/core/errors';

// A fake Electron: a BrowserWindow whose session records its handlers, and a scripted save dialog.
const fakes = vi.hoisted(() => {
  class FakeSession {
    beforeRequest?: (details: { url: string }, cb: (r: { cancel?: boolean }) => void) => void;
    permissionRequest?: (wc: unknown, permission: string, cb: (granted: boolean) => void) => void;
    permissionCheck?: () => boolean;
    setPermissionRequestHandler(h: FakeSession['permissionRequest']) {
      this.permissionRequest = h;
    }
    setPermissionCheckHandler(h: FakeSession['permissionCheck']) {
      this.permissionCheck = h;
    }
    webRequest = {
      onBeforeRequest: (h: FakeSession['beforeRequest']) => {
        this.beforeRequest = h;
      },
    };
    /** What the filter decides for a URL. */
    allows(url: string): boolean {
      let cancel: boolean | undefined;
      this.beforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel === false;
    }
  }

  const printSession = new FakeSession();
  const windows: FakeWindow[] = [];
  // What the next window does, set by each test before it prints.
  const hooks = {
    onLoad: async (_path: string): Promise<void> => undefined,
    print: async (): Promise<Buffer> => Buffer.from('%PDF-1.7\nfake pdf\n%%EOF'),
  };
  class FakeWindow {
    destroyed = false;
    webContents = {
      session: printSession,
      printToPDF: vi.fn((_options: unknown) => hooks.print()),
    };
    loadFile = vi.fn((path: string) => hooks.onLoad(path));
    destroy = vi.fn(() => {
      this.destroyed = true;
    });
    isDestroyed = () => this.destroyed;
    constructor(public options: { show?: boolean; webPreferences: Record<string, unknown> }) {
      windows.push(this);
    }
  }

  return {
    FakeWindow,
    windows,
    hooks,
    printSession,
    showSaveDialog: vi.fn(),
    getPath: vi.fn((name: string) => `/home/ken/${name === 'documents' ? 'Documents' : name}`),
  };
});

vi.mock('electron', () => ({
  app: { getPath: fakes.getPath },
  BrowserWindow: fakes.FakeWindow,
  dialog: { showSaveDialog: fakes.showSaveDialog },
}));

const { createReportServices, isAllowedPrintRequest, PRINT_PARTITION, saveFilters } =
  await import('../../src-main/electron/report-services');

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
const defaultHooks = { ...fakes.hooks };
beforeEach(() => {
  fakes.windows.length = 0;
  fakes.showSaveDialog.mockReset();
  Object.assign(fakes.hooks, defaultHooks);
});
function dir(): string {
  const d = mkdtempSync(join(tmpdir(), 'lexo-services-test-'));
  cleanups.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

const HTML = '<!doctype html><meta charset="utf-8"><h1>報告 「無法顯示狀態」</h1>';

async function failure(promise: Promise<unknown>): Promise<LexoError> {
  const err = await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LexoError);
  return err as LexoError;
}

describe('printPdf (webContents.printToPDF)', () => {
  it('prints in a hidden, script-less, sandboxed window of its own session, then destroys it and its files', async () => {
    const services = createReportServices({ parentWindow: () => null });
    let loaded = { path: '', content: '' };
    fakes.hooks.onLoad = async (path) => void (loaded = { path, content: readFileSync(path, 'utf8') });
    const pdf = await services.printPdf(HTML);

    expect(fakes.windows).toHaveLength(1);
    const win = fakes.windows[0]!;
    expect(Buffer.from(pdf).toString('latin1')).toBe('%PDF-1.7\nfake pdf\n%%EOF');
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toMatchObject({
      partition: PRINT_PARTITION,
      sandbox: true,
      contextIsolation: true,
      javascript: false,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(win.options.webPreferences).not.toHaveProperty('preload');
    expect(win.webContents.printToPDF).toHaveBeenCalledWith({ printBackground: true, pageSize: 'A4' });
    expect(loaded.content).toBe(`\uFEFF${HTML}`);
    expect(win.destroy).toHaveBeenCalledTimes(1);
    expect(existsSync(dirname(loaded.path))).toBe(false);
  });

  it('lets the print session load only the report being printed and inline images, and grants nothing', async () => {
    const services = createReportServices({ parentWindow: () => null });
    const decisions: boolean[] = [];
    let reportUrl = '';
    fakes.hooks.onLoad = async (path) => {
      reportUrl = pathToFileURL(path).href;
      for (const url of [
        reportUrl,
        'data:image/png;base64,iVBORw0KGgo=',
        'https://contoso.example/logo.png',
        'http://127.0.0.1:8080/',
        'file:///etc/passwd',
        `${reportUrl}/../../secret.txt`,
      ])
        decisions.push(fakes.printSession.allows(url));
    };
    await services.printPdf(HTML);
    expect(decisions).toEqual([true, true, false, false, false, false]);
    // Once printed, its folder is no longer allowed.
    expect(fakes.printSession.allows(reportUrl)).toBe(false);
    let granted: boolean | undefined;
    fakes.printSession.permissionRequest!({}, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(fakes.printSession.permissionCheck!()).toBe(false);
  });

  it('turns a print failure into a clear error, and still destroys the window and removes the file', async () => {
    const services = createReportServices({ parentWindow: () => null });
    let folder = '';
    fakes.hooks.onLoad = async (path) => void (folder = dirname(path));
    fakes.hooks.print = () => Promise.reject(new Error('Printing failed'));
    const err = await failure(services.printPdf(HTML));
    expect(err.code).toBe('unavailable');
    expect(err.message).toBe(
      'Could not print the report to PDF: Printing failed. The HTML format prints from any browser.',
    );
    expect(fakes.windows[0]!.destroy).toHaveBeenCalledTimes(1);
    expect(folder).not.toBe('');
    expect(existsSync(folder)).toBe(false);
  });

  it('gives up on a page that never finishes loading', async () => {
    const services = createReportServices({ parentWindow: () => null, timeoutMs: 20 });
    fakes.hooks.onLoad = () => new Promise(() => undefined);
    const err = await failure(services.printPdf(HTML));
    expect(err.message).toMatch(/^Could not print the report to PDF: Printing did not finish within 20 ms\./);
    expect(fakes.windows[0]!.destroy).toHaveBeenCalledTimes(1);
  });

  it('refuses what is not a PDF', async () => {
    const services = createReportServices({ parentWindow: () => null });
    fakes.hooks.print = async () => Buffer.from('<html>');
    expect((await failure(services.printPdf(HTML))).message).toMatch(/the result is not a PDF/);
  });
});

describe('saveFile (the save dialog, then an atomic write)', () => {
  it('proposes the name in Documents with its type as filter, modal on the window, and writes the chosen file', async () => {
    const parent = { id: 'main window' };
    const services = createReportServices({ parentWindow: () => parent as never });
    const target = join(dir(), 'chosen.pdf');
    fakes.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const bytes = new Uint8Array(Buffer.from('%PDF-1.7 report'));
    expect(await services.saveFile('lexo-case-contoso.pdf', bytes)).toBe(target);
    expect(fakes.showSaveDialog).toHaveBeenCalledWith(parent, {
      defaultPath: join('/home/ken/Documents', 'lexo-case-contoso.pdf'),
      filters: [
        { name: 'PDF document', extensions: ['pdf'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
    expect(readFileSync(target, 'latin1')).toBe('%PDF-1.7 report');
    expect(readdirSync(dirname(target))).toEqual(['chosen.pdf']);
  });

  it('returns null and writes nothing when the user cancels; opens a free dialog without a window', async () => {
    const services = createReportServices({ parentWindow: () => null });
    fakes.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await services.saveFile('../../evil/report.md', new Uint8Array([1]))).toBeNull();
    expect(fakes.showSaveDialog).toHaveBeenCalledWith({
      defaultPath: join('/home/ken/Documents', 'report.md'),
      filters: saveFilters('report.md'),
    });
  });

  it('reports a folder it cannot write to as a write-error', async () => {
    const services = createReportServices({ parentWindow: () => null });
    const target = join(dir(), 'gone', 'report.md');
    fakes.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const err = await failure(services.saveFile('report.md', new Uint8Array([1])));
    expect(err.code).toBe('write-error');
    expect(err.message).toBe(`Cannot write ${target}: the folder does not exist (ENOENT).`);
  });
});

describe('the pure rules', () => {
  it('allows only files inside the folders being printed', () => {
    const dirs = ['/tmp/lexo-print-a'];
    expect(isAllowedPrintRequest('file:///tmp/lexo-print-a/report.html', dirs)).toBe(true);
    expect(isAllowedPrintRequest('file:///tmp/lexo-print-ab/report.html', dirs)).toBe(false);
    expect(isAllowedPrintRequest('file:///tmp/lexo-print-a', dirs)).toBe(false);
    expect(isAllowedPrintRequest('file:///tmp/other.html', dirs)).toBe(false);
    expect(isAllowedPrintRequest('app://lexo/index.html', dirs)).toBe(false);
    expect(isAllowedPrintRequest('file://server/share/x.html', dirs)).toBe(false);
  });

  it('names the filters after the file type', () => {
    expect(saveFilters('case.json')[0]).toEqual({ name: 'JSON', extensions: ['json'] });
    expect(saveFilters('fix.ps1')[0]).toEqual({ name: 'PowerShell script', extensions: ['ps1'] });
    expect(saveFilters('notes')).toEqual([{ name: 'All files', extensions: ['*'] }]);
  });
});
