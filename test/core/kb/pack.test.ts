import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { all, get, run } from '../../../src-main/core/db/sqlite';
import { loadPack, loadPackFolder, PackError, readPack } from '../../../src-main/core/kb/pack';
import { kbStats } from '../../../src-main/core/kb/stats';
import { memoryDb, MINI_PACK_DIR, tempDir } from '../../helpers/db';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** A writable copy of the mini pack. */
function packCopy(): string {
  const t = tempDir('lexo-pack-');
  cleanups.push(t.cleanup);
  cpSync(MINI_PACK_DIR, t.dir, { recursive: true });
  return t.dir;
}

type Raw = Record<string, unknown> & { entries: Record<string, unknown>[] };
function edit(dir: string, file: string, change: (v: Raw) => void): void {
  const path = join(dir, file);
  const value = JSON.parse(readFileSync(path, 'utf8')) as Raw;
  change(value);
  writeFileSync(path, JSON.stringify(value));
}

function problemsOf(dir: string): PackError['problems'] {
  try {
    readPack(dir);
  } catch (err) {
    if (err instanceof PackError) return err.problems;
    throw err;
  }
  throw new Error('expected a PackError');
}

const first = (v: Raw) => v.entries[0]!;

describe('loadPack', () => {
  it('writes every entry, its titles and its search rows, and reports statistics', () => {
    const db = memoryDb();
    const result = loadPack(db, readPack(MINI_PACK_DIR), () => new Date('2026-01-02T03:04:05Z'));
    expect(result).toMatchObject({ loaded: true, packId: 'mini', version: '1.0.0' });
    const stats = kbStats(db);
    expect(stats).toMatchObject({
      packId: 'mini',
      packVersion: '1.0.0',
      loadedAt: '2026-01-02T03:04:05.000Z',
      languages: ['en', 'fr', 'zh-TW'],
    });
    expect(stats.counts).toEqual({
      topology: 2,
      exchange: 1,
      cloud: 3,
      feature: 2,
      step: 2,
      symptom: 1,
      cmdlet: 3,
      article: 1,
      topic: 1,
      node: 8,
      conclusion: 5,
    });
    expect(get(db, "SELECT text FROM kb_text WHERE id = 'step-5-hosting-provider' AND lang = 'fr'")).toEqual({
      text: "Fournisseur d'hébergement",
    });
    expect(get(db, "SELECT kb FROM kb_entry WHERE id = 'kb-2565604'")).toEqual({ kb: '2565604' });
    // Searchable kinds get a row per language; topologies and features are not searched.
    expect(get(db, 'SELECT COUNT(*) AS n FROM kb_search')).toEqual({ n: 8 * 3 });
  });

  it('skips an unchanged pack and reloads an edited one', () => {
    const db = memoryDb();
    const dir = packCopy();
    expect(loadPack(db, readPack(dir)).loaded).toBe(true);
    expect(loadPack(db, readPack(dir)).loaded).toBe(false);
    edit(dir, 'steps.json', (v) => {
      const step5 = v.entries.find((e) => e.id === 'step-5-hosting-provider')!;
      (step5.title as Record<string, string>).en = 'Hosting provider (edited)';
    });
    expect(loadPack(db, readPack(dir)).loaded).toBe(true);
    expect(get(db, "SELECT text FROM kb_text WHERE id = 'step-5-hosting-provider' AND lang = 'en'")).toEqual({
      text: 'Hosting provider (edited)',
    });
    expect(get(db, 'SELECT COUNT(*) AS n FROM kb_search')).toEqual({ n: 24 });
  });

  it('never touches tables outside the knowledge base', () => {
    const db = memoryDb();
    run(db, 'CREATE TABLE cases (id TEXT)');
    run(db, "INSERT INTO cases VALUES ('c1')");
    const dir = packCopy();
    loadPack(db, readPack(dir));
    edit(dir, 'pack.json', (v) => void (v.version = '9.9.9'));
    loadPack(db, readPack(dir));
    expect(all(db, 'SELECT id FROM cases')).toEqual([{ id: 'c1' }]);
  });
});

