import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../../src-main/core/db/migrate';
import { openDatabase, type WritableDb } from '../../src-main/core/db/sqlite';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');
export const RESOURCES_DIR = join(REPO_ROOT, 'resources');
export const PACK_DIR = join(RESOURCES_DIR, 'pack');
export const SHIPPED_PACK_VERSION = (
  JSON.parse(readFileSync(join(PACK_DIR, 'pack.json'), 'utf8')) as { version: string }
).version;
/** A small, complete pack with one entry of each kind: tests of the mechanics do not depend on the shipped content. */
export const MINI_RESOURCES_DIR = join(REPO_ROOT, 'test', 'fixtures', 'resources-mini');
export const MINI_PACK_DIR = join(MINI_RESOURCES_DIR, 'pack');

/** A fresh in-memory database, migrated to `version` (default: latest). */
export function memoryDb(version?: number): WritableDb {
  const db = openDatabase({ path: ':memory:' });
  migrate(db, version);
  return db;
}

/** A temporary folder removed by the returned cleanup function. */
export function tempDir(prefix = 'lexo-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
