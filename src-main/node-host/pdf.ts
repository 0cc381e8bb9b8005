// PDF outside Electron (browser mode, the CLI): the report's HTML printed by an installed headless Chromium, the
// same print engine as Electron's printToPDF. Each print has its own private temporary folder and browser
// profile, removed afterwards; the browser is started without a shell and with its network features off.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LexoError } from '../core/errors';
import { chromiumMissingReason, findChromium } from './chromium';

export interface PrintPdfOptions {
  /** The browser to run; by default the one findChromium() finds. null: there is none. */
  chromiumPath?: string | null;
  /** Where LEXO_CHROMIUM is read from when chromiumPath is not given. */
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const HTML_FILE = 'report.html';
const PDF_FILE = 'out.pdf';

/** The command line: headless, no first-run or background traffic, a throw-away profile, no header or footer. */
export function chromiumPrintArgs(
  workDir: string,
  { platform = process.platform, isRoot = process.getuid?.() === 0 } = {},
): string[] {
  return [
    '--headless',
    '--disable-gpu',
    // Chromium's sandbox refuses to start as root on Linux; everywhere else it stays on.
    ...(platform === 'linux' && isRoot ? ['--no-sandbox'] : []),
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    // The report is self-contained; should it ever name a remote resource, no host name resolves.
    '--host-resolver-rules=MAP * ~NOTFOUND',
    '--no-pdf-header-footer',
    `--print-to-pdf=${join(workDir, PDF_FILE)}`,
    `--user-data-dir=${join(workDir, 'profile')}`,
    pathToFileURL(join(workDir, HTML_FILE)).href,
  ];
}

/** The last lines Chromium wrote, without the D-Bus complaints it prints on every Linux machine without a desktop. */
export function stderrTail(stderr: string, lines = 8): string {
  const kept = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/dbus/i.test(l));
  return kept.slice(-lines).join('\n').slice(-1500);
}

function notInstalled(env: NodeJS.ProcessEnv | undefined): LexoError {
  return new LexoError(
    'unavailable',
    `PDF needs Chrome, Edge or Chromium to print the report, and ${chromiumMissingReason(env)}. ` +
      'Install one of them or set LEXO_CHROMIUM to its executable; ' +
      'or export the report as HTML, which prints to PDF from any browser.',
  );
}

function printFailed(chromium: string, what: string, stderr: string): LexoError {
  const tail = stderrTail(stderr);
  return new LexoError(
    'unavailable',
    `Chromium (${chromium}) could not print the report to PDF: ${what}.${tail ? `\nChromium said:\n${tail}` : ''}`,
  );
}

function run(file: string, args: string[], timeoutMs: number): Promise<{ error: Error | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024, windowsHide: true },
      (error, _stdout, stderr) => resolve({ error, stderr: String(stderr) }),
    );
  });
}

function describeExit(error: Error & { code?: unknown; killed?: boolean; signal?: unknown }, timeoutMs: number) {
  if (error.killed)
    return `it did not finish within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} seconds`}`;
  if (typeof error.code === 'string') return `it could not be started (${error.code})`;
  if (error.signal) return `it stopped on signal ${String(error.signal)}`;
  return `it exited with code ${String(error.code)}`;
}

/** Prints `html` to a PDF with headless Chromium; an 'unavailable' LexoError when there is none or it fails. */
export async function printPdfWithChromium(html: string, options: PrintPdfOptions = {}): Promise<Uint8Array> {
  const chromium = options.chromiumPath === undefined ? findChromium({ env: options.env }) : options.chromiumPath;
  if (!chromium) throw notInstalled(options.env ?? process.env);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // mkdtemp makes the folder readable by this user only.
  const workDir = await mkdtemp(join(tmpdir(), 'lexo-pdf-'));
  try {
    // A BOM makes the page UTF-8 whatever its <meta charset> says: Chinese text never turns into mojibake.
    await writeFile(join(workDir, HTML_FILE), `\uFEFF${html}`, 'utf8');
    const { error, stderr } = await run(chromium, chromiumPrintArgs(workDir), timeoutMs);
    if (error) throw printFailed(chromium, describeExit(error, timeoutMs), stderr);
    let pdf: Buffer;
    try {
      pdf = await readFile(join(workDir, PDF_FILE));
    } catch {
      throw printFailed(chromium, 'it wrote no PDF file', stderr);
    }
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-')
      throw printFailed(chromium, 'what it wrote is not a PDF', stderr);
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    // Chromium's helpers may hold the profile a moment longer on Windows: retry, and never let cleanup hide the result.
    await rm(workDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => undefined);
  }
}
