import { describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/run';
import { tempDir } from '../helpers/db';
import pkg from '../../package.json';

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => void (out += s), err: (s) => void (err += s), env });
  return { code, out, err };
}

describe('lexo CLI', () => {
  it('prints the version', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, out: `${pkg.version}\n`, err: '' });
    expect((await cli(['-v'])).out).toBe(`${pkg.version}\n`);
  });

  it('prints help on --help and exits 0', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: lexo <command> [options]');
    expect(r.out).toContain('info');
  });

  it('prints help on stdout and exits 2 with no command', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('Usage:');
  });

  it('info --json prints one JSON document read from the database', async () => {
    const t = tempDir();
    try {
      const r = await cli(['info', '--json', '--data-dir', t.dir]);
      expect(r.code).toBe(0);
      expect(r.err).toBe('');
      const info = JSON.parse(r.out) as {
        host: string;
        dataDir: string;
        schemaVersion: number;
        kb: { counts: { step: number } };
      };
      expect(info).toMatchObject({ host: 'cli', dataDir: t.dir, schemaVersion: 1 });
      expect(info.kb.counts.step).toBe(7);
    } finally {
      t.cleanup();
    }
  });

  it('info reads LEXO_DATA_DIR and prints readable text without --json', async () => {
    const t = tempDir();
    try {
      const r = await cli(['info'], { LEXO_DATA_DIR: t.dir });
      expect(r.code).toBe(0);
      expect(r.out).toContain(`Data folder ${t.dir}`);
      expect(r.out).toContain('Schema version 1');
      expect(r.out).toMatch(/step 7/);
    } finally {
      t.cleanup();
    }
  });

  it.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['--frob'], /unknown option '--frob'/],
    [['info', '--bogus'], /Unknown option '--bogus'/],
    [['info', 'extra'], /positional argument/],
    [['info', '--data-dir'], /--data-dir/],
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err).toContain("Run 'lexo --help' for usage.");
  });
});
