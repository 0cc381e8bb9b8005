// The case store: every change to a case is saved at once, in one transaction with its audit-trail lines, so an
// acknowledged change survives a crash (WAL + synchronous=FULL, see db/sqlite.ts) and is never half-written.
import { randomUUID } from 'node:crypto';
import type {
  CaseEvent,
  CaseEvidence,
  CaseFields,
  CaseListInput,
  CaseNote,
  CaseRecord,
  CaseStatus,
  CaseSummary,
  Lang,
  Topology,
} from '../contract';
import { all, get, run, transaction, type ReadableDb, type WritableDb } from '../db/sqlite';
import { LexoError } from '../errors';
import { fold } from '../kb/text';
import { applyFilePatch, type Change } from './changes';

/** What the engine concluded for a case, for the list and its filter; null while questions remain. */
export type Concluder = (
  file: CaseFields,
  evidence: { key: string; load: () => { name: string; text: string }[] } | undefined,
  lang: Lang,
) => { id: string; title: string } | null;

export interface StoreContext {
  db: WritableDb;
  now: () => Date;
  conclude: Concluder;
}

/** Deleted cases can be restored for this long, then they are purged. */
export const DELETED_KEPT_DAYS = 30;
export const DEFAULT_LIST_LIMIT = 50;

interface CaseRow {
  id: string;
  title: string;
  customer: string;
  ticket: string;
  status: CaseStatus;
  lang: Lang;
  file: string;
  symptom: string;
  topology: Topology | null;
  conclusion: string | null;
  conclusion_title: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  deleted_at: string | null;
}

const SUMMARY_COLUMNS =
  'id, title, customer, ticket, status, lang, symptom, topology, conclusion, conclusion_title, created_at, updated_at, closed_at, deleted_at';

function summaryOf(row: Omit<CaseRow, 'file'>): CaseSummary {
  return {
    id: row.id,
    title: row.title,
    customer: row.customer,
    ticket: row.ticket,
    status: row.status,
    lang: row.lang,
    symptom: row.symptom,
    topology: row.topology,
    conclusion: row.conclusion,
    conclusionTitle: row.conclusion_title,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
    deletedAt: row.deleted_at,
  };
}

function caseRow(db: ReadableDb, id: string, { deleted = false } = {}): CaseRow {
  const row = get<CaseRow>(db, `SELECT ${SUMMARY_COLUMNS}, file FROM case_record WHERE id = ?`, [id]);
  if (!row || (row.deleted_at !== null && !deleted)) {
    throw new LexoError('not-found', `No case with id ${JSON.stringify(id)}${row ? ' (it was deleted)' : ''}.`);
  }
  return row;
}

export function getCase(db: ReadableDb, id: string): CaseRecord {
  const row = caseRow(db, id);
  return recordOf(db, row);
}

function recordOf(db: ReadableDb, row: CaseRow): CaseRecord {
  const evidence = all<{ id: string; name: string; text: string; added_at: string }>(
    db,
    'SELECT id, name, text, added_at FROM case_evidence WHERE case_id = ? ORDER BY ord',
    [row.id],
  ).map((e): CaseEvidence => ({ id: e.id, name: e.name, text: e.text, addedAt: e.added_at }));
  const notes = all<{ id: string; text: string; created_at: string; updated_at: string }>(
    db,
    'SELECT id, text, created_at, updated_at FROM case_note WHERE case_id = ? ORDER BY created_at, rowid',
    [row.id],
  ).map((n): CaseNote => ({ id: n.id, text: n.text, createdAt: n.created_at, updatedAt: n.updated_at }));
  const history = all<CaseEvent>(db, 'SELECT at, type, detail FROM case_event WHERE case_id = ? ORDER BY seq', [
    row.id,
  ]);
  return { ...summaryOf(row), file: JSON.parse(row.file) as CaseFields, evidence, notes, history };
}

