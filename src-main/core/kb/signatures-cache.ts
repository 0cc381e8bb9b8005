// The support articles' signatures (error strings, event IDs, diagnostic codes) built once per pack content and
// kept while it is unchanged, as engine/knowledge.ts keeps the tree: importing or removing a pack rebuilds them.
import { createHash } from 'node:crypto';
import { all, get, type ReadableDb } from '../db/sqlite';
import { buildSignatureSet, type ArticleSource } from '../evidence/signatures/build';
import type { SignatureSet } from '../evidence/signatures/types';

const cache = new WeakMap<object, SignatureSet>();

/** The loaded packs' identity: their ids and content hashes. */
function packKey(db: ReadableDb): string {
  const key = get<{ k: string | null }>(db, "SELECT group_concat(id || ':' || hash) AS k FROM kb_pack")?.k ?? '';
  return `pack:${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}

export function articleSignatures(db: ReadableDb): SignatureSet {
  const key = packKey(db);
  const hit = cache.get(db);
  if (hit && hit.key === key) return hit;
  const articles = all<{ data: string }>(db, "SELECT data FROM kb_entry WHERE kind = 'article' ORDER BY ord, id").map(
    (r) => JSON.parse(r.data) as ArticleSource,
  );
  const set = buildSignatureSet(articles, key);
  cache.set(db, set);
  return set;
}
