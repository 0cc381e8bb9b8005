// Knowledge-base search: KB numbers and cmdlet names first, then FTS5 word matches (all terms, then any term),
// then trigram near misses; results in the UI language with English as fallback.
import { SEARCH_KINDS, type Lang, type MatchReason, type SearchKind, type SearchResult } from '../contract';
import { all, get, type ReadableDb } from '../db/sqlite';
import { fold, queryTrigrams, readsLikeComplaint, tokens } from './text';
import { titleOf } from './views';

export interface SearchOptions {
  query: string;
  lang?: Lang;
  limit?: number;
  kinds?: readonly SearchKind[];
}

interface Row {
  kind: string;
  id: string;
  lang: string;
  /** The title's index tokens (words queries only). */
  title?: string;
}

interface Candidate {
  kind: SearchKind;
  id: string;
  score: number;
  matched: Set<MatchReason>;
}

const KIND_ORDER: Record<SearchKind, number> = { symptom: 0, article: 1, step: 2, cmdlet: 3, topic: 4 };
/** Room for ranking before the limit is applied. */
const POOL = 60;

function ftsPhrase(token: string): string {
  return `"${token.replace(/"/g, '""')}"`;
}

class Collector {
  readonly byKey = new Map<string, Candidate>();
  constructor(private readonly kinds: ReadonlySet<string>) {}

  add(kind: string, id: string, score: number, reason: MatchReason): void {
    if (!this.kinds.has(kind)) return;
    const key = `${kind}:${id}`;
    const c = this.byKey.get(key);
    if (c) {
      c.score += score;
      c.matched.add(reason);
    } else {
      this.byKey.set(key, { kind: kind as SearchKind, id, score, matched: new Set([reason]) });
    }
  }

  /** Adds ranked rows, keeping only the best row of each entry (an entry has one row per language). */
  addRanked(rows: Row[], weight: number, reason: MatchReason, lang: string, terms: string[] = []): void {
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      const key = `${row.kind}:${row.id}`;
      if (seen.has(key)) return;
      seen.add(key);
      this.add(row.kind, row.id, (weight / (1 + i / 4)) * (row.lang === lang ? 1 : 0.9), reason);
      this.titleBonus(key, row, terms);
    });
  }

  /** An entry whose title says what the query says: what share of the terms its title holds, once per entry. */
  private readonly titled = new Set<string>();
  private titleBonus(key: string, row: Row, terms: string[]): void {
    const cand = this.byKey.get(key);
    if (!cand || terms.length === 0 || row.title === undefined || this.titled.has(key)) return;
    const words = row.title.split(' ').filter(Boolean);
    const covered = terms.filter((t) => words.some((w) => w.startsWith(t))).length / terms.length;
    if (covered === 0) return;
    this.titled.add(key);
    const focus = covered === 1 ? Math.min(1, terms.length / words.length) : 0;
    cand.score += 30 * covered * covered + 15 * focus;
  }

  get size(): number {
    return this.byKey.size;
  }
}

const WORDS_SQL = `SELECT kind, id, lang, title FROM kb_search WHERE kb_search MATCH ? ORDER BY rank LIMIT ${POOL}`;
const WORDS_UNRANKED_SQL = `SELECT kind, id, lang, title FROM kb_search WHERE kb_search MATCH ? LIMIT ${POOL}`;
const WORDS_PROBE_SQL = 'SELECT COUNT(*) AS n FROM (SELECT rowid FROM kb_search WHERE kb_search MATCH ? LIMIT ?)';
const FUZZY_SQL = `SELECT kind, id, lang FROM kb_search_tri WHERE kb_search_tri MATCH ? ORDER BY rank LIMIT ${POOL}`;
const FUZZY_PROBE_SQL =
  'SELECT COUNT(*) AS n FROM (SELECT rowid FROM kb_search_tri WHERE kb_search_tri MATCH ? LIMIT ?)';

/**
 * Ranking costs about a microsecond per matching row, so a query is ranked only when it matches at most
 * RANK_CAP rows (counted first, which is cheap): search stays fast on a large pack, whatever the words.
 */
const RANK_CAP = 400;

/** Ranked rows of a match expression, or null when it matches too many rows to rank. */
function rankBounded(db: ReadableDb, match: string, fuzzy = false): Row[] | null {
  const n = get<{ n: number }>(db, fuzzy ? FUZZY_PROBE_SQL : WORDS_PROBE_SQL, [match, RANK_CAP + 1])?.n ?? 0;
  if (n === 0) return [];
  if (n > RANK_CAP) return null;
  return all<Row>(db, fuzzy ? FUZZY_SQL : WORDS_SQL, [match]);
}

