import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReportInput, TextReportFormat } from '../../src-main/core/contract';
import { openLexo } from '../../src-main/core/lexo';
import { runCli } from '../../src-main/cli/run';
import { findChromium } from '../../src-main/node-host/chromium';
import { MINI_RESOURCES_DIR, tempDir } from '../helpers/db';
import { scratchDataDir } from '../helpers/scratch-data';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
function dir(): string {
  const t = tempDir('lexo-report-cli-');
  cleanups.push(t.cleanup);
  return t.dir;
}

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  let out = '';
  let err = '';
  const io = {
    out: (s: string) => void (out += s),
    err: (s: string) => void (err += s),
    env: { LEXO_RESOURCES_DIR: MINI_RESOURCES_DIR, LEXO_DATA_DIR: scratchDataDir(), ...env },
  };
  const code = await runCli(args, io);
  return { code, out, err };
}

const SYMPTOM = 'OWA 無法顯示狀態 — présence absente';
const CASE = {
  symptom: SYMPTOM,
  topology: 'lync2013-onprem',
  exchange: 'exchange-online',
  cloud: 'gcc-high',
  features: { 'owa-im-presence': 'broken' },
  answers: { 'p-freebusy': 'yes' },
  names: { sipDomain: 'contoso.com', userSipAddress: 'ken@contoso.com' },
};

function caseFile(content: unknown = CASE, encoding: 'utf8' | 'utf16le-bom' = 'utf8'): string {
  const path = join(dir(), 'case.json');
  const text = JSON.stringify(content);
  writeFileSync(
    path,
    encoding === 'utf8' ? text : Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
  );
  return path;
}

/** What the core renders for the same input: the CLI must write exactly that. */
async function rendered(input: ReportInput & { format: TextReportFormat }): Promise<string> {
  const lexo = openLexo({ dataDir: dir(), resourcesDir: MINI_RESOURCES_DIR, host: 'cli' });
  try {
    return (await lexo.api.call('report.render', input)).text;
  } finally {
    lexo.close();
  }
}

