import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { get, openDatabase, run, transaction } from '../../../src-main/core/db/sqlite';
import { LexoError } from '../../../src-main/core/errors';
import { tempDir } from '../../helpers/db';

describe('sqlite', () => {
  it('opens a file database in WAL mode with foreign keys and full sync', () => {
    const t = tempDir();
    try {
      const db = openDatabase({ path: join(t.dir, 'x.sqlite') });
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      db.close();
    } finally {
      t.cleanup();
    }
  });

  it('names the path when the database cannot be opened', () => {
    const t = tempDir();
    try {
      const path = join(t.dir, 'missing', 'deeper', 'x.sqlite');
      expect(() => openDatabase({ path })).toThrow(LexoError);
      expect(() => openDatabase({ path })).toThrow(path);
    } finally {
      t.cleanup();
    }
  });

  it('rejects parameters that are not string, number, bigint, null or bytes before SQL sees them', () => {
    const db = openDatabase({ path: ':memory:' });
    run(db, 'CREATE TABLE t (v)');
    expect(() => run(db, 'INSERT INTO t VALUES (?)', [{ a: 1 } as never])).toThrow('SQL parameter of type object');
    expect(() => run(db, 'INSERT INTO t VALUES (?)', [true as never])).toThrow('boolean');
    run(db, 'INSERT INTO t VALUES (?)', ['ok']);
    expect(get<{ v: string }>(db, 'SELECT v FROM t')).toEqual({ v: 'ok' });
  });

  it('rolls a transaction back when it throws', () => {
    const db = openDatabase({ path: ':memory:' });
    run(db, 'CREATE TABLE t (v)');
    expect(() =>
      transaction(db, () => {
        run(db, "INSERT INTO t VALUES ('a')");
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(get<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM t')).toEqual({ n: 0 });
  });
});
