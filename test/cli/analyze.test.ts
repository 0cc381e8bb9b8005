import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/run';
import { MINI_RESOURCES_DIR, REPO_ROOT, tempDir } from '../helpers/db';
import { scratchDataDir } from '../helpers/scratch-data';

const EVIDENCE = join(REPO_ROOT, 'test', 'fixtures', 'evidence');
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function cli(args: string[], stdin?: string) {
  const t = tempDir();
  cleanups.push(t.cleanup);
  let out = '';
  let err = '';
  const code = await runCli([...args, '--data-dir', t.dir], {
    out: (s) => void (out += s),
    err: (s) => void (err += s),
    env: { LEXO_RESOURCES_DIR: MINI_RESOURCES_DIR, LEXO_DATA_DIR: scratchDataDir() },
    ...(stdin !== undefined ? { stdin: async () => Buffer.from(stdin, 'utf16le') } : {}),
  });
  return { code, out, err };
}

describe('lexo analyze', () => {
  it('--json prints the facts and findings of DESIGN.md for a UTF-16LE file and a UTF-8 file', async () => {
    const r = await cli([
      'analyze',
      join(EVIDENCE, 'get-cshostingprovider-wrong.utf16le.txt'),
      join(EVIDENCE, 'get-csaccessedgeconfiguration.txt'),
      '--topology',
      'lync2013-onprem',
      '--cloud',
      'worldwide',
      '--json',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as {
      facts: Record<string, string>;
      findings: { id: string; severity: string; conclusion: string; message: string; kb: string[]; fix: string[] }[];
    };
    expect(out.facts).toMatchObject({
      'provider.proxyFqdn': 'wrong',
      'step.5': 'missing',
      'step.4': 'missing',
      'edge.allow-federated-users': 'no',
    });
    const proxy = out.findings.find((f) => /ProxyFqdn/.test(f.message) && f.severity === 'error')!;
    expect(proxy).toMatchObject({ conclusion: 'step-5-hosting-provider' });
    expect(proxy.fix[0]).toBe('Remove-CsHostingProvider -Identity "Exchange Online"');
    for (const f of out.findings)
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['id', 'severity', 'conclusion', 'message', 'kb', 'fix']));
  });

  it('reads standard input for "-" and says what it cannot read', async () => {
    const r = await cli(['analyze', '-'], 'Hello, this is not PowerShell output.\r\n');
    expect(r.code).toBe(0);
    expect(r.out).toContain('standard input:');
    expect(r.out).toMatch(/not recognized/);
  });

  it.each([
    [['analyze'], /needs at least one file/],
    [['analyze', '/no/such/file.txt'], /Cannot read \/no\/such\/file.txt: ENOENT/],
    [['analyze', 'x.txt', '--cloud', 'mars'], /--cloud must be one of worldwide, 21vianet, gcc-high, got "mars"/],
    [['analyze', 'x.txt', '--topology', 'lync2010'], /--topology must be one of/],
  ])('exits 2 with a clear message: %j', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
