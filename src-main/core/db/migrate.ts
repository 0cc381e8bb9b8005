import { DbFromFutureError, LexoError } from '../errors';
import { MIGRATIONS, type Migration } from './migrations/index';
import { transaction, userVersion, type WritableDb } from './sqlite';

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

function assertIncreasing(migrations: readonly Migration[]): void {
  migrations.reduce((prev, m) => {
    if (m.version <= prev) {
      throw new LexoError('internal', `Migration ${m.name} has version ${m.version}, not above ${prev}`);
    }
    return m.version;
  }, 0);
}

/**
 * Brings the schema up to `target` (default: the latest) in one transaction, then records it in
 * PRAGMA user_version. A failed migration leaves the file exactly as it was.
 */
export function migrate(
  db: WritableDb,
  target: number = LATEST_SCHEMA_VERSION,
  migrations: readonly Migration[] = MIGRATIONS,
): { from: number; to: number } {
  assertIncreasing(migrations);
  const latest = migrations.at(-1)?.version ?? 0;
  const from = userVersion(db);
  if (from > latest) throw new DbFromFutureError(from, latest);
  const pending = migrations.filter((m) => m.version > from && m.version <= target);
  if (pending.length === 0) return { from, to: from };
  const to = pending.at(-1)!.version;
  transaction(db, () => {
    for (const m of pending) m.update(db);
    db.pragma(`user_version = ${to}`);
  });
  return { from, to };
}
