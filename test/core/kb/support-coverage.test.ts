// Issue 10's coverage: every article of ../shared/reference/support-articles/INDEX.md is in the shipped knowledge
// base in the three languages, with its status, and search finds it by its title and by its KB number.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGS, type ArticleView } from '../../../src-main/core/contract';
import type { WritableDb } from '../../../src-main/core/db/sqlite';
import { loadPackFolder } from '../../../src-main/core/kb/pack';
import { search } from '../../../src-main/core/kb/search';
import { entryView } from '../../../src-main/core/kb/views';
import { memoryDb, PACK_DIR, REPO_ROOT } from '../../helpers/db';

const INDEX = join(REPO_ROOT, '..', 'shared', 'reference', 'support-articles', 'INDEX.md');

interface Row {
  file: string;
  id: string;
  kb: string | null;
  removed: string | null;
}

/** The table rows: `file.md` (present|removed DATE) | KB or — (xref …) | … */
function rows(): Row[] {
  const out: Row[] = [];
  for (const line of readFileSync(INDEX, 'utf8').split('\n')) {
    const m = /^\| `([^`]+)\.md` \((present|removed (\d{4}-\d{2}-\d{2}))\) \| (\d{6,7}|—)/.exec(line);
    if (!m) continue;
    const [, file, , removed, kb] = m;
    const number = kb === '—' ? null : kb!;
    out.push({
      file: file!,
      id: number ? `kb-${number}` : `article-${file!.toLowerCase()}`,
      kb: number,
      removed: removed ?? null,
    });
  }
  return out;
}

// The reference folder sits beside the repository in this project; a clone elsewhere skips (and says so).
const available = existsSync(INDEX);
const table = available ? rows() : [];

let db: WritableDb;
beforeAll(() => {
  db = memoryDb();
  loadPackFolder(db, PACK_DIR);
});

describe.skipIf(!available)('support articles of INDEX.md', () => {
  it('lists the 54 articles', () => {
    expect(table).toHaveLength(54);
  });

  describe.each(table)('$file', (row) => {
    it('is in the knowledge base in en, fr and zh-TW, with its status', () => {
      const views = LANGS.map((lang) => entryView(db, 'article', row.id, lang) as ArticleView);
      for (const v of views) {
        expect(v.title.trim(), `${row.id} title in ${v.lang}`).not.toBe('');
        expect(v.symptoms.trim(), `${row.id} symptoms in ${v.lang}`).not.toBe('');
        expect(v.resolution.trim(), `${row.id} resolution in ${v.lang}`).not.toBe('');
      }
      // Written in each language, not copied: the Chinese title is not the English one.
      expect(views[2]!.title).not.toBe(views[0]!.title);
      expect(views[0]!.kb).toBe(row.kb);
      if (row.removed) {
        expect(views[0]!.status).toBe('removed');
        expect(views[0]!.removed?.date.slice(0, 10)).toBe(row.removed);
      } else {
        expect(views[0]!.status).toBe('published');
        expect(views[0]!.link).toMatch(/^https:\/\/(learn|support)\.microsoft\.com\//);
      }
    });

    it('is found by its title (top 3) and by its KB number (first)', () => {
      for (const lang of LANGS) {
        const { title } = entryView(db, 'article', row.id, lang);
        const ids = search(db, { query: title, lang, limit: 3 }).map((r) => r.id);
        expect(ids, `"${title}" (${lang})`).toContain(row.id);
      }
      if (row.kb) expect(search(db, { query: row.kb, limit: 1 })[0]?.id).toBe(row.id);
    });

    it('is found by its English error strings whatever the interface language', () => {
      const { errors } = entryView(db, 'article', row.id, 'en') as ArticleView;
      const first = errors.find((e) => e.length >= 12);
      if (!first) return;
      for (const lang of LANGS) {
        const ids = search(db, { query: first, lang, limit: 3 }).map((r) => r.id);
        expect(ids, `"${first}" (${lang})`).toContain(row.id);
      }
    });
  });
});
