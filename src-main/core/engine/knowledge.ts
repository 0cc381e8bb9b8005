// What the engine needs from the knowledge base, parsed once per pack content and kept while it is unchanged.
import { all, get, type ReadableDb } from '../db/sqlite';
import type { Conclusion, EntryByKind, Feature, Step, Topology as TopologyEntry, TreeNode } from '../kb/pack-schema';

export interface Knowledge {
  nodes: Map<string, TreeNode>;
  conclusions: Map<string, Conclusion>;
  steps: Step[];
  features: Map<string, Feature>;
  topologies: Map<string, TopologyEntry>;
  clouds: Map<string, EntryByKind['cloud']>;
  /** Titles of linkable entries, by "kind:id", per language. */
  titles: Map<string, Record<string, string>>;
}

const cache = new WeakMap<object, { key: string; knowledge: Knowledge }>();

function entries<K extends keyof EntryByKind>(db: ReadableDb, kind: K): EntryByKind[K][] {
  return all<{ data: string }>(db, 'SELECT data FROM kb_entry WHERE kind = ? ORDER BY ord, id', [kind]).map(
    (r) => JSON.parse(r.data) as EntryByKind[K],
  );
}

export function knowledge(db: ReadableDb): Knowledge {
  const key = get<{ k: string | null }>(db, "SELECT group_concat(id || ':' || hash) AS k FROM kb_pack")?.k ?? '';
  const hit = cache.get(db);
  if (hit && hit.key === key) return hit.knowledge;
  const titles = new Map<string, Record<string, string>>();
  for (const row of all<{ kind: string; id: string; lang: string; text: string }>(
    db,
    "SELECT kind, id, lang, text FROM kb_text WHERE field = 'title'",
  )) {
    const k = `${row.kind}:${row.id}`;
    const t = titles.get(k) ?? {};
    t[row.lang] = row.text;
    titles.set(k, t);
  }
  const k: Knowledge = {
    nodes: new Map(entries(db, 'node').map((n) => [n.id, n])),
    conclusions: new Map(entries(db, 'conclusion').map((c) => [c.id, c])),
    steps: entries(db, 'step').sort((a, b) => a.number - b.number),
    features: new Map(entries(db, 'feature').map((f) => [f.id, f])),
    topologies: new Map(entries(db, 'topology').map((t) => [t.id, t])),
    clouds: new Map(entries(db, 'cloud').map((c) => [c.id, c])),
    titles,
  };
  cache.set(db, { key, knowledge: k });
  return k;
}
