import type { WritableDb } from '../sqlite';

/**
 * The case store. Unlike the KB tables, these hold the engineer's work: never dropped, never rebuilt. Evidence,
 * notes and the audit trail have tables of their own so a change to one field rewrites one small row, not the case.
 */
export default function updateToSchemaVersion3(db: WritableDb): void {
  db.exec(`
    CREATE TABLE case_record (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      customer TEXT NOT NULL DEFAULT '',
      ticket TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
      lang TEXT NOT NULL,
      -- DESIGN.md's case file without its evidence, as JSON.
      file TEXT NOT NULL,
      symptom TEXT NOT NULL DEFAULT '',
      topology TEXT,
      conclusion TEXT,
      conclusion_title TEXT,
      -- Folded words of title, customer, ticket, symptom, conclusion and notes, for the case list's search.
      search_text TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      closed_at TEXT,
      deleted_at TEXT
    );
    CREATE INDEX case_record_recent ON case_record(updated_at DESC);
    CREATE TABLE case_evidence (
      id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES case_record(id) ON DELETE CASCADE,
      ord INTEGER NOT NULL,
      name TEXT NOT NULL,
      text TEXT NOT NULL,
      added_at TEXT NOT NULL
    );
    CREATE INDEX case_evidence_case ON case_evidence(case_id, ord);
    CREATE TABLE case_note (
      id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES case_record(id) ON DELETE CASCADE,
      text TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX case_note_case ON case_note(case_id, created_at);
    CREATE TABLE case_event (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      case_id TEXT NOT NULL REFERENCES case_record(id) ON DELETE CASCADE,
      at TEXT NOT NULL,
      type TEXT NOT NULL,
      detail TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX case_event_case ON case_event(case_id, seq);
  `);
}
