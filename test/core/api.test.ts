import { describe, expect, it } from 'vitest';
import { createApi } from '../../src-main/core/api';
import { API_NAMES } from '../../src-main/core/contract';
import { loadPack, readPack } from '../../src-main/core/kb/pack';
import { VALID_INPUTS, withIds } from '../helpers/api-examples';
import { memoryDb, MINI_PACK_DIR } from '../helpers/db';
import { LATEST_SCHEMA_VERSION } from '../../src-main/core/db/migrate';
import pkg from '../../package.json';

function api() {
  const db = memoryDb();
  loadPack(db, readPack(MINI_PACK_DIR));
  return createApi({ db, host: 'cli', dataDir: '/data', databasePath: ':memory:' });
}

describe('app.info', () => {
  it('reads versions, schema version and KB statistics from the database', async () => {
    const info = await api().call('app.info', {});
    expect(info).toMatchObject({
      name: 'LEXO',
      version: pkg.version,
      host: 'cli',
      schemaVersion: LATEST_SCHEMA_VERSION,
      dataDir: '/data',
      versions: { node: process.versions.node, electron: null, chrome: null },
      kb: { packId: 'mini', packVersion: '1.0.0', counts: { step: 2, topology: 2, feature: 2, cmdlet: 3 } },
    });
    expect(info.versions.sqlite).toMatch(/^3\.\d+\.\d+$/);
  });

  it('reports the Electron versions the host gives', async () => {
    const a = createApi({
      db: memoryDb(),
      host: 'electron',
      dataDir: '/d',
      databasePath: ':memory:',
      electronVersions: { electron: '45.0.0', chrome: '140.0' },
    });
    expect((await a.call('app.info', {})).versions).toMatchObject({ electron: '45.0.0', chrome: '140.0' });
  });
});

describe('dispatch', () => {
  it('answers every API name given a valid input', async () => {
    const a = api();
    const c = await a.call('cases.create', {});
    await a.call('cases.addEvidence', { id: c.id, name: 'a.txt', text: 'x' });
    await a.call('cases.addNote', { id: c.id, text: 'one' });
    const saved = await a.call('cases.addNote', { id: c.id, text: 'two' });
    const ids = { case: c.id, evidence: saved.evidence[0]!.id, note: saved.notes[0]!.id };
    for (const name of API_NAMES) {
      expect(await a.dispatch(name, withIds(VALID_INPUTS[name], ids)), name).toMatchObject({ ok: true });
    }
  });

  it.each(API_NAMES.filter((n) => !['app.info', 'kb.packs', 'kb.matrix', 'cases.create', 'cases.list'].includes(n)))(
    'rejects %s with an empty input, naming the field',
    async (name) => {
      const result = await api().dispatch(name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      if (!result.ok) expect(result.error.issues?.[0]?.path).not.toBe('(input)');
    },
  );

  it('treats a missing input as an empty object', async () => {
    expect((await api().dispatch('app.info', undefined)).ok).toBe(true);
    expect((await api().dispatch('app.info', null)).ok).toBe(true);
  });

  it.each([
    ['a string', 'hello'],
    ['an array', []],
    ['an unknown field', { extra: 1 }],
    ['a number', 42],
  ])('rejects %s as input with invalid-input, naming the problem', async (_label, input) => {
    const result = await api().dispatch('app.info', input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.message).toMatch(/^Invalid input for app\.info: /);
    expect(result.error.issues?.length).toBeGreaterThan(0);
  });

  it.each([['nope'], [42], [null], ['__proto__'], ['constructor'], ['toString']])(
    'refuses unknown method %j',
    async (name) => {
      const result = await api().dispatch(name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    },
  );

  it('turns an unexpected error into an internal error instead of throwing', async () => {
    const db = memoryDb();
    const a = createApi({ db, host: 'cli', dataDir: '/d', databasePath: ':memory:' });
    db.close();
    const result = await a.dispatch('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