function evidenceOf(db: ReadableDb, id: string): { name: string; text: string }[] {
  return all(db, 'SELECT name, text FROM case_evidence WHERE case_id = ? ORDER BY ord', [id]);
}

function addEvents(db: WritableDb, id: string, at: string, changes: readonly Change[]): void {
  for (const c of changes) {
    run(db, 'INSERT INTO case_event (case_id, at, type, detail) VALUES (?, ?, ?, ?)', [id, at, c.type, c.detail]);
  }
}

function searchTextOf(
  db: ReadableDb,
  row: CaseRow,
  file: CaseFields,
  conclusion: string | null,
  conclusionTitle: string | null,
): string {
  const notes = all<{ text: string }>(db, 'SELECT text FROM case_note WHERE case_id = ?', [row.id]).map((n) => n.text);
  return fold(
    [
      row.id,
      row.title,
      row.customer,
      row.ticket,
      file.symptom ?? '',
      conclusion ?? '',
      conclusionTitle ?? '',
      ...notes,
    ].join('\n'),
  );
}

/**
 * After any change: the conclusion the case now reaches, the searchable text and updated_at, in the same
 * transaction as the change. A new conclusion is a line in the trail.
 */
function refresh(ctx: StoreContext, id: string, at: string, changes: Change[], reconclude = true): void {
  const row = caseRow(ctx.db, id, { deleted: true });
  const file = JSON.parse(row.file) as CaseFields;
  if (!reconclude) {
    run(ctx.db, 'UPDATE case_record SET search_text = ?, updated_at = ? WHERE id = ?', [
      searchTextOf(ctx.db, row, file, row.conclusion, row.conclusion_title),
      at,
      id,
    ]);
    addEvents(ctx.db, id, at, changes);
    return;
  }
  // Evidence text never changes under its id: the ids are enough to know whether it was read before.
  const ids = all<{ id: string }>(ctx.db, 'SELECT id FROM case_evidence WHERE case_id = ? ORDER BY ord', [id]);
  const evidence = ids.length
    ? { key: `case-evidence:${ids.map((e) => e.id).join(',')}`, load: () => evidenceOf(ctx.db, id) }
    : undefined;
  const reached = ctx.conclude(file, evidence, row.lang);
  if ((reached?.id ?? null) !== row.conclusion && reached) {
    changes.push({ type: 'concluded', detail: reached.id });
  }
  // A case started empty takes its title from the symptom once there is one, as a new case does.
  if (row.title === '' && file.symptom?.trim()) {
    row.title = defaultTitle(file);
    run(ctx.db, 'UPDATE case_record SET title = ? WHERE id = ?', [row.title, id]);
  }
  const searchText = searchTextOf(ctx.db, row, file, reached?.id ?? null, reached?.title ?? null);
  run(
    ctx.db,
    `UPDATE case_record SET symptom = ?, topology = ?, conclusion = ?, conclusion_title = ?, search_text = ?,
       updated_at = ? WHERE id = ?`,
    [file.symptom ?? '', file.topology ?? null, reached?.id ?? null, reached?.title ?? null, searchText, at, id],
  );
  addEvents(ctx.db, id, at, changes);
}

export interface NewCase {
  title?: string;
  customer?: string;
  ticket?: string;
  lang?: Lang;
  file?: CaseFields;
  status?: CaseStatus;
  evidence?: { name: string; text: string; addedAt?: string }[];
  notes?: { text: string; createdAt?: string; updatedAt?: string }[];
  /** History carried by an imported case, kept before its 'imported' line. */
  history?: CaseEvent[];
  createdAt?: string;
  closedAt?: string | null;
}

/** A title the list can show when the engineer gave none: the symptom's first words. */
function defaultTitle(file: CaseFields | undefined): string {
  const symptom = (file?.symptom ?? '').trim().replace(/\s+/g, ' ');
  return symptom.length > 80 ? `${symptom.slice(0, 79)}…` : symptom;
}

