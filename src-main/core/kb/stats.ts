import { KB_KINDS, LANGS, type KbKind, type KbStats, type Lang } from '../contract';
import { all, get, type ReadableDb } from '../db/sqlite';

export function kbStats(db: ReadableDb): KbStats {
  const pack = get<{ id: string; version: string; loaded_at: string; languages: string }>(
    db,
    "SELECT id, version, loaded_at, languages FROM kb_pack WHERE source = 'builtin'",
  );
  const counts = Object.fromEntries(KB_KINDS.map((k) => [k, 0])) as Record<KbKind, number>;
  for (const row of all<{ kind: string; n: number }>(db, 'SELECT kind, COUNT(*) AS n FROM kb_entry GROUP BY kind')) {
    if ((KB_KINDS as readonly string[]).includes(row.kind)) counts[row.kind as KbKind] = row.n;
  }
  const languages = pack
    ? (JSON.parse(pack.languages) as string[]).filter((l): l is Lang => (LANGS as readonly string[]).includes(l))
    : [];
  return {
    packId: pack?.id ?? null,
    packVersion: pack?.version ?? null,
    loadedAt: pack?.loaded_at ?? null,
    languages,
    counts,
  };
}
