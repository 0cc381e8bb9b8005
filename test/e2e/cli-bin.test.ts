import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
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

  it('diagnose: evidence alone, no answers, concludes on the right step', () => {
    const t = tempDir();
    try {
      const casePath = join(t.dir, 'case.json');
      writeFileSync(
        casePath,
        JSON.stringify({
          topology: 'lync2013-onprem',
          cloud: 'worldwide',
          features: { 'owa-im-presence': 'broken', 'free-busy': 'works' },
        }),
      );
      const evidence = join(REPO_ROOT, 'test', 'fixtures', 'evidence');
      const r = lexo([
        'diagnose',
        '--case',
        casePath,
        '--evidence',
        join(evidence, 'get-cshostingprovider-wrong.utf16le.txt'),
        '--evidence',
        join(evidence, 'get-csaccessedgeconfiguration.txt'),
        '--json',
        '--data-dir',
        t.dir,
      ]);
      expect(r.status).toBe(0);
      const out = JSON.parse(r.stdout) as {
        status: string;
        conclusion: { id: string };
        questionsAsked: number;
        fixCommands: string[];
        findings: { conclusion: string }[];
      };
      // AllowFederatedUsers is False: step 4 comes before the wrong hosting provider of step 5.
      expect(out).toMatchObject({
        status: 'concluded',
        conclusion: { id: 'step-4-shared-sip-address-space' },
        questionsAsked: 0,
      });
      expect(out.fixCommands).toEqual(['Set-CsAccessEdgeConfiguration -AllowFederatedUsers $True']);
      // Finding fixes get the case's values too: the worldwide ProxyFqdn, $False for Lync on-premises only.
      const fixes = (out.findings as unknown as { fix: string[] }[]).flatMap((f) => f.fix).join('\n');
      expect(fixes).toContain('-ProxyFqdn "exap.um.outlook.com"');
      expect(fixes).toContain('-EnabledSharedAddressSpace $False');
      expect(out.findings.map((f) => f.conclusion)).toEqual(
        expect.arrayContaining(['step-4-shared-sip-address-space', 'step-5-hosting-provider']),
      );
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
