import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LexoError } from '../../src-main/core/errors';
import { chromiumCandidates, findChromium } from '../../src-main/node-host/chromium';
import { chromiumPrintArgs, printPdfWithChromium, stderrTail } from '../../src-main/node-host/pdf';

const cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.splice(0).forEach((c) => c());
  vi.unstubAllEnvs();
});
function dir(prefix = 'lexo-pdf-test-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

const hasTool = (tool: string) => !spawnSync(tool, ['-v']).error;
const chromium = findChromium();
// CI installs chromium and poppler-utils (.ci/run); a developer machine may lack them.
const missing = [
  ...(chromium ? [] : ['Chrome/Edge/Chromium (set LEXO_CHROMIUM)']),
  ...(['pdftotext', 'pdftoppm'] as const).filter((t) => !hasTool(t)),
];
const printDescribe = missing.length ? describe.skip : describe;
if (missing.length) console.warn(`Skipping the PDF printing tests: not installed: ${missing.join(', ')}`);

async function rejection(promise: Promise<unknown>): Promise<LexoError> {
  const err = await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LexoError);
  return err as LexoError;
}

describe('findChromium', () => {
  const only =
    (...present: string[]) =>
    (p: string) =>
      present.includes(p);

  it('takes LEXO_CHROMIUM first, and only it when it is set', () => {
    const env = { LEXO_CHROMIUM: '/opt/chrome/chrome' };
    expect(findChromium({ env, platform: 'linux', exists: only('/opt/chrome/chrome', '/usr/bin/chromium') })).toBe(
      '/opt/chrome/chrome',
    );
    expect(findChromium({ env, platform: 'linux', exists: only('/usr/bin/chromium') })).toBeNull();
  });

  it('finds Debian Chromium or Chrome on Linux, and nothing on a machine without one', () => {
    expect(findChromium({ env: {}, platform: 'linux', exists: only('/usr/bin/google-chrome') })).toBe(
      '/usr/bin/google-chrome',
    );
    expect(findChromium({ env: {}, platform: 'linux', exists: () => false })).toBeNull();
  });

  it('looks in Program Files, Program Files (x86) and the per-user folder on Windows', () => {
    const env = {
      PROGRAMFILES: 'D:\\Apps',
      'PROGRAMFILES(X86)': 'D:\\Apps86',
      LOCALAPPDATA: 'C:\\Users\\ken\\AppData\\Local',
    };
    const candidates = chromiumCandidates('win32', env);
    expect(candidates).toEqual(
      expect.arrayContaining([
        'D:\\Apps\\Google\\Chrome\\Application\\chrome.exe',
        'D:\\Apps86\\Microsoft\\Edge\\Application\\msedge.exe',
        'C:\\Users\\ken\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
      ]),
    );
    // Edge is on every Windows 10/11: found even where Chrome is not.
    const edge = 'D:\\Apps86\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findChromium({ env, platform: 'win32', exists: only(edge) })).toBe(edge);
    expect(chromiumCandidates('win32', {})).toContain(
      'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    );
  });

  it('looks in /Applications and ~/Applications on macOS', () => {
    const mine = '/Users/ken/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findChromium({ env: { HOME: '/Users/ken' }, platform: 'darwin', exists: only(mine) })).toBe(mine);
    expect(chromiumCandidates('darwin', {})).toContain(
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    );
  });
});

describe('the Chromium command line', () => {
  it('turns the sandbox off only for root on Linux, and points at private files', () => {
    const args = chromiumPrintArgs('/tmp/lexo-pdf-x', { platform: 'linux', isRoot: true });
    expect(args).toContain('--no-sandbox');
    expect(args).toEqual(
      expect.arrayContaining([
        '--headless',
        '--no-pdf-header-footer',
        '--disable-background-networking',
        '--print-to-pdf=/tmp/lexo-pdf-x/out.pdf',
        '--user-data-dir=/tmp/lexo-pdf-x/profile',
      ]),
    );
    expect(args.at(-1)).toBe('file:///tmp/lexo-pdf-x/report.html');
    expect(chromiumPrintArgs('/tmp/x', { platform: 'linux', isRoot: false })).not.toContain('--no-sandbox');
    expect(chromiumPrintArgs('C:\\t', { platform: 'win32', isRoot: false })).not.toContain('--no-sandbox');
  });

  it('keeps the end of what Chromium said, without the D-Bus noise', () => {
    const stderr = [
      '[1:2:ERROR:dbus/bus.cc:405] Failed to connect to the bus',
      '[1:3:ERROR:printing] Cannot print: no pages',
      '[1:4:ERROR:dbus/object_proxy.cc:572] Failed to call method',
    ].join('\n');
    expect(stderrTail(stderr)).toBe('[1:3:ERROR:printing] Cannot print: no pages');
  });
});

const REPORT_HTML = `<!doctype html>
<html lang="zh-Hant"><head><meta charset="utf-8"><title>LEXO</title>
<style>@page { size: A4; margin: 18mm } body { font-family: sans-serif } h1 { color: #0b5cad }</style></head>
<body>
<h1>LEXO case report</h1>
<p>Step 5: hosting provider missing</p>
<p>Réseau non configuré: présence indisponible à l'été</p>
<p>症狀:「無法顯示狀態」</p>
</body></html>`;

printDescribe('printPdfWithChromium with the installed Chromium', () => {
  it('prints English, French accents and Traditional Chinese into a real A4 PDF, and cleans up', async () => {
    const work = dir();
    vi.stubEnv('TMPDIR', work); // os.tmpdir(): the print's own folder must be gone afterwards
    const pdf = await printPdfWithChromium(REPORT_HTML, { chromiumPath: chromium });
    vi.unstubAllEnvs();
    expect(readdirSync(work).filter((n) => n.startsWith('lexo-pdf-'))).toEqual([]);
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');

    const out = dir();
    const file = join(out, 'report.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('LEXO case report');
    expect(text).toContain('Step 5: hosting provider missing');
    expect(text).toContain('Réseau non configuré: présence indisponible à l');
    expect(text).toContain('「無法顯示狀態」');
    expect(text).not.toMatch(/file:\/\/|report\.html/); // no header or footer with the temp path

    // Page 1 as a PNG (kept in a temp folder for a look while developing): A4 at 60 dpi is 496 x 702.
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(out, 'page')]);
    const png = readFileSync(
      join(
        out,
        readdirSync(out).find((n) => n.endsWith('.png'))!,
      ),
    );
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([496, 702]);
  }, 60_000); // a browser start on a busy 2-core machine
});

