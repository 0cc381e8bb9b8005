// Team packs: a team's own symptoms and articles, imported from and exported to one JSON file.
import { KB_KINDS, type KbKind, type Lang, type PackInfo } from '../contract';
import { all, get, run, transaction, type ReadableDb, type WritableDb } from '../db/sqlite';
import { LexoError } from '../errors';
import { BUILTIN_PACK_ID, knownIds, loadPack, PackError, parsePackFile } from './pack';
import { ENTRY_KINDS } from './pack-schema';

/** Largest team pack accepted: far above any real pack, well below what would hurt the app. */
export const MAX_PACK_BYTES = 20 * 1024 * 1024;

export function packInfos(db: ReadableDb): PackInfo[] {
  return all<{ id: string; version: string; source: 'builtin' | 'team'; languages: string; loaded_at: string }>(
    db,
    "SELECT id, version, source, languages, loaded_at FROM kb_pack ORDER BY source = 'team', id",
  ).map((p) => packInfo(db, p));
}

function packInfo(
  db: ReadableDb,
  p: { id: string; version: string; source: 'builtin' | 'team'; languages: string; loaded_at: string },
): PackInfo {
  const counts: Partial<Record<KbKind, number>> = {};
  for (const row of all<{ kind: KbKind; n: number }>(
    db,
    'SELECT kind, COUNT(*) AS n FROM kb_entry WHERE pack_id = ? GROUP BY kind',
    [p.id],
  )) {
    counts[row.kind] = row.n;
  }
  return {
    id: p.id,
    version: p.version,
    source: p.source,
    languages: JSON.parse(p.languages) as Lang[],
    loadedAt: p.loaded_at,
    counts,
  };
}

function infoOf(db: ReadableDb, id: string): PackInfo {
  const p = get<{ id: string; version: string; source: 'builtin' | 'team'; languages: string; loaded_at: string }>(
    db,
    'SELECT id, version, source, languages, loaded_at FROM kb_pack WHERE id = ?',
    [id],
  );
  if (!p) throw new LexoError('not-found', `No pack "${id}"`);
  return packInfo(db, p);
}

/**
 * Validates a team pack against everything already loaded, then loads it in one transaction. A pack with the
 * same id replaces the earlier version; a broken pack leaves the database as it was.
 */
export function importTeamPack(
  db: WritableDb,
  text: string,
  name = 'team pack',
  now: () => Date = () => new Date(),
): PackInfo {
  if (Buffer.byteLength(text, 'utf8') > MAX_PACK_BYTES) {
    throw new LexoError(
      'invalid-input',
      `${name} is larger than ${MAX_PACK_BYTES / 1024 / 1024} MB: not a content pack`,
    );
  }
  const pack = parsePackFile(text, name, knownIds(db));
  const id = pack.manifest.id;
  if (id === BUILTIN_PACK_ID)
    throw new PackError([{ file: name, path: 'id', reason: `"${id}" is the built-in pack's id` }]);
  const owner = get<{ source: string }>(db, 'SELECT source FROM kb_pack WHERE id = ?', [id]);
  if (owner && owner.source !== 'team')
    throw new PackError([{ file: name, path: 'id', reason: `"${id}" is not a team pack` }]);
  // Ids must not take over entries of other packs.
  const clashes = ENTRY_KINDS.flatMap((kind) =>
    pack.entries[kind].flatMap(({ entry, index }) => {
      const other = get<{ pack_id: string }>(
        db,
        'SELECT pack_id FROM kb_entry WHERE kind = ? AND id = ? AND pack_id <> ?',
        [kind, entry.id, id],
      );
      return other
        ? [
            {
              file: name,
              path: `entries.${kind}.${index}.id`,
              reason: `${kind} "${entry.id}" already exists in pack "${other.pack_id}"`,
            },
          ]
        : [];
    }),
  );
  if (clashes.length > 0) throw new PackError(clashes);
  loadPack(db, pack, now, 'team');
  return infoOf(db, id);
}

export function exportPack(db: ReadableDb, id: string): { fileName: string; text: string } {
  const info = infoOf(db, id);
  const entries: Partial<Record<KbKind, unknown[]>> = {};
  for (const kind of KB_KINDS) {
    const rows = all<{ data: string }>(
      db,
      'SELECT data FROM kb_entry WHERE pack_id = ? AND kind = ? ORDER BY ord, id',
      [id, kind],
    );
    if (rows.length > 0) entries[kind] = rows.map((r) => JSON.parse(r.data) as unknown);
  }
  const file = { format: 'lexo-pack', id: info.id, version: info.version, languages: info.languages, entries };
  return { fileName: `${info.id}-${info.version}.lexo-pack.json`, text: `${JSON.stringify(file, null, 2)}\n` };
}

export function removeTeamPack(db: WritableDb, id: string): boolean {
  const p = get<{ source: string }>(db, 'SELECT source FROM kb_pack WHERE id = ?', [id]);
  if (!p) return false;
  if (p.source !== 'team') throw new LexoError('invalid-input', `"${id}" is the built-in pack and cannot be removed`);
  transaction(db, () => {
    run(db, 'DELETE FROM kb_search WHERE pack_id = ?', [id]);
    run(db, 'DELETE FROM kb_search_tri WHERE pack_id = ?', [id]);
    run(db, 'DELETE FROM kb_pack WHERE id = ?', [id]);
  });
  return true;
}