describe('readPack rejects a broken pack with every problem listed', () => {
  it.each<[string, string, (v: Raw) => void, { path: string; reason: RegExp }]>([
    [
      'a missing translation',
      'steps.json',
      (v) => void delete (first(v).title as Record<string, string>).fr,
      { path: 'entries.0.title.fr', reason: /^missing fr text$/ },
    ],
    [
      'a missing nested translation',
      'steps.json',
      (v) => void delete ((first(v).variants as Raw[])[0]!.text as Record<string, string>)['zh-TW'],
      { path: 'entries.0.variants.0.text.zh-TW', reason: /missing zh-TW/ },
    ],
    [
      'an empty text',
      'features.json',
      (v) => void ((first(v).title as Record<string, string>)['zh-TW'] = ' '),
      { path: 'entries.0.title.zh-TW', reason: /empty text/ },
    ],
    ['a bad id', 'symptoms.json', (v) => void (first(v).id = 'Bad Id'), { path: 'entries.0.id', reason: /an id/ }],
    [
      'an unknown field',
      'features.json',
      (v) => void (first(v).colour = 'red'),
      { path: 'entries.0', reason: /colour/ },
    ],
    [
      'an unknown reference',
      'symptoms.json',
      (v) => void (first(v).articles = ['kb-1234567']),
      { path: 'entries.0.articles', reason: /unknown article "kb-1234567"/ },
    ],
    [
      'an unknown topology in a variant',
      'steps.json',
      (v) => void ((first(v).variants as Raw[])[0]!.topologies = ['atlantis']),
      { path: 'entries.0.variants.0.topologies', reason: /unknown topology "atlantis"/ },
    ],
    [
      'an unknown placeholder',
      'steps.json',
      (v) => void (((first(v).variants as Raw[])[0]!.fix as Raw[])[0]!.command = 'Get-CsUser {{nope}}'),
      { path: 'entries.0.variants.0.fix.0.command', reason: /unknown placeholder \{\{nope\}\}/ },
    ],
    [
      'a SIP address parameter without sip:',
      'cmdlets.json',
      (v) => void (first(v).examples = [{ command: 'New-CsHostingProvider -Identity "{{userSipAddress}}"' }]),
      { path: 'entries.0.examples.0.command', reason: /needs the sip: prefix/ },
    ],
    [
      'a Cs cmdlet that is not in the pack',
      'topics.json',
      (v) => void (first(v).commands = [{ command: 'Get-CsUser -Identity x' }]),
      { path: 'entries.0.commands.0.command', reason: /unknown cmdlet "get-csuser"/ },
    ],
    [
      'a cmdlet id that is not its name',
      'cmdlets.json',
      (v) => void (first(v).id = 'new-provider'),
      { path: 'entries.0.id', reason: /new-cshostingprovider/ },
    ],
    [
      'a step id that does not match its number',
      'steps.json',
      (v) => void (first(v).number = 4),
      { path: 'entries.0.id', reason: /step-4-/ },
    ],
    [
      'a feature without support for a topology',
      'features.json',
      (v) => void delete (first(v).support as Record<string, string>)['sfb-online'],
      { path: 'entries.0.support.sfb-online', reason: /no support value/ },
    ],
    [
      'a removed article without its source',
      'articles.json',
      (v) => void delete first(v).removed,
      { path: 'entries.0.removed', reason: /names its source/ },
    ],
    [
      'a KB id that does not match its number',
      'articles.json',
      (v) => void (first(v).kb = '1111111'),
      { path: 'entries.0.kb', reason: /must be "2565604"/ },
    ],
    [
      'an article without sources',
      'articles.json',
      (v) => void (first(v).sources = []),
      { path: 'entries.0.sources', reason: /cite at least one source/ },
    ],
    [
      'a plain http link',
      'cmdlets.json',
      (v) => void (first(v).link = 'http://example.com'),
      { path: 'entries.0.link', reason: /./ },
    ],
    ['an unknown kind', 'topics.json', (v) => void (v.kind = 'gadget'), { path: 'kind', reason: /Invalid option/ }],
  ])('%s', (_label, file, change, expected) => {
    const dir = packCopy();
    edit(dir, file, change);
    const problems = problemsOf(dir);
    expect(problems).toContainEqual({ file, path: expected.path, reason: expect.stringMatching(expected.reason) });
  });

  it('lists problems from several files at once', () => {
    const dir = packCopy();
    edit(dir, 'steps.json', (v) => void delete (first(v).title as Record<string, string>).fr);
    edit(dir, 'symptoms.json', (v) => void (first(v).steps = ['step-9-nope']));
    edit(dir, 'cmdlets.json', (v) => void (v.entries[1]!.id = v.entries[0]!.id));
    const problems = problemsOf(dir);
    expect(problems.map((p) => p.file)).toEqual(
      expect.arrayContaining(['steps.json', 'symptoms.json', 'cmdlets.json']),
    );
    expect(problems.find((p) => p.file === 'cmdlets.json' && /duplicate cmdlet id/.test(p.reason))).toBeTruthy();
  });

  it('names a file that is missing or not JSON', () => {
    const dir = packCopy();
    writeFileSync(join(dir, 'steps.json'), '{ "kind": "step", ');
    edit(dir, 'pack.json', (v) => void (v.files = [...(v.files as string[]), 'nope.json']));
    const problems = problemsOf(dir);
    expect(problems).toContainEqual({ file: 'steps.json', path: '', reason: expect.stringMatching(/^not valid JSON/) });
    expect(problems).toContainEqual({
      file: 'nope.json',
      path: '',
      reason: expect.stringMatching(/^cannot read: ENOENT/),
    });
  });

  it('rejects a bad manifest with a message that names file, path and reason', () => {
    const dir = packCopy();
    edit(dir, 'pack.json', (v) => void (v.version = 'one'));
    expect(() => readPack(dir)).toThrow(/pack\.json at version: a version such as 1\.2\.3/);
  });

  it('leaves the database unchanged when the pack is broken', () => {
    const db = memoryDb();
    loadPack(db, readPack(MINI_PACK_DIR));
    const snapshot = () => all(db, 'SELECT * FROM kb_text ORDER BY kind, id, lang, field');
    const before = snapshot();
    const dir = packCopy();
    edit(dir, 'pack.json', (v) => void (v.version = '2.0.0'));
    edit(dir, 'symptoms.json', (v) => void (first(v).features = ['nope']));
    expect(() => loadPack(db, readPack(dir))).toThrow(PackError);
    expect(snapshot()).toEqual(before);
  });
});

