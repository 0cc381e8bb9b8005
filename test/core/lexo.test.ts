import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../src-main/core/db/migrate';
import { openDatabase } from '../../src-main/core/db/sqlite';
import { DbFromFutureError } from '../../src-main/core/errors';
import { PackError } from '../../src-main/core/kb/pack';
import { openLexo } from '../../src-main/core/lexo';
import { defaultDataDir, resolveDataDir } from '../../src-main/core/paths';
import { MINI_RESOURCES_DIR as RESOURCES_DIR, tempDir } from '../helpers/db';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
function dir(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('openLexo', () => {
  it('creates the data folder and database, migrates and loads the pack', async () => {
    const dataDir = join(dir(), 'nested', 'LEXO');
    const lexo = openLexo({ dataDir, resourcesDir: RESOURCES_DIR, host: 'web' });
    try {
      expect(existsSync(join(dataDir, 'lexo.sqlite'))).toBe(true);
      const info = await lexo.api.call('app.info', {});
      expect(info).toMatchObject({
        host: 'web',
        dataDir,
        databasePath: join(dataDir, 'lexo.sqlite'),
        schemaVersion: LATEST_SCHEMA_VERSION,
      });
      expect(info.kb).toMatchObject({ packId: 'mini', counts: { step: 2 } });
    } finally {
      lexo.close();
    }
  });

  it('reopens an existing database without reloading an unchanged pack', async () => {
    const dataDir = dir();
    const first = openLexo({ dataDir, resourcesDir: RESOURCES_DIR, host: 'cli' });
    const loadedAt = (await first.api.call('app.info', {})).kb.loadedAt;
    first.close();
    const second = openLexo({ dataDir, resourcesDir: RESOURCES_DIR, host: 'cli' });
    expect((await second.api.call('app.info', {})).kb.loadedAt).toBe(loadedAt);
    second.close();
  });

  it('refuses a database from a newer LEXO and closes it', () => {
    const dataDir = dir();
    const db = openDatabase({ path: join(dataDir, 'lexo.sqlite') });
    db.pragma('user_version = 999');
    db.close();
    expect(() => openLexo({ dataDir, resourcesDir: RESOURCES_DIR, host: 'cli' })).toThrow(DbFromFutureError);
  });

  it('fails with a PackError when the pack folder is missing', () => {
    expect(() => openLexo({ dataDir: dir(), resourcesDir: dir(), host: 'cli' })).toThrow(PackError);
  });
});

describe('data folder', () => {
  it('follows the OS convention: %APPDATA%\\LEXO on Windows', () => {
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\me\\AppData\\Roaming' }, 'C:\\Users\\me')).toBe(
      join('C:\\Users\\me\\AppData\\Roaming', 'LEXO'),
    );
    expect(defaultDataDir('darwin', {}, '/Users/me')).toBe('/Users/me/Library/Application Support/LEXO');
    expect(defaultDataDir('linux', {}, '/home/me')).toBe('/home/me/.config/LEXO');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/me')).toBe('/x/LEXO');
  });

  it('prefers --data-dir, then LEXO_DATA_DIR', () => {
    expect(resolveDataDir('/flag', { LEXO_DATA_DIR: '/env' })).toBe('/flag');
    expect(resolveDataDir(undefined, { LEXO_DATA_DIR: '/env' })).toBe('/env');
  });
});
