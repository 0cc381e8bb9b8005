import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { all, get, run } from '../../../src-main/core/db/sqlite';
import { loadPack, PackError, readPack } from '../../../src-main/core/kb/pack';
import { kbStats } from '../../../src-main/core/kb/stats';
import { memoryDb, PACK_DIR, tempDir } from '../../helpers/db';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** A writable copy of the shipped pack. */
function packCopy(): string {
  const t = tempDir('lexo-pack-');
  cleanups.push(t.cleanup);
  cpSync(PACK_DIR, t.dir, { recursive: true });
  return t.dir;
}

function editJson(dir: string, file: string, edit: (v: Record<string, unknown>) => void): void {
  const path = join(dir, file);
  const value = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  edit(value);
  writeFileSync(path, JSON.stringify(value));
}

function problemsOf(fn: () => unknown): PackError['problems'] {
  try {
    fn();
  } catch (err) {
    if (err instanceof PackError) return err.problems;
    throw err;
  }
  throw new Error('expected a PackError');
}

describe('the shipped pack', () => {
  it('is valid and has the 5 topologies, 10 features and 7 steps in en, fr and zh-TW', () => {
    const pack = readPack(PACK_DIR);
    expect(pack.manifest.languages).toEqual(['en', 'fr', 'zh-TW']);
    const ids = (kind: string) => pack.files.find((f) => f.kind === kind)?.entries.map((e) => e.id);
    expect(ids('topology')).toEqual([
      'sfb-online',
      'lync2013-onprem',
      'lync2013-hybrid',
      'sfb-server-onprem',
      'sfb-server-hybrid',
    ]);
    expect(ids('feature')).toHaveLength(10);
    expect(ids('step')).toEqual([
      'step-1-dns',
      'step-2-sip-proxy-address',
      'step-3-mail-attribute',
      'step-4-shared-sip-address-space',
      'step-5-hosting-provider',
      'step-6-oauth-partner-apps',
      'step-7-office365-auth-trust',
    ]);
  });
});

describe('loadPack', () => {
  it('writes every entry and its texts, and reports the statistics', () => {
    const db = memoryDb();
    const result = loadPack(db, readPack(PACK_DIR), () => new Date('2026-01-02T03:04:05Z'));
    expect(result).toMatchObject({ loaded: true, packId: 'lexo-core' });
    const stats = kbStats(db);
    expect(stats).toMatchObject({
      packId: 'lexo-core',
      loadedAt: '2026-01-02T03:04:05.000Z',
      languages: ['en', 'fr', 'zh-TW'],
    });
    expect(stats.counts).toEqual({ topology: 5, feature: 10, step: 7, symptom: 0, cmdlet: 0, article: 0 });
    expect(
      get(
        db,
        "SELECT text FROM kb_text WHERE id = 'step-4-shared-sip-address-space' AND lang = 'fr' AND field = 'title'",
      ),
    ).toEqual({
      text: "4. Espace d'adressage SIP partagé sur le serveur Edge",
    });
  });

  it('skips an unchanged pack and reloads an edited one', () => {
    const db = memoryDb();
    const dir = packCopy();
    expect(loadPack(db, readPack(dir)).loaded).toBe(true);
    expect(loadPack(db, readPack(dir)).loaded).toBe(false);
    editJson(dir, 'steps.json', (v) => {
      const entries = v.entries as { title: Record<string, string> }[];
      entries[0]!.title.en = '1. DNS (edited)';
    });
    expect(loadPack(db, readPack(dir)).loaded).toBe(true);
    expect(get(db, "SELECT text FROM kb_text WHERE id = 'step-1-dns' AND lang = 'en' AND field = 'title'")).toEqual({
      text: '1. DNS (edited)',
    });
    expect(kbStats(db).counts.step).toBe(7);
  });

  it('never touches tables outside the knowledge base', () => {
    const db = memoryDb();
    run(db, 'CREATE TABLE cases (id TEXT)');
    run(db, "INSERT INTO cases VALUES ('c1')");
    const dir = packCopy();
    loadPack(db, readPack(dir));
    editJson(dir, 'pack.json', (v) => void (v.version = '9.9.9'));
    loadPack(db, readPack(dir));
    expect(all(db, 'SELECT id FROM cases')).toEqual([{ id: 'c1' }]);
  });
});

describe('readPack rejects a broken pack with every problem listed', () => {
  it('lists missing translations, bad ids and duplicates across files, with file and path', () => {
    const dir = packCopy();
    editJson(dir, 'steps.json', (v) => {
      const entries = v.entries as { id: string; title: Record<string, string> }[];
      delete entries[1]!.title.fr;
      entries[2]!.id = 'Bad Id';
      entries[3]!.id = entries[0]!.id;
    });
    editJson(dir, 'features.json', (v) => {
      const entries = v.entries as { title: Record<string, string> }[];
      entries[0]!.title['zh-TW'] = '  ';
    });
    const problems = problemsOf(() => readPack(dir));
    expect(problems).toEqual(
      expect.arrayContaining([
        { file: 'steps.json', path: 'entries.1.title.fr', reason: 'missing fr text' },
        expect.objectContaining({ file: 'steps.json', path: 'entries.2.id' }),
        expect.objectContaining({
          file: 'steps.json',
          path: 'entries.3.id',
          reason: expect.stringContaining('duplicate step id "step-1-dns"'),
        }),
        expect.objectContaining({ file: 'features.json', path: 'entries.0.title.zh-TW', reason: 'empty text' }),
      ]),
    );
  });

  it('names a file that is missing or not JSON', () => {
    const dir = packCopy();
    writeFileSync(join(dir, 'steps.json'), '{ "kind": "step", ');
    editJson(dir, 'pack.json', (v) => void (v.files = ['topologies.json', 'steps.json', 'nope.json']));
    const problems = problemsOf(() => readPack(dir));
    expect(problems.map((p) => p.file)).toEqual(['steps.json', 'nope.json']);
    expect(problems[0]!.reason).toMatch(/^not valid JSON/);
    expect(problems[1]!.reason).toMatch(/^cannot read: ENOENT/);
  });

  it('rejects an unknown field and an unknown kind', () => {
    const dir = packCopy();
    editJson(dir, 'topologies.json', (v) => void (v.kind = 'gadget'));
    editJson(dir, 'features.json', (v) => void ((v.entries as Record<string, unknown>[])[0]!.colour = 'red'));
    const problems = problemsOf(() => readPack(dir));
    expect(problems.map((p) => `${p.file}:${p.path}`)).toEqual(['topologies.json:kind', 'features.json:entries.0']);
  });

  it('leaves the database unchanged when the pack is broken', () => {
    const db = memoryDb();
    loadPack(db, readPack(PACK_DIR));
    const before = all(db, 'SELECT * FROM kb_text ORDER BY kind, id, lang, field');
    const dir = packCopy();
    editJson(dir, 'pack.json', (v) => void (v.version = 'one'));
    expect(() => loadPack(db, readPack(dir))).toThrow(PackError);
    expect(all(db, 'SELECT * FROM kb_text ORDER BY kind, id, lang, field')).toEqual(before);
  });

  it('gives a message that names file, path and reason', () => {
    const dir = packCopy();
    editJson(dir, 'pack.json', (v) => void (v.version = 'one'));
    expect(() => readPack(dir)).toThrow(/pack\.json at version: a version such as 1\.2\.3/);
  });
});
