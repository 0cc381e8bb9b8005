// Reading a content pack (a folder of JSON files, or a team's single-file pack), validating all of it, and
// writing it into the KB tables in one transaction.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { all, get, run, transaction, type ReadableDb, type WritableDb } from '../db/sqlite';
import { LexoError } from '../errors';
import {
  ENTRY_KINDS,
  ENTRY_SCHEMAS,
  manifestSchema,
  packFileShape,
  type EntryKind,
  type PackManifest,
} from './pack-schema';
import { indexEntry } from './search-index';
import { checkLanguages, checkReferences, type LoadedEntries, type PackProblem } from './validate';

export type { PackProblem } from './validate';

/** A pack that cannot be loaded. `problems` lists every one found, not just the first. */
export class PackError extends LexoError {
  constructor(readonly problems: PackProblem[]) {
    super(
      'pack-error',
      `The content pack is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems
          .slice(0, 50)
          .map((p) => `  ${p.file}${p.path ? ` at ${p.path}` : ''}: ${p.reason}`)
          .join('\n') +
        (problems.length > 50 ? `\n  … and ${problems.length - 50} more` : ''),
      problems.map((p) => ({ path: `${p.file}${p.path ? `:${p.path}` : ''}`, message: p.reason })),
    );
    this.name = 'PackError';
  }
}

export interface Pack {
  manifest: PackManifest;
  entries: LoadedEntries;
  /** sha256 of the pack's text, so an edited file reloads even without a version bump. */
  hash: string;
}

export const BUILTIN_PACK_ID = 'lexo-core';

function emptyEntries(): LoadedEntries {
  return Object.fromEntries(ENTRY_KINDS.map((k) => [k, []])) as unknown as LoadedEntries;
}

function issuesToProblems(file: string, prefix: string, error: z.ZodError): PackProblem[] {
  return error.issues.map((i) => ({
    file,
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'),
    reason: i.message,
  }));
}

function parseJson(file: string, text: string, problems: PackProblem[]): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    problems.push({ file, path: '', reason: `not valid JSON: ${(err as Error).message}` });
    return undefined;
  }
}

/** Validates the entries of one kind, adding the good ones to `into`; never stops at the first problem. */
function collectEntries(
  file: string,
  prefix: string,
  kind: EntryKind,
  raw: unknown[],
  languages: readonly string[],
  into: LoadedEntries,
  seen: Map<string, string>,
  problems: PackProblem[],
): void {
  raw.forEach((value, i) => {
    const at = `${prefix}${i}`;
    checkLanguages(value, languages, at, (path, reason) => problems.push({ file, path, reason }));
    const idValue = (value as { id?: unknown } | null)?.id;
    if (typeof idValue === 'string') {
      const key = `${kind}:${idValue}`;
      const first = seen.get(key);
      if (first)
        problems.push({ file, path: `${at}.id`, reason: `duplicate ${kind} id "${idValue}" (first in ${first})` });
      else seen.set(key, file);
    }
    const parsed = ENTRY_SCHEMAS[kind].safeParse(value);
    if (!parsed.success) problems.push(...issuesToProblems(file, at, parsed.error));
    else (into[kind] as { file: string; index: number; entry: unknown }[]).push({ file, index: i, entry: parsed.data });
  });
}

function finish(
  manifest: PackManifest,
  entries: LoadedEntries,
  hash: string,
  problems: PackProblem[],
  known?: ReadonlyMap<EntryKind, ReadonlySet<string>>,
): Pack {
  problems.push(...checkReferences(entries, known));
  if (problems.length > 0) throw new PackError(problems);
  return { manifest, entries, hash };
}

/**
 * The id and content hash of a pack folder, without validating it (null when it cannot be read): at start,
 * an unchanged pack needs no validation and no loading.
 */
export function packFolderHash(dir: string): { id: string; hash: string } | null {
  try {
    const hash = createHash('sha256');
    const manifestText = readFileSync(join(dir, 'pack.json'), 'utf8');
    hash.update('pack.json').update('\0').update(manifestText).update('\0');
    const manifest = JSON.parse(manifestText.replace(/^\uFEFF/, '')) as { id?: unknown; files?: unknown };
    if (typeof manifest.id !== 'string' || !Array.isArray(manifest.files)) return null;
    for (const file of manifest.files as string[]) {
      hash
        .update(file)
        .update('\0')
        .update(readFileSync(join(dir, file), 'utf8'))
        .update('\0');
    }
    return { id: manifest.id, hash: hash.digest('hex') };
  } catch {
    return null;
  }
}

/** Loads the pack folder unless the database already holds exactly this content. */
export function loadPackFolder(db: WritableDb, dir: string, now?: () => Date): LoadResult {
  const current = packFolderHash(dir);
  if (current) {
    const stored = get<{ hash: string; version: string }>(db, 'SELECT hash, version FROM kb_pack WHERE id = ?', [
      current.id,
    ]);
    if (stored?.hash === current.hash) return { loaded: false, packId: current.id, version: stored.version };
  }
  return loadPack(db, readPack(dir), now);
}

/** Reads and validates a pack folder (pack.json + one file per kind). Throws PackError listing every problem. */
export function readPack(dir: string, known?: ReadonlyMap<EntryKind, ReadonlySet<string>>): Pack {
  const problems: PackProblem[] = [];
  const hash = createHash('sha256');
  const read = (file: string): unknown => {
    let text: string;
    try {
      text = readFileSync(join(dir, file), 'utf8');
    } catch (err) {
      problems.push({
        file,
        path: '',
        reason: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      });
      return undefined;
    }
    hash.update(file).update('\0').update(text).update('\0');
    return parseJson(file, text, problems);
  };
  const rawManifest = read('pack.json');
  if (rawManifest === undefined) throw new PackError(problems);
  const manifest = manifestSchema.safeParse(rawManifest);
  if (!manifest.success) throw new PackError(issuesToProblems('pack.json', '', manifest.error));

  const entries = emptyEntries();
  const seen = new Map<string, string>();
  for (const file of manifest.data.files) {
    const raw = read(file);
    if (raw === undefined) continue;
    const shape = packFileShape.safeParse(raw);
    if (!shape.success) {
      problems.push(...issuesToProblems(file, '', shape.error));
      continue;
    }
    collectEntries(
      file,
      'entries.',
      shape.data.kind,
      shape.data.entries,
      manifest.data.languages,
      entries,
      seen,
      problems,
    );
  }
  return finish(manifest.data, entries, hash.digest('hex'), problems, known);
}

/**
 * A team pack in one file: `{"format":"lexo-pack","id","version","languages","entries":{"symptom":[…],…}}`.
 * `name` is only used in messages.
 */
export function parsePackFile(text: string, name: string, known?: ReadonlyMap<EntryKind, ReadonlySet<string>>): Pack {
  const problems: PackProblem[] = [];
  const raw = parseJson(name, text, problems);
  if (raw === undefined) throw new PackError(problems);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new PackError([{ file: name, path: '', reason: 'not a JSON object' }]);
  const { format, entries: rawEntries, ...rest } = raw as Record<string, unknown>;
  if (format !== 'lexo-pack') problems.push({ file: name, path: 'format', reason: 'must be "lexo-pack"' });
  const manifest = manifestSchema.omit({ files: true }).safeParse(rest);
  if (!manifest.success) throw new PackError([...problems, ...issuesToProblems(name, '', manifest.error)]);
  const entries = emptyEntries();
  const seen = new Map<string, string>();
  if (typeof rawEntries !== 'object' || rawEntries === null || Array.isArray(rawEntries)) {
    problems.push({ file: name, path: 'entries', reason: 'must be an object of entry lists by kind' });
  } else {
    for (const [kind, list] of Object.entries(rawEntries)) {
      if (!(ENTRY_KINDS as string[]).includes(kind)) {
        problems.push({
          file: name,
          path: `entries.${kind}`,
          reason: `unknown kind (known: ${ENTRY_KINDS.join(', ')})`,
        });
      } else if (!Array.isArray(list)) {
        problems.push({ file: name, path: `entries.${kind}`, reason: 'must be a list' });
      } else {
        collectEntries(
          name,
          `entries.${kind}.`,
          kind as EntryKind,
          list,
          manifest.data.languages,
          entries,
          seen,
          problems,
        );
      }
    }
  }
  const hash = createHash('sha256').update(text).digest('hex');
  return finish({ ...manifest.data, files: [] }, entries, hash, problems, known);
}

/** Ids already in the database by kind, except those of `exceptPack` (the pack about to be replaced). */
export function knownIds(db: ReadableDb, exceptPack?: string): Map<EntryKind, Set<string>> {
  const map = new Map<EntryKind, Set<string>>();
  for (const row of all<{ kind: EntryKind; id: string }>(db, 'SELECT kind, id FROM kb_entry WHERE pack_id IS NOT ?', [
    exceptPack ?? null,
  ])) {
    if (!map.has(row.kind)) map.set(row.kind, new Set());
    map.get(row.kind)!.add(row.id);
  }
  return map;
}

export interface LoadResult {
  loaded: boolean;
  packId: string;
  version: string;
}

/** An id another loaded pack already uses (a team pack, after a built-in update added the same id) is named. */
function refuseTakenIds(db: WritableDb, pack: Pack): void {
  const problems: PackProblem[] = [];
  for (const kind of ENTRY_KINDS) {
    for (const { entry, file } of pack.entries[kind]) {
      const owner = get<{ pack_id: string }>(db, 'SELECT pack_id FROM kb_entry WHERE kind = ? AND id = ?', [
        kind,
        entry.id,
      ]);
      if (owner) {
        problems.push({
          file,
          path: entry.id,
          reason: `the ${kind} id is already used by the pack "${owner.pack_id}"`,
        });
      }
    }
  }
  if (problems.length) throw new PackError(problems);
}

/**
 * Writes the pack into the KB tables in one transaction, unless the same content is already there.
 * Only KB tables are touched: cases live in their own tables.
 */
export function loadPack(
  db: WritableDb,
  pack: Pack,
  now: () => Date = () => new Date(),
  source: 'builtin' | 'team' = 'builtin',
): LoadResult {
  const { manifest } = pack;
  const current = get<{ hash: string }>(db, 'SELECT hash FROM kb_pack WHERE id = ?', [manifest.id]);
  if (current?.hash === pack.hash) return { loaded: false, packId: manifest.id, version: manifest.version };
  transaction(db, () => {
    // There is one built-in pack: one under another id (a renamed or test pack) goes when this one comes.
    const replaced =
      source === 'builtin'
        ? all<{ id: string }>(db, "SELECT id FROM kb_pack WHERE source = 'builtin' AND id != ?", [manifest.id])
        : [];
    for (const id of [manifest.id, ...replaced.map((p) => p.id)]) {
      run(db, 'DELETE FROM kb_search WHERE pack_id = ?', [id]);
      run(db, 'DELETE FROM kb_search_tri WHERE pack_id = ?', [id]);
      run(db, 'DELETE FROM kb_pack WHERE id = ?', [id]);
    }
    refuseTakenIds(db, pack);
    run(db, 'INSERT INTO kb_pack (id, version, hash, languages, loaded_at, source) VALUES (?, ?, ?, ?, ?, ?)', [
      manifest.id,
      manifest.version,
      pack.hash,
      JSON.stringify(manifest.languages),
      now().toISOString(),
      source,
    ]);
    let ord = 0;
    for (const kind of ENTRY_KINDS) {
      for (const { entry } of pack.entries[kind]) {
        const kb = kind === 'article' ? (entry as { kb: string | null }).kb : null;
        run(db, 'INSERT INTO kb_entry (kind, id, pack_id, data, kb, ord) VALUES (?, ?, ?, ?, ?, ?)', [
          kind,
          entry.id,
          manifest.id,
          JSON.stringify(entry),
          kb,
          ord++,
        ]);
        for (const lang of manifest.languages) {
          // Tree nodes have no title: a node is shown through its question.
          const title = 'title' in entry ? (entry.title as Record<string, string>)[lang] : undefined;
          if (title)
            run(db, "INSERT INTO kb_text (kind, id, lang, field, text) VALUES (?, ?, ?, 'title', ?)", [
              kind,
              entry.id,
              lang,
              title,
            ]);
          const doc = indexEntry(kind, entry, lang);
          if (!doc) continue;
          run(
            db,
            'INSERT INTO kb_search (kind, id, lang, pack_id, title, keywords, body) VALUES (?, ?, ?, ?, ?, ?, ?)',
            [kind, entry.id, lang, manifest.id, doc.title, doc.keywords, doc.body],
          );
          run(db, 'INSERT INTO kb_search_tri (kind, id, lang, pack_id, text) VALUES (?, ?, ?, ?, ?)', [
            kind,
            entry.id,
            lang,
            manifest.id,
            doc.fuzzy,
          ]);
        }
      }
    }
  });
  return { loaded: true, packId: manifest.id, version: manifest.version };
}
