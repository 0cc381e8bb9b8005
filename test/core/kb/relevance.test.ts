// The relevance set: queries worded as customers and engineers word them, with the results that answer them.
// Each must find one of its expected entries in the top 3; the set as a whole must reach 90%.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../../src-main/core/contract';
import type { WritableDb } from '../../../src-main/core/db/sqlite';
import { loadPack, readPack } from '../../../src-main/core/kb/pack';
import { search } from '../../../src-main/core/kb/search';
import { memoryDb, PACK_DIR } from '../../helpers/db';

interface Case {
  lang: Lang;
  query: string;
  expect: string[];
}
const CASES = JSON.parse(readFileSync(join(import.meta.dirname, 'relevance.json'), 'utf8')) as Case[];

let db: WritableDb;
beforeAll(() => {
  db = memoryDb();
  loadPack(db, readPack(PACK_DIR));
});

const top3 = (c: Case) => search(db, { query: c.query, lang: c.lang, limit: 3 }).map((r) => `${r.kind}:${r.id}`);

describe('relevance set', () => {
  it('has at least 15 queries per language and only expectations that exist', () => {
    for (const lang of ['en', 'fr', 'zh-TW'])
      expect(CASES.filter((c) => c.lang === lang).length).toBeGreaterThanOrEqual(15);
    const missing = CASES.flatMap((c) => c.expect).filter((ref) => {
      const [kind, id] = ref.split(':');
      return !db.prepare('SELECT 1 FROM kb_entry WHERE kind = ? AND id = ?').get(kind, id);
    });
    expect(missing).toEqual([]);
  });

  it('finds an expected result in the top 3 for at least 90% of the queries', () => {
    const misses = CASES.filter((c) => !top3(c).some((r) => c.expect.includes(r)));
    const rate = 1 - misses.length / CASES.length;
    console.log(
      `relevance: ${CASES.length - misses.length}/${CASES.length} in the top 3 (${(rate * 100).toFixed(1)}%)`,
    );
    for (const m of misses) console.log(`  miss [${m.lang}] ${m.query} → ${top3(m).join(', ') || '(nothing)'}`);
    expect(rate).toBeGreaterThanOrEqual(0.9);
  });
});
