import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/run';
import { MINI_RESOURCES_DIR, tempDir } from '../helpers/db';
import { scratchDataDir } from '../helpers/scratch-data';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
function dir(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

async function cli(args: string[], replies?: string[]) {
  let out = '';
  let err = '';
  const prompts: string[] = [];
  const io = {
    out: (s: string) => void (out += s),
    err: (s: string) => void (err += s),
    env: { LEXO_RESOURCES_DIR: MINI_RESOURCES_DIR, LEXO_DATA_DIR: scratchDataDir() },
    ...(replies ? { prompt: async (q: string) => (prompts.push(q), replies.shift() ?? '') } : {}),
  };
  const code = await runCli(args, io);
  return { code, out, err, prompts };
}

function caseFile(content: unknown, encoding: 'utf8' | 'utf16le-bom' = 'utf8'): string {
  const path = join(dir(), 'case.json');
  const text = JSON.stringify(content);
  writeFileSync(
    path,
    encoding === 'utf8' ? text : Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
  );
  return path;
}

describe('lexo diagnose --json', () => {
  it('answers with the next question and the trail, as DESIGN.md says', async () => {
    const r = await cli([
      'diagnose',
      '--case',
      caseFile({ topology: 'lync2013-onprem', features: { 'owa-im-presence': 'broken' } }),
      '--json',
      '--data-dir',
      dir(),
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out).toMatchObject({
      status: 'needs-answer',
      question: { id: 'p-freebusy' },
    });
    expect(out.trail.map((e: { id: string; source: string }) => `${e.id}:${e.source}`)).toEqual([
      'root:case',
      'feature.owa-im-presence:case',
    ]);
    for (const e of out.trail) expect(Object.keys(e)).toEqual(expect.arrayContaining(['question', 'answer', 'source']));
    expect(out.question.choices.map((c: { id: string }) => c.id)).toEqual(['yes', 'no', 'unsure']);
  });

  it('concludes with fix and verify commands once the case holds the answers (a UTF-16LE case file)', async () => {
    const path = caseFile(
      {
        topology: 'lync2013-onprem',
        cloud: 'gcc-high',
        features: { 'owa-im-presence': 'broken' },
        answers: { 'p-freebusy': 'yes' },
      },
      'utf16le-bom',
    );
    const r = await cli(['diagnose', '--case', path, '--json', '--data-dir', dir()]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      status: 'concluded',
      conclusion: { id: 'step-5-hosting-provider', kb: ['2565604'] },
      findings: [],
      fixCommands: ['New-CsHostingProvider -Identity "Exchange Online" -ProxyFqdn "exap.um.office365.us"'],
      questionsAsked: 1,
    });
  });

  it.each([
    [['diagnose', '--json'], /needs --case FILE/],
    [['diagnose', '--case', '/no/such/case.json', '--json'], /Cannot read the case file \/no\/such\/case.json: ENOENT/],
    [['diagnose', '--case', 'BADJSON', '--json'], /is not valid JSON/],
    [['diagnose', '--case', 'BADFIELD', '--json'], /Invalid input for engine.diagnose: case.topology/],
    [['diagnose', '--case', 'BADANSWER', '--json'], /"maybe" is not an answer to question root/],
    [['diagnose', '--case', 'GOOD', '--lang', 'de'], /--lang must be one of/],
  ])('exits 2 with a clear message: %j', async (args, message) => {
    const files: Record<string, string> = {
      BADJSON: (() => {
        const p = join(dir(), 'bad.json');
        writeFileSync(p, '{"topology": ');
        return p;
      })(),
      BADFIELD: caseFile({ topology: 'lync2099' }),
      BADANSWER: caseFile({ answers: { root: 'maybe' } }),
      GOOD: caseFile({}),
    };
    const r = await cli([...args.map((a) => files[a] ?? a), '--data-dir', dir()]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
  });
});

describe('lexo diagnose on a terminal', () => {
  it('asks each question, accepts a number or an id, re-asks on a bad reply, and prints the conclusion', async () => {
    const r = await cli(
      ['diagnose', '--case', caseFile({ features: { 'owa-im-presence': 'broken' } }), '--data-dir', dir()],
      ['1', 'x', 'yes'],
    );
    expect(r.code).toBe(0);
    expect(r.prompts[0]).toContain('Where do the users sign in?');
    expect(r.prompts[0]).toMatch(/1\. Lync Server on-premises\n\s+2\. Skype for Business Online\n\s+3\. Not sure/);
    expect(r.out).toContain('Answer with a number from 1 to 3');
    expect(r.out).toContain('Conclusion: Hosting provider missing [step-5-hosting-provider] (KB 2565604)');
    expect(r.out).toContain('Fill in before running: <proxyFqdn>');
    expect(r.out).toContain('Questions asked: 2');
  });
});
