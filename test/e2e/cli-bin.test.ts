import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../src-main/core/db/migrate';
import { REPO_ROOT, tempDir } from '../helpers/db';

/** The real `lexo` executable, as `npx lexo` runs it: the built CLI in a child process. */
function lexo(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'lexo.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
}

describe('bin/lexo.js', () => {
  it('info --json prints valid JSON read from the database', () => {
    const t = tempDir();
    try {
      const r = lexo(['info', '--json', '--data-dir', t.dir]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const info = JSON.parse(r.stdout) as { name: string; schemaVersion: number; kb: { counts: { step: number } } };
      expect(info.name).toBe('LEXO');
      expect(info.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      expect(info.kb.counts.step).toBe(7);
    } finally {
      t.cleanup();
    }
  });

  it('search --json answers with the shipped knowledge base, as the contract says', () => {
    const t = tempDir();
    try {
      const r = lexo(['search', 'OWA shows no presence', '--json', '--limit', '3', '--data-dir', t.dir]);
      expect(r.status).toBe(0);
      const { results } = JSON.parse(r.stdout) as { results: { kind: string; id: string; score: number }[] };
      expect(results).toHaveLength(3);
      expect(results[0]).toMatchObject({ kind: 'symptom', score: 1 });
      const zh = JSON.parse(lexo(['search', '2566790', '--lang', 'zh-TW', '--json', '--data-dir', t.dir]).stdout) as {
        results: { id: string; kb: string; title: string }[];
      };
      expect(zh.results[0]).toMatchObject({ id: 'kb-2566790', kb: '2566790' });
      expect(zh.results[0]!.title).toMatch(/[\u4e00-\u9fff]/);
    } finally {
      t.cleanup();
    }
  });

  it('exits 2 with a message on bad arguments', () => {
    const r = lexo(['info', '--nope']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("Unknown option '--nope'");
  });

  it('prints its version', () => {
    const r = lexo(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
