// What the desktop app does for the core's exports (HostServices): print the report's HTML with Electron's own
// Chromium, and ask the user where to save a file, then write it atomically.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  type BrowserWindowConstructorOptions,
  type FileFilter,
  type Session,
} from 'electron';
import type { HostServices } from '../core/api';
import { LexoError } from '../core/errors';
import { writeFileAtomic } from '../core/fs/atomic-write';

/**
 * The print window's own in-memory session: the app's session cancels every request outside app://, which
 * would cancel the report's file too, and the print window needs none of the app's permissions.
 */
export const PRINT_PARTITION = 'lexo-print';
const PRINT_TIMEOUT_MS = 60_000;

/** Never shown, no script, no preload, no Node: the window only lays out the report's HTML for printing. */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794, // A4 at 96 dpi, so the layout matches the page
    height: 1123,
    webPreferences: {
      partition: PRINT_PARTITION,
      sandbox: true,
      contextIsolation: true,
      javascript: false,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  };
}

/** The print session's request filter: the report's own folder and inline images; nothing from the network. */
export function isAllowedPrintRequest(url: string, allowedDirs: Iterable<string>): boolean {
  if (url.startsWith('data:')) return true;
  if (!url.startsWith('file:')) return false;
  let path: string;
  try {
    path = fileURLToPath(url);
  } catch {
    return false;
  }
  for (const dir of allowedDirs) {
    const rel = relative(dir, path);
    if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return true;
  }
  return false;
}

const FILTER_NAMES: Readonly<Record<string, string>> = {
  md: 'Markdown',
  html: 'Web page (HTML)',
  pdf: 'PDF document',
  json: 'JSON',
  ps1: 'PowerShell script',
};

/** The save dialog's filters: the file's own type first, then any file. */
export function saveFilters(fileName: string): FileFilter[] {
  const ext = extname(fileName).slice(1).toLowerCase();
  const own = ext ? [{ name: FILTER_NAMES[ext] ?? ext.toUpperCase(), extensions: [ext] }] : [];
  return [...own, { name: 'All files', extensions: ['*'] }];
}

function documentsFolder(): string | undefined {
  try {
    return app.getPath('documents');
  } catch {
    // Linux without an XDG documents folder: the dialog then opens where it likes.
    return undefined;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    const limit = ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} seconds`;
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${limit}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface ReportServicesOptions {
  /** The window the save dialog belongs to (modal on it); null when there is none. */
  parentWindow: () => BrowserWindow | null;
  timeoutMs?: number;
}

export function createReportServices({
  parentWindow,
  timeoutMs = PRINT_TIMEOUT_MS,
}: ReportServicesOptions): Required<HostServices> {
  // Folders of the prints in progress: the only files the print session may load.
  const printDirs = new Set<string>();
  const hardened = new WeakSet<Session>();

  function hardenPrintSession(session: Session): void {
    if (hardened.has(session)) return;
    hardened.add(session);
    session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.setPermissionCheckHandler(() => false);
    session.webRequest.onBeforeRequest((details, callback) => {
      callback({ cancel: !isAllowedPrintRequest(details.url, printDirs) });
    });
  }

  async function printPdf(html: string): Promise<Uint8Array> {
    const workDir = await mkdtemp(join(tmpdir(), 'lexo-print-'));
    const file = join(workDir, 'report.html');
    printDirs.add(workDir);
    let win: BrowserWindow | undefined;
    try {
      // A BOM makes the page UTF-8 whatever its <meta charset> says.
      await writeFile(file, `\uFEFF${html}`, 'utf8');
      win = new BrowserWindow(printWindowOptions());
      hardenPrintSession(win.webContents.session);
      const page = win;
      const pdf = await withTimeout(
        page.loadFile(file).then(() => page.webContents.printToPDF({ printBackground: true, pageSize: 'A4' })),
        timeoutMs,
        'Printing',
      );
      if (Buffer.from(pdf.subarray(0, 5)).toString('latin1') !== '%PDF-') throw new Error('the result is not a PDF');
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } catch (err) {
      throw new LexoError(
        'unavailable',
        `Could not print the report to PDF: ${err instanceof Error ? err.message : String(err)}. The HTML format prints from any browser.`,
      );
    } finally {
      printDirs.delete(workDir);
      if (win && !win.isDestroyed()) win.destroy();
      await rm(workDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => undefined);
    }
  }

  async function saveFile(fileName: string, data: Uint8Array): Promise<string | null> {
    // Only a name: the core's suggestion never chooses the folder.
    const name = basename(fileName);
    const documents = documentsFolder();
    const options = { defaultPath: documents ? join(documents, name) : name, filters: saveFilters(name) };
    const parent = parentWindow();
    const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return null;
    await writeFileAtomic(choice.filePath, data);
    return choice.filePath;
  }

  return { printPdf, saveFile };
}
