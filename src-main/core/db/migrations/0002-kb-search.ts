import type { WritableDb } from '../sqlite';

/**
 * Knowledge base v2: team packs (source), KB numbers, and full-text search. KB tables hold only what the packs
 * give, so they are rebuilt: the pack loads again at the next start.
 */
export default function updateToSchemaVersion2(db: WritableDb): void {
  db.exec(`
    DROP TABLE kb_text;
    DROP TABLE kb_entry;
    DROP TABLE kb_pack;
    CREATE TABLE kb_pack (
      id TEXT PRIMARY KEY,
      version TEXT NOT NULL,
      hash TEXT NOT NULL,
      languages TEXT NOT NULL,
      loaded_at TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('builtin', 'team'))
    );
    CREATE TABLE kb_entry (
      kind TEXT NOT NULL,
      id TEXT NOT NULL,
      pack_id TEXT NOT NULL REFERENCES kb_pack(id) ON DELETE CASCADE,
      data TEXT NOT NULL,
      kb TEXT,
      -- Position in the pack, so lists keep the authored order.
      ord INTEGER NOT NULL,
      PRIMARY KEY (kind, id)
    );
    CREATE INDEX kb_entry_kb ON kb_entry(kb) WHERE kb IS NOT NULL;
    CREATE INDEX kb_entry_pack ON kb_entry(pack_id);
    CREATE TABLE kb_text (
      kind TEXT NOT NULL,
      id TEXT NOT NULL,
      lang TEXT NOT NULL,
      field TEXT NOT NULL,
      text TEXT NOT NULL,
      PRIMARY KEY (kind, id, lang, field),
      FOREIGN KEY (kind, id) REFERENCES kb_entry(kind, id) ON DELETE CASCADE
    );
    -- Words: text already folded, stemmed and split into CJK bigrams by search-index.ts.
    CREATE VIRTUAL TABLE kb_search USING fts5(
      kind UNINDEXED, id UNINDEXED, lang UNINDEXED, pack_id UNINDEXED, title, keywords, body,
      tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
    );
    -- ORDER BY rank lets FTS5 rank internally: titles weigh most, then keywords, then the body.
    INSERT INTO kb_search (kb_search, rank) VALUES ('rank', 'bm25(0, 0, 0, 0, 10.0, 6.0, 1.0)');
    -- Trigrams of titles and keywords: substrings (hostingprovider) and near misses.
    CREATE VIRTUAL TABLE kb_search_tri USING fts5(
      kind UNINDEXED, id UNINDEXED, lang UNINDEXED, pack_id UNINDEXED, text,
      tokenize = 'trigram remove_diacritics 1'
    );
  `);
}