describe('printPdfWithChromium without a working Chromium', () => {
  it('says how to get PDF when no browser is installed', async () => {
    const err = await rejection(printPdfWithChromium('<p>x</p>', { chromiumPath: null, env: {} }));
    expect(err.code).toBe('unavailable');
    expect(err.message).toBe(
      'PDF needs Chrome, Edge or Chromium to print the report, and no Chrome, Edge or Chromium is installed where ' +
        'LEXO looks. Install one of them or set LEXO_CHROMIUM to its executable; or export the report as HTML, ' +
        'which prints to PDF from any browser.',
    );
  });

  it('names a LEXO_CHROMIUM that points nowhere', async () => {
    const err = await rejection(printPdfWithChromium('<p>x</p>', { env: { LEXO_CHROMIUM: '/nowhere/chrome' } }));
    expect(err.code).toBe('unavailable');
    expect(err.message).toMatch(/LEXO_CHROMIUM is set to \/nowhere\/chrome, which does not exist\. Install one/);
  });

  describe.skipIf(process.platform === 'win32')('a browser that fails (a stand-in script)', () => {
    function fakeChromium(body: string): string {
      const path = join(dir(), 'chromium');
      writeFileSync(path, `#!/bin/sh\n${body}\n`);
      chmodSync(path, 0o755);
      return path;
    }

    it('reports the exit code and the end of its stderr', async () => {
      const path = fakeChromium(
        'echo "[1:2:ERROR:dbus/bus.cc] noise" >&2\necho "Fatal: cannot open display" >&2\nexit 3',
      );
      const err = await rejection(printPdfWithChromium('<p>x</p>', { chromiumPath: path }));
      expect(err.code).toBe('unavailable');
      expect(err.message).toBe(
        `Chromium (${path}) could not print the report to PDF: it exited with code 3.\nChromium said:\nFatal: cannot open display`,
      );
    });

    it('refuses a file that is not a PDF', async () => {
      const path = fakeChromium(
        'for a in "$@"; do case "$a" in --print-to-pdf=*) printf "<html>" > "${a#--print-to-pdf=}";; esac; done',
      );
      const err = await rejection(printPdfWithChromium('<p>x</p>', { chromiumPath: path }));
      expect(err.message).toBe(`Chromium (${path}) could not print the report to PDF: what it wrote is not a PDF.`);
    });

    it('says when it wrote nothing', async () => {
      const err = await rejection(printPdfWithChromium('<p>x</p>', { chromiumPath: fakeChromium('exit 0') }));
      expect(err.message).toMatch(/could not print the report to PDF: it wrote no PDF file\.$/);
    });

    it('stops a browser that hangs', async () => {
      const path = fakeChromium('exec sleep 30');
      const err = await rejection(printPdfWithChromium('<p>x</p>', { chromiumPath: path, timeoutMs: 300 }));
      expect(err.message).toMatch(/could not print the report to PDF: it did not finish within 300 ms\.$/);
    });

    it('hands the browser the HTML as UTF-8, with a BOM so that no <meta charset> can say otherwise', async () => {
      const seen = join(dir(), 'seen.html');
      const path = fakeChromium(
        `for a in "$@"; do case "$a" in file://*) cp "\${a#file://}" "${seen}";; --print-to-pdf=*) printf "%%PDF-1.4 x" > "\${a#--print-to-pdf=}";; esac; done`,
      );
      const pdf = await printPdfWithChromium('<p>「無法顯示狀態」</p>', { chromiumPath: path });
      expect(Buffer.from(pdf).toString('latin1')).toBe('%PDF-1.4 x');
      expect(readFileSync(seen, 'utf8')).toBe('\uFEFF<p>「無法顯示狀態」</p>');
    });
  });
});