describe('lexo report', () => {
  // Reports carry the time they were made: one fixed clock for the CLI and for the core it is compared with.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-05-04T10:20:30Z'));
  });
  afterEach(() => vi.useRealTimers());

  it.each(['md', 'html', 'json', 'ps1'] as const)(
    'writes the %s report the core renders, and says where on stdout',
    async (format) => {
      const out = join(dir(), `report.${format}`);
      const r = await cli(['report', '--case', caseFile(), '--format', format, '--out', out, '--data-dir', dir()]);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const written = readFileSync(out);
      expect(r.out).toBe(`Wrote ${out} (${format}, ${written.length} bytes)\n`);
      expect(written.toString('utf8')).toBe(await rendered({ case: CASE as ReportInput['case'], format }));
      expect(readdirSync(join(out, '..'))).toEqual([`report.${format}`]);
    },
  );

  it('reads a UTF-16LE case file (what PowerShell 5.1 writes) and keeps its Chinese text', async () => {
    const out = join(dir(), 'report.md');
    const r = await cli(['report', '--case', caseFile(CASE, 'utf16le-bom'), '--format', 'md', '--out', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain(SYMPTOM);
  });

  it('prints a text format on stdout with --out -, and nothing else', async () => {
    const r = await cli(['report', '--case', caseFile(), '--format', 'md', '--out', '-', '--data-dir', dir()]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(await rendered({ case: CASE as ReportInput['case'], format: 'md' }));
  });

  it('answers with one JSON document with --json', async () => {
    const out = join(dir(), 'r.json');
    const r = await cli(['report', '--case', caseFile(), '--format', 'json', '--out', out, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ path: out, format: 'json', bytes: readFileSync(out).length });
    expect(() => JSON.parse(readFileSync(out, 'utf8'))).not.toThrow();
  });

  it('writes into a folder given as --out under the name LEXO proposes', async () => {
    const folder = dir();
    const r = await cli(['report', '--case', caseFile(), '--format', 'md', '--out', folder]);
    expect(r.code).toBe(0);
    const [name] = readdirSync(folder);
    expect(name).toMatch(/\.md$/);
    expect(r.out).toBe(`Wrote ${join(folder, name!)} (md, ${readFileSync(join(folder, name!)).length} bytes)\n`);
  });

  it('follows --lang and --redact', async () => {
    const md = (extra: string[]) =>
      cli(['report', '--case', caseFile(), '--format', 'md', '--out', '-', ...extra]).then((r) => r.out);
    const [plain, redacted, french] = [await md([]), await md(['--redact']), await md(['--lang', 'fr'])];
    expect(plain).toContain('contoso.com');
    expect(redacted).not.toContain('contoso.com');
    expect(redacted).toBe(await rendered({ case: CASE as ReportInput['case'], format: 'md', redact: true }));
    expect(french).toBe(await rendered({ case: CASE as ReportInput['case'], format: 'md', lang: 'fr' }));
    expect(french).not.toBe(plain);
  });

  it('replaces an existing report whole, and leaves it alone when the write fails', async () => {
    const folder = dir();
    const out = join(folder, 'report.md');
    writeFileSync(out, 'the previous report');
    expect((await cli(['report', '--case', caseFile(), '--format', 'md', '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain(SYMPTOM);

    const blocked = join(folder, 'report.md', 'inside.md'); // a path through a file
    const r = await cli(['report', '--case', caseFile(), '--format', 'md', '--out', blocked]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(`lexo: Cannot write ${blocked}: a part of the path is a file, not a folder (ENOTDIR).\n`);
    expect(readdirSync(folder)).toEqual(['report.md']);
  });

  it('exits 1 with the folder named when it does not exist', async () => {
    const out = join(dir(), 'missing', 'report.md');
    const r = await cli(['report', '--case', caseFile(), '--format', 'md', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`lexo: Cannot write ${out}: the folder does not exist (ENOENT).\n`);
  });

  it('exits 1 and says how to get a PDF when no browser can print it', async () => {
    const out = join(dir(), 'report.pdf');
    const r = await cli(['report', '--case', caseFile(), '--format', 'pdf', '--out', out], {
      LEXO_CHROMIUM: '/nowhere/chrome',
    });
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^lexo: PDF needs Chrome, Edge or Chromium .*LEXO_CHROMIUM is set to \/nowhere\/chrome/);
    expect(r.err).toContain('export the report as HTML, which prints to PDF from any browser');
    expect(readdirSync(join(out, '..'))).toEqual([]);
  });

  it.each([
    [['report', '--format', 'md', '--out', 'OUT'], /report needs --case FILE/],
    [['report', '--case', 'GOOD', '--out', 'OUT'], /report needs --format, one of md, html, pdf, json, ps1/],
    [
      ['report', '--case', 'GOOD', '--format', 'docx', '--out', 'OUT'],
      /--format must be one of md, html, pdf, json, ps1, got "docx"/,
    ],
    [['report', '--case', 'GOOD', '--format', 'md'], /report needs --out FILE/],
    [['report', '--case', 'GOOD', '--format', 'pdf', '--out', '-'], /a PDF cannot go to standard output/],
    [['report', '--case', 'GOOD', '--format', 'md', '--out', 'OUT', '--lang', 'de'], /--lang must be one of/],
    [['report', '--case', 'GOOD', '--format', 'md', '--out', 'OUT', '--pages', '2'], /Unknown option '--pages'/],
    [
      ['report', '--case', '/no/such/case.json', '--format', 'md', '--out', 'OUT'],
      /Cannot read the case file \/no\/such\/case.json: ENOENT/,
    ],
    [['report', '--case', 'BADJSON', '--format', 'md', '--out', 'OUT'], /is not valid JSON/],
    [
      ['report', '--case', 'BADFIELD', '--format', 'md', '--out', 'OUT'],
      /Invalid input for report\.export: case\.topology/,
    ],
  ])('exits 2 with a clear message, writing nothing: %j', async (args, message) => {
    const folder = dir();
    const files: Record<string, string> = {
      GOOD: caseFile(),
      BADJSON: (() => {
        const p = join(dir(), 'bad.json');
        writeFileSync(p, '{"topology": ');
        return p;
      })(),
      BADFIELD: caseFile({ topology: 'lync2099' }),
      OUT: join(folder, 'report.out'),
    };
    const r = await cli([...args.map((a) => files[a] ?? a), '--data-dir', dir()]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('prints its usage with --help and is listed in lexo --help', async () => {
    const help = await cli(['report', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: lexo report --case case\.json --format md\|html\|pdf\|json\|ps1 --out FILE/);
    const main = await cli(['--help']);
    expect(main.out).toMatch(
      /\n {2}report {12}write a case report: --case case\.json --format md\|html\|pdf\|json\|ps1 --out FILE/,
    );
  });
});

const chromium = findChromium();
const hasPdftotext = !spawnSync('pdftotext', ['-v']).error;
// CI installs both (.ci/run); skip with the reason elsewhere.
describe.skipIf(!chromium || !hasPdftotext)(
  `lexo report --format pdf (${!chromium ? 'skipped: no Chrome/Edge/Chromium' : !hasPdftotext ? 'skipped: no pdftotext' : 'headless Chromium'})`,
  () => {
    it('writes a PDF whose text holds the case, Chinese included', async () => {
      const folder = dir();
      const out = join(folder, 'report.pdf');
      mkdirSync(folder, { recursive: true });
      const r = await cli(['report', '--case', caseFile(), '--format', 'pdf', '--out', out, '--lang', 'zh-TW']);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const pdf = readFileSync(out);
      expect(r.out).toBe(`Wrote ${out} (pdf, ${pdf.length} bytes)\n`);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' });
      expect(text.replace(/\s+/g, ' ')).toContain('OWA 無法顯示狀態');
    }, 60_000); // a browser start on a busy 2-core machine
  },
);
