import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLexo } from '../../../src-main/core/lexo';
import { migrate } from '../../../src-main/core/db/migrate';
import { openDatabase } from '../../../src-main/core/db/sqlite';
import { RESOURCES_DIR, tempDir } from '../../helpers/db';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function dirs() {
  const data = tempDir('lexo-cases-');
  const res = tempDir('lexo-res-');
  cleanups.push(data.cleanup, res.cleanup);
  cpSync(RESOURCES_DIR, res.dir, { recursive: true });
  return { dataDir: data.dir, resourcesDir: res.dir };
}

describe('cases on disk', () => {
  it('are there after the app closes and opens again', async () => {
    const where = dirs();
    const first = openLexo({ ...where, host: 'cli' });
    const c = await first.api.call('cases.create', { title: 'Keep me', file: { topology: 'sfb-online' } });
    await first.api.call('cases.addNote', { id: c.id, text: 'a note' });
    first.close();
    const again = openLexo({ ...where, host: 'cli' });
    expect(await again.api.call('cases.get', { id: c.id })).toMatchObject({
      title: 'Keep me',
      file: { topology: 'sfb-online' },
      notes: [{ text: 'a note' }],
    });
    again.close();
  });

  it('are never touched when a new content pack version loads', async () => {
    const where = dirs();
    const first = openLexo({ ...where, host: 'cli' });
    const c = await first.api.call('cases.create', { title: 'Survives a pack update' });
    const before = await first.api.call('cases.get', { id: c.id });
    first.close();
    const packFile = join(where.resourcesDir, 'pack', 'pack.json');
    const pack = JSON.parse(readFileSync(packFile, 'utf8')) as { version: string };
    writeFileSync(packFile, JSON.stringify({ ...pack, version: '9.9.9' }));
    const again = openLexo({ ...where, host: 'cli' });
    expect((await again.api.call('app.info', {})).kb.packVersion).toBe('9.9.9');
    expect(await again.api.call('cases.get', { id: c.id })).toEqual(before);
    again.close();
  });

  it('start empty in a database from before the case store (schema 2), which keeps its knowledge base', async () => {
    const where = dirs();
    const db = openDatabase({ path: join(where.dataDir, 'lexo.sqlite') });
    migrate(db, 2);
    db.close();
    const lexo = openLexo({ ...where, host: 'cli' });
    expect((await lexo.api.call('cases.list', {})).total).toBe(0);
    expect((await lexo.api.call('kb.search', { query: '2787614' })).results[0]?.kb).toBe('2787614');
    lexo.close();
  });
});