function byKbNumber(db: ReadableDb, query: string, c: Collector): void {
  for (const m of query.matchAll(/(?:\bkb\s*)?(?<!\d)(\d{6,7})(?!\d)/gi)) {
    for (const row of all<{ kind: string; id: string }>(db, 'SELECT kind, id FROM kb_entry WHERE kb = ?', [m[1]!])) {
      c.add(row.kind, row.id, 200, 'kb-number');
    }
  }
}

function byCmdletName(db: ReadableDb, query: string, c: Collector): void {
  const words = [query, ...query.split(/\s+/)]
    .map((w) => fold(w).replace(/[^a-z0-9]/g, ''))
    .filter((w) => w.length >= 6);
  for (const word of new Set(words)) {
    for (const row of all<{ id: string }>(
      db,
      "SELECT id FROM kb_entry WHERE kind = 'cmdlet' AND instr(replace(id, '-', ''), ?) > 0 LIMIT 20",
      [word],
    )) {
      const exact = row.id.replace(/-/g, '') === word;
      c.add('cmdlet', row.id, exact ? 150 : 45, 'cmdlet-name');
    }
  }
}

function byWords(db: ReadableDb, query: string, lang: string, c: Collector): void {
  const terms = [...new Set(tokens(query))].slice(0, 12);
  if (terms.length === 0) return;
  // Whole tokens (stems meet each other half-way); the last one also as a prefix while it is being typed.
  // Prefix queries cost far more than token queries, so only that one.
  const typing = !/\s$/.test(query);
  const phrases = terms.map((t, i) =>
    typing && i === terms.length - 1 && t.length >= 3 ? `${ftsPhrase(t)}*` : ftsPhrase(t),
  );
  const every = phrases.join(' AND ');
  // All terms anywhere, ranked with titles weighing most. Too broad to rank (a common word on a large pack):
  // all terms in titles and keywords, which say what an entry is about; still too broad: the first rows as
  // they come, since no order among thousands of equal matches is worth the wait.
  const head = `{title keywords} : (${every})`;
  const rows = rankBounded(db, every) ?? rankBounded(db, head) ?? all<Row>(db, WORDS_UNRANKED_SQL, [head]);
  c.addRanked(rows, 60, 'words', lang, terms);
  // Any term, only when all terms found little; titles and keywords only, where a partial match still means
  // something; skipped when the words are too common for a partial match to mean anything.
  if (terms.length > 1 && c.size < 10) {
    const some = rankBounded(db, `{title keywords} : (${phrases.join(' OR ')})`);
    if (some) c.addRanked(some, 25, 'words', lang, terms);
  }
}

function byTrigrams(db: ReadableDb, query: string, lang: string, c: Collector): void {
  const grams = queryTrigrams(query).slice(0, 16);
  if (grams.length === 0) return;
  const rows = rankBounded(db, grams.map(ftsPhrase).join(' OR '), true);
  if (rows) c.addRanked(rows, 20, 'fuzzy', lang);
}

export function search(
  db: ReadableDb,
  { query, lang = 'en', limit = 10, kinds = SEARCH_KINDS }: SearchOptions,
): SearchResult[] {
  const q = query.trim().slice(0, 500);
  if (!q) return [];
  const c = new Collector(new Set(kinds));
  byKbNumber(db, q, c);
  byCmdletName(db, q, c);
  byWords(db, q, lang, c);
  // Near misses only when words found nothing, and only for short queries: a misspelt name or term, not a
  // sentence (a KB number or a plain number is never a near miss).
  if (c.size === 0 && q.length <= 40 && !/^\W*(kb\s*)?\d+\W*$/i.test(q)) byTrigrams(db, q, lang, c);
  // A complaint wants the symptom that matches it; a name or a term wants the step, article or cmdlet.
  const complaint = readsLikeComplaint(q);
  for (const cand of c.byKey.values()) {
    if (cand.kind === 'symptom') cand.score = complaint ? cand.score * 1.3 + 10 : cand.score * 0.85;
  }
  const ranked = [...c.byKey.values()]
    .sort((a, b) => b.score - a.score || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.id.localeCompare(b.id))
    .slice(0, limit);
  const top = ranked[0]?.score ?? 1;
  return ranked.map((r) => ({
    kind: r.kind,
    id: r.id,
    title: titleOf(db, r.kind, r.id, lang as Lang),
    kb: r.kind === 'article' && /^kb-\d+$/.test(r.id) ? r.id.slice(3) : null,
    score: Math.round((r.score / top) * 1000) / 1000,
    matched: [...r.matched],
  }));
}