export function createCase(ctx: StoreContext, input: NewCase, how: 'created' | 'imported' = 'created'): CaseRecord {
  const id = randomUUID();
  const at = ctx.now().toISOString();
  const file = input.file ?? {};
  transaction(ctx.db, () => {
    const status = input.status ?? 'open';
    run(
      ctx.db,
      `INSERT INTO case_record (id, title, customer, ticket, status, lang, file, created_at, updated_at, closed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        input.title?.trim() || defaultTitle(file),
        input.customer?.trim() ?? '',
        input.ticket?.trim() ?? '',
        status,
        input.lang ?? 'en',
        JSON.stringify(file),
        input.createdAt ?? at,
        at,
        status === 'closed' ? (input.closedAt ?? at) : null,
      ],
    );
    (input.evidence ?? []).forEach((e, ord) =>
      run(ctx.db, 'INSERT INTO case_evidence (id, case_id, ord, name, text, added_at) VALUES (?, ?, ?, ?, ?, ?)', [
        randomUUID(),
        id,
        ord,
        e.name,
        e.text,
        e.addedAt ?? at,
      ]),
    );
    for (const n of input.notes ?? []) {
      run(ctx.db, 'INSERT INTO case_note (id, case_id, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [
        randomUUID(),
        id,
        n.text,
        n.createdAt ?? at,
        n.updatedAt ?? n.createdAt ?? at,
      ]);
    }
    for (const e of input.history ?? []) {
      run(ctx.db, 'INSERT INTO case_event (case_id, at, type, detail) VALUES (?, ?, ?, ?)', [
        id,
        e.at,
        e.type,
        e.detail,
      ]);
    }
    refresh(ctx, id, at, [
      { type: how, detail: how === 'imported' ? `${input.history?.length ?? 0} earlier events` : '' },
    ]);
  });
  return getCase(ctx.db, id);
}

export interface CaseChanges {
  title?: string;
  customer?: string;
  ticket?: string;
  lang?: Lang;
  file?: { [K in keyof CaseFields]?: CaseFields[K] | null };
}

/** Saves what changed; an update that changes nothing writes nothing. */
export function updateCase(ctx: StoreContext, id: string, input: CaseChanges): CaseRecord {
  return transaction(ctx.db, () => {
    const row = caseRow(ctx.db, id);
    const changes: Change[] = [];
    const sets: Record<string, string> = {};
    if (input.title !== undefined && input.title.trim() !== row.title) {
      sets.title = input.title.trim();
      changes.push({ type: 'renamed', detail: sets.title });
    }
    for (const key of ['customer', 'ticket', 'lang'] as const) {
      const value = input[key]?.trim();
      if (value !== undefined && value !== row[key]) {
        sets[key] = value;
        changes.push({ type: 'details-changed', detail: `${key}=${value}` });
      }
    }
    const patched = input.file ? applyFilePatch(JSON.parse(row.file) as CaseFields, input.file) : null;
    if (patched?.changes.length) {
      sets.file = JSON.stringify(patched.file);
      changes.push(...patched.changes);
    }
    if (changes.length === 0) return recordOf(ctx.db, row);
    const columns = Object.keys(sets);
    run(ctx.db, `UPDATE case_record SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`, [
      ...columns.map((c) => sets[c]!),
      id,
    ]);
    // The conclusion depends on the case file and the language of its title only.
    refresh(ctx, id, ctx.now().toISOString(), changes, 'file' in sets || 'lang' in sets);
    return getCase(ctx.db, id);
  });
}

/** Runs one change of a live case and its refresh in a transaction, then returns the case as saved. */
function change(ctx: StoreContext, id: string, fn: (at: string) => Change[], reconclude = false): CaseRecord {
  return transaction(ctx.db, () => {
    caseRow(ctx.db, id);
    const at = ctx.now().toISOString();
    const changes = fn(at);
    if (changes.length === 0) return getCase(ctx.db, id);
    refresh(ctx, id, at, changes, reconclude);
    return getCase(ctx.db, id);
  });
}

export function addEvidence(ctx: StoreContext, id: string, name: string, text: string): CaseRecord {
  return change(
    ctx,
    id,
    (at) => {
      const { count, size } = get<{ count: number; size: number }>(
        ctx.db,
        'SELECT count(*) AS count, coalesce(sum(length(text)), 0) AS size FROM case_evidence WHERE case_id = ?',
        [id],
      )!;
      if (count >= EVIDENCE_ITEMS_MAX) {
        throw new LexoError('invalid-input', `A case holds at most ${EVIDENCE_ITEMS_MAX} pieces of evidence.`);
      }
      if (size + text.length > EVIDENCE_CASE_MAX) {
        throw new LexoError('invalid-input', 'A case holds at most 20 MB of evidence: this paste would go beyond it.');
      }
      const ord = get<{ next: number }>(
        ctx.db,
        'SELECT coalesce(max(ord), -1) + 1 AS next FROM case_evidence WHERE case_id = ?',
        [id],
      )!.next;
      run(ctx.db, 'INSERT INTO case_evidence (id, case_id, ord, name, text, added_at) VALUES (?, ?, ?, ?, ?, ?)', [
        randomUUID(),
        id,
        ord,
        name,
        text,
        at,
      ]);
      return [{ type: 'evidence-added', detail: name }];
    },
    true,
  );
}

export const EVIDENCE_ITEMS_MAX = 200;
export const EVIDENCE_CASE_MAX = 20_000_000;

export function removeEvidence(ctx: StoreContext, id: string, evidenceId: string): CaseRecord {
  return change(
    ctx,
    id,
    () => {
      const item = get<{ name: string }>(ctx.db, 'SELECT name FROM case_evidence WHERE id = ? AND case_id = ?', [
        evidenceId,
        id,
      ]);
      if (!item) throw new LexoError('not-found', `The case has no evidence with id ${JSON.stringify(evidenceId)}.`);
      run(ctx.db, 'DELETE FROM case_evidence WHERE id = ?', [evidenceId]);
      return [{ type: 'evidence-removed', detail: item.name }];
    },
    true,
  );
}

const noteExcerpt = (text: string) => {
  const line = text.trim().replace(/\s+/g, ' ');
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
};

export function addNote(ctx: StoreContext, id: string, text: string): CaseRecord {
  return change(ctx, id, (at) => {
    run(ctx.db, 'INSERT INTO case_note (id, case_id, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [
      randomUUID(),
      id,
      text,
      at,
      at,
    ]);
    return [{ type: 'note-added', detail: noteExcerpt(text) }];
  });
}

function noteOf(ctx: StoreContext, id: string, noteId: string): { text: string } {
  const note = get<{ text: string }>(ctx.db, 'SELECT text FROM case_note WHERE id = ? AND case_id = ?', [noteId, id]);
  if (!note) throw new LexoError('not-found', `The case has no note with id ${JSON.stringify(noteId)}.`);
  return note;
}

export function editNote(ctx: StoreContext, id: string, noteId: string, text: string): CaseRecord {
  return change(ctx, id, (at) => {
    if (noteOf(ctx, id, noteId).text === text) return [];
    run(ctx.db, 'UPDATE case_note SET text = ?, updated_at = ? WHERE id = ?', [text, at, noteId]);
    return [{ type: 'note-edited', detail: noteExcerpt(text) }];
  });
}

export function removeNote(ctx: StoreContext, id: string, noteId: string): CaseRecord {
  return change(ctx, id, () => {
    const { text } = noteOf(ctx, id, noteId);
    run(ctx.db, 'DELETE FROM case_note WHERE id = ?', [noteId]);
    return [{ type: 'note-removed', detail: noteExcerpt(text) }];
  });
}

export function setStatus(ctx: StoreContext, id: string, status: CaseStatus): CaseRecord {
  return change(ctx, id, (at) => {
    const row = caseRow(ctx.db, id);
    if (row.status === status) return [];
    run(ctx.db, 'UPDATE case_record SET status = ?, closed_at = ? WHERE id = ?', [
      status,
      status === 'closed' ? at : null,
      id,
    ]);
    return [{ type: status === 'closed' ? 'closed' : 'reopened', detail: '' }];
  });
}

/** Deleting is undoable: the case moves to the deleted list until restored or purged. */
export function deleteCase(ctx: StoreContext, id: string): CaseSummary {
  return transaction(ctx.db, () => {
    caseRow(ctx.db, id);
    const at = ctx.now().toISOString();
    run(ctx.db, 'UPDATE case_record SET deleted_at = ? WHERE id = ?', [at, id]);
    addEvents(ctx.db, id, at, [{ type: 'deleted', detail: '' }]);
    return summaryOf(caseRow(ctx.db, id, { deleted: true }));
  });
}

export function restoreCase(ctx: StoreContext, id: string): CaseRecord {
  return transaction(ctx.db, () => {
    const row = caseRow(ctx.db, id, { deleted: true });
    if (row.deleted_at === null) return recordOf(ctx.db, row);
    const at = ctx.now().toISOString();
    run(ctx.db, 'UPDATE case_record SET deleted_at = NULL WHERE id = ?', [id]);
    addEvents(ctx.db, id, at, [{ type: 'restored', detail: '' }]);
    return getCase(ctx.db, id);
  });
}

/** Removes for good the cases deleted more than DELETED_KEPT_DAYS ago. */
export function purgeDeleted(ctx: StoreContext): number {
  const before = new Date(ctx.now().getTime() - DELETED_KEPT_DAYS * 86_400_000).toISOString();
  return run(ctx.db, 'DELETE FROM case_record WHERE deleted_at IS NOT NULL AND deleted_at < ?', [before]).changes;
}

/** Case list: newest first, filtered; words match anywhere in title, customer, ticket, symptom, conclusion, notes. */
export function listCases(db: ReadableDb, input: CaseListInput): { cases: CaseSummary[]; total: number } {
  const where: string[] = [input.deleted ? 'deleted_at IS NOT NULL' : 'deleted_at IS NULL'];
  const params: (string | number)[] = [];
  for (const word of fold(input.query ?? '')
    .split(/\s+/)
    .filter(Boolean)) {
    where.push('instr(search_text, ?) > 0');
    params.push(word);
  }
  if (input.status && input.status !== 'all') {
    where.push('status = ?');
    params.push(input.status);
  }
  for (const key of ['customer', 'ticket'] as const) {
    const value = input[key]?.trim();
    if (value) {
      where.push(`instr(lower(${key}), ?) > 0`);
      params.push(value.toLowerCase());
    }
  }
  if (input.conclusion) {
    where.push('conclusion = ?');
    params.push(input.conclusion);
  }
  // Dates are ISO strings, so they compare as text; a bare date as `to` means the whole of that day.
  if (input.from) {
    where.push('updated_at >= ?');
    params.push(input.from);
  }
  if (input.to) {
    where.push('updated_at <= ?');
    params.push(/^\d{4}-\d{2}-\d{2}$/.test(input.to) ? `${input.to}T23:59:59.999Z` : input.to);
  }
  const clause = where.join(' AND ');
  const total = get<{ n: number }>(db, `SELECT count(*) AS n FROM case_record WHERE ${clause}`, params)!.n;
  const rows = all<Omit<CaseRow, 'file'>>(
    db,
    `SELECT ${SUMMARY_COLUMNS} FROM case_record WHERE ${clause} ORDER BY updated_at DESC, id LIMIT ? OFFSET ?`,
    [...params, input.limit ?? DEFAULT_LIST_LIMIT, input.offset ?? 0],
  );
  return { cases: rows.map(summaryOf), total };
}
