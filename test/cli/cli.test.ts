import { describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/run';
import { MINI_RESOURCES_DIR, tempDir } from '../helpers/db';
import { scratchDataDir } from '../helpers/scratch-data';
import { LATEST_SCHEMA_VERSION } from '../../src-main/core/db/migrate';
import pkg from '../../package.json';

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  let out = '';
  let err = '';
  // The mini pack keeps these tests about the CLI, not about the shipped content.
  const code = await runCli(args, {
    out: (s) => void (out += s),
    err: (s) => void (err += s),
    env: { LEXO_RESOURCES_DIR: MINI_RESOURCES_DIR, LEXO_DATA_DIR: scratchDataDir(), ...env },
  });
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
        kb: { packId: string; counts: { cmdlet: number } };
      };
      expect(info).toMatchObject({ host: 'cli', dataDir: t.dir, schemaVersion: LATEST_SCHEMA_VERSION });
      expect(info.kb).toMatchObject({ packId: 'mini', counts: { cmdlet: 3 } });
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
      expect(r.out).toContain(`Schema version ${LATEST_SCHEMA_VERSION}`);
      expect(r.out).toMatch(/cmdlet 3/);
    } finally {
      t.cleanup();
    }
  });

  it('search --json prints the results of the contract, best first', async () => {
    const t = tempDir();
    try {
      const r = await cli([
        'search',
        'hosting',
        'provider',
        '--json',
        '--lang',
        'fr',
        '--limit',
        '5',
        '--data-dir',
        t.dir,
      ]);
      expect(r.code).toBe(0);
      const { results } = JSON.parse(r.out) as {
        results: { kind: string; id: string; title: string; kb: string | null; score: number }[];
      };
      expect(results.length).toBeGreaterThan(0);
      expect(results.length).toBeLessThanOrEqual(5);
      expect(results[0]).toMatchObject({ score: 1 });
      for (const result of results)
        expect(Object.keys(result)).toEqual(expect.arrayContaining(['kind', 'id', 'title', 'kb', 'score']));
      expect(results.map((x) => x.title)).toContain("Fournisseur d'hébergement");
    } finally {
      t.cleanup();
    }
  });

  it('search by KB number returns the article first, in readable text without --json', async () => {
    const t = tempDir();
    try {
      const r = await cli(['search', '2565604', '--data-dir', t.dir]);
      expect(r.code).toBe(0);
      expect(r.out.split('\n')[0]).toMatch(/^ 1\. \[article\] .*\(KB 2565604\)\s+kb-2565604/);
    } finally {
      t.cleanup();
    }
  });

  it.each([
    [['search'], /needs the text/],
    [['search', 'x', '--lang', 'de'], /--lang must be one of en, fr, zh-TW, got "de"/],
    [['search', 'x', '--limit', '0'], /--limit must be a whole number from 1 to 100/],
    [['search', 'x', '--limit', 'many'], /--limit must be a whole number/],
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
