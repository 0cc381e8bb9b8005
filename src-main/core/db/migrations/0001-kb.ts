import type { WritableDb } from '../sqlite';

/** Knowledge-base tables. They are rebuilt from the content pack; nothing the user types lives here. */
export default function updateToSchemaVersion1(db: WritableDb): void {
  db.exec(`
    CREATE TABLE kb_pack (
      id TEXT PRIMARY KEY,
      version TEXT NOT NULL,
      hash TEXT NOT NULL,
      languages TEXT NOT NULL,
      loaded_at TEXT NOT NULL
    );
    CREATE TABLE kb_entry (
      kind TEXT NOT NULL,
      id TEXT NOT NULL,
      pack_id TEXT NOT NULL REFERENCES kb_pack(id) ON DELETE CASCADE,
      data TEXT NOT NULL,
      PRIMARY KEY (kind, id)
    );
    CREATE TABLE kb_text (
      kind TEXT NOT NULL,
      id TEXT NOT NULL,
      lang TEXT NOT NULL,
      field TEXT NOT NULL,
      text TEXT NOT NULL,
      PRIMARY KEY (kind, id, lang, field),
      FOREIGN KEY (kind, id) REFERENCES kb_entry(kind, id) ON DELETE CASCADE
    );
  `);
}
