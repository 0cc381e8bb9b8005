import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, migrate } from '../../../src-main/core/db/migrate';
import type { Migration } from '../../../src-main/core/db/migrations/index';
import { all, openDatabase, run, userVersion } from '../../../src-main/core/db/sqlite';
import { DbFromFutureError, LexoError } from '../../../src-main/core/errors';

const tables = (db: ReturnType<typeof openDatabase>) =>
  all<{ name: string }>(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map((r) => r.name);

describe('migrate', () => {
  it('brings a new database to the latest schema version and records it in user_version', () => {
    const db = openDatabase({ path: ':memory:' });
    expect(userVersion(db)).toBe(0);
    expect(migrate(db)).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION });
    expect(userVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(tables(db)).toEqual(expect.arrayContaining(['kb_entry', 'kb_pack', 'kb_text']));
  });

  it('does nothing the second time', () => {
    const db = openDatabase({ path: ':memory:' });
    migrate(db);
    expect(migrate(db)).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION });
  });

  it('refuses a database written by a newer LEXO and leaves it untouched', () => {
    const db = openDatabase({ path: ':memory:' });
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    expect(() => migrate(db)).toThrow(DbFromFutureError);
    expect(userVersion(db)).toBe(LATEST_SCHEMA_VERSION + 5);
    expect(tables(db)).toEqual([]);
  });

  it('applies pending migrations in one transaction: a failure leaves the file as it was', () => {
    const db = openDatabase({ path: ':memory:' });
    const migrations: Migration[] = [
      { version: 1, name: 'a', update: (d) => void run(d, 'CREATE TABLE a (x)') },
      { version: 2, name: 'b', update: (d) => void run(d, 'CREATE TABLE b (x)') },
      {
        version: 3,
        name: 'broken',
        update: () => {
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, 3, migrations)).toThrow('boom');
    expect(userVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
  });

  it('stops at the target version', () => {
    const db = openDatabase({ path: ':memory:' });
    const migrations: Migration[] = [
      { version: 1, name: 'a', update: (d) => void run(d, 'CREATE TABLE a (x)') },
      { version: 2, name: 'b', update: (d) => void run(d, 'CREATE TABLE b (x)') },
    ];
    expect(migrate(db, 1, migrations)).toEqual({ from: 0, to: 1 });
    expect(tables(db)).toEqual(['a']);
    expect(migrate(db, 2, migrations)).toEqual({ from: 1, to: 2 });
    expect(tables(db)).toEqual(['a', 'b']);
  });

  it('rejects a migration list whose versions do not strictly increase', () => {
    const db = openDatabase({ path: ':memory:' });
    const noop = () => undefined;
    expect(() =>
      migrate(db, 2, [
        { version: 2, name: 'x', update: noop },
        { version: 2, name: 'y', update: noop },
      ]),
    ).toThrow(LexoError);
  });
});

describe('migration 0001-kb', () => {
  it('creates KB tables whose rows cascade from their pack', () => {
    const db = openDatabase({ path: ':memory:' });
    migrate(db, 1);
    run(db, "INSERT INTO kb_pack VALUES ('p', '1.0.0', 'h', '[\"en\"]', 'now')");
    run(db, "INSERT INTO kb_entry VALUES ('step', 's1', 'p', '{}')");
    run(db, "INSERT INTO kb_text VALUES ('step', 's1', 'en', 'title', 'Step one')");
    run(db, "DELETE FROM kb_pack WHERE id = 'p'");
    expect(all(db, 'SELECT * FROM kb_entry')).toEqual([]);
    expect(all(db, 'SELECT * FROM kb_text')).toEqual([]);
  });
});