describe('loadPackFolder', () => {
  it('loads a new pack, skips validation of an unchanged one, and reloads an edited one', () => {
    const db = memoryDb();
    const dir = packCopy();
    expect(loadPackFolder(db, dir).loaded).toBe(true);
    // Unchanged content: not even read as entries (a broken schema would otherwise throw here).
    expect(loadPackFolder(db, dir)).toEqual({ loaded: false, packId: 'mini', version: '1.0.0' });
    edit(dir, 'symptoms.json', (v) => void (first(v).features = ['nope']));
    expect(() => loadPackFolder(db, dir)).toThrow(PackError);
    edit(dir, 'symptoms.json', (v) => void (first(v).features = ['owa-im-presence']));
    edit(dir, 'pack.json', (v) => void (v.version = '1.0.1'));
    expect(loadPackFolder(db, dir)).toMatchObject({ loaded: true, version: '1.0.1' });
  });
});

describe('the diagnostic tree is checked as a whole', () => {
  const node = (v: Raw, id: string) => v.entries.find((e) => e.id === id)!;
  it.each<[string, (v: Raw) => void, { path: RegExp; reason: RegExp }]>([
    [
      'a cycle',
      (v) => void (node(v, 'eap').unsure = 'root'),
      { path: /^entries\.\d+$/, reason: /^cycle: root → owa → eap → root$/ },
    ],
    [
      'a node nothing leads to',
      (v) => void v.entries.push({ id: 'orphan', type: 'conclusion', conclusion: 'cms-replication' }),
      { path: /entries\.8\.id/, reason: /"orphan" cannot be reached from "root"/ },
    ],
    ['no root', (v) => void (node(v, 'root').id = 'start'), { path: /^$/, reason: /no node "root"/ }],
    [
      'a link to a node that does not exist',
      (v) => void (node(v, 'eap').unsure = 'nowhere'),
      { path: /entries\.2\.unsure/, reason: /unknown node "nowhere"/ },
    ],
    [
      'a conclusion that does not exist',
      (v) => void (node(v, 'c-cms').conclusion = 'cause-gremlins'),
      { path: /entries\.\d+\.conclusion/, reason: /unknown conclusion "cause-gremlins"/ },
    ],
    [
      'a choice that leads nowhere',
      (v) => void delete (node(v, 'eap').choices as Raw[])[0]!.next,
      { path: /entries\.2\.choices\.0\.next/, reason: /leads somewhere/ },
    ],
    [
      'a triage over an unknown step',
      (v) => void ((node(v, 'owa').steps as Record<string, string>)['step-9-x'] = 'c-cms'),
      { path: /entries\.1\.steps\.step-9-x/, reason: /unknown step "step-9-x"/ },
    ],
    [
      'a question without "not sure"',
      (v) => void delete node(v, 'eap').unsure,
      { path: /entries\.2\.unsure/, reason: /./ },
    ],
  ])('rejects %s', (_label, change, expected) => {
    const dir = packCopy();
    edit(dir, 'tree.json', change);
    const problems = problemsOf(dir).filter((p) => p.file === 'tree.json');
    expect(problems).toContainEqual({
      file: 'tree.json',
      path: expect.stringMatching(expected.path),
      reason: expect.stringMatching(expected.reason),
    });
  });
});
