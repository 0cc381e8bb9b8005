// The only module that imports the SQLite driver. Everything else goes through these few functions,
// so the driver, its pragmas and its parameter rules live in one place.
import Database from 'better-sqlite3';
import { LexoError } from '../errors';

declare const writable: unique symbol;
/** A handle that may write. Functions that only read take `ReadableDb`. */
export type WritableDb = Database.Database & { readonly [writable]: true };
export type ReadableDb = Pick<Database.Database, 'prepare' | 'pragma'>;

export type SqlValue = string | number | bigint | null | Uint8Array;
export type SqlParams = readonly SqlValue[] | Readonly<Record<string, SqlValue>>;

export interface OpenOptions {
  /** Path of the database file, or ':memory:' (tests). */
  path: string;
  /** Lets tests point at a binary built for another runtime; normally unset. */
  nativeBinding?: string;
}

export function openDatabase({ path, nativeBinding }: OpenOptions): WritableDb {
  let db: Database.Database;
  try {
    db = new Database(path, nativeBinding ? { nativeBinding } : {});
  } catch (err) {
    const message = (err as Error).message;
    // After `npm start` the driver is built for Electron; Node hosts need the Node build back.
    const hint = /NODE_MODULE_VERSION|compiled against a different Node/.test(message)
      ? ' (better-sqlite3 is built for another runtime: run `npm run native:node`)'
      : '';
    throw new LexoError('database-error', `Cannot open the database at ${path}: ${message}${hint}`);
  }
  try {
    if (path !== ':memory:') db.pragma('journal_mode = WAL');
    // FULL: an acknowledged write survives a crash of the process and of the OS (cases must never be lost).
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
  } catch (err) {
    db.close();
    throw new LexoError('database-error', `The database at ${path} cannot be used: ${(err as Error).message}`);
  }
  return db as WritableDb;
}

function checkParams(params: SqlParams | undefined): void {
  if (params === undefined) return;
  const values = Array.isArray(params) ? params : Object.values(params);
  for (const v of values as unknown[]) {
    const ok =
      v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint' || v instanceof Uint8Array;
    if (!ok) throw new LexoError('internal', `SQL parameter of type ${typeof v} is not allowed`);
  }
}

function bind(params: SqlParams | undefined): unknown[] {
  if (params === undefined) return [];
  return Array.isArray(params) ? [...(params as SqlValue[])] : [params];
}

// Compiled statements per connection: search runs the same few statements on every keystroke.
const statements = new WeakMap<object, Map<string, Database.Statement>>();
function prepare(db: ReadableDb, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}

export function run(db: WritableDb, sql: string, params?: SqlParams): Database.RunResult {
  checkParams(params);
  return prepare(db, sql).run(...bind(params));
}

export function all<T>(db: ReadableDb, sql: string, params?: SqlParams): T[] {
  checkParams(params);
  return prepare(db, sql).all(...bind(params)) as T[];
}

export function get<T>(db: ReadableDb, sql: string, params?: SqlParams): T | undefined {
  checkParams(params);
  return prepare(db, sql).get(...bind(params)) as T | undefined;
}

/** Runs `fn` in one synchronous transaction: all or nothing. Never pass an async function. */
export function transaction<T>(db: WritableDb, fn: () => T): T {
  return db.transaction(fn)();
}

export function userVersion(db: ReadableDb): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function sqliteVersion(db: ReadableDb): string {
  return (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
}
