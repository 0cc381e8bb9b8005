// One paste against the pack's signatures: the text pass (scan-text.ts), the events (events.ts) and the
// ms-diagnostics codes of SIP and HTTP headers. Each signature found is reported once, with its first (best)
// occurrence and how many times it occurs; the work per match is bounded, so a log that repeats the same error
// a hundred thousand times costs a counter, not a list.
import { MAX_ANCHOR, normProvider, providerFamily } from './build';
import { findEvents } from './events';
import { LineIndex } from './lines';
import { normalizeWithOffsets, isWordCode } from './normalize';
import { scanText } from './scan-text';
import {
  TIER_RANK,
  type EventSignature,
  type PhraseSignature,
  type SignatureHit,
  type SignatureSet,
  type Tier,
} from './types';

/** Occurrences kept per signature to confirm the full string around its anchor. */
const CHECKED = 8;
/** Characters between two pieces of a message where the article has a name or a number. */
const GAP = 200;
const WHAT_LENGTH = 120;

interface Occurrence {
  start: number;
  end: number;
  startLine: number;
  endLine: number;
}

const shorten = (s: string) => (s.length > WHAT_LENGTH ? `${s.slice(0, WHAT_LENGTH - 1)}…` : s);

/** A hit keeps its best occurrence (the first of the best tier) and counts them all; its excerpt is cut once. */
class Hits {
  private readonly byKey = new Map<string, SignatureHit>();

  add(hit: Omit<SignatureHit, 'count' | 'text'>, excerpt: () => string, count = 1): void {
    const key = `${hit.article}\u0001${hit.kind}\u0001${hit.what}`;
    const have = this.byKey.get(key);
    if (!have) this.byKey.set(key, { ...hit, text: excerpt(), count });
    else {
      const total = have.count + count;
      if (TIER_RANK[hit.tier] > TIER_RANK[have.tier]) Object.assign(have, hit, { text: excerpt() });
      have.count = total;
    }
  }

  list(): SignatureHit[] {
    return [...this.byKey.values()];
  }
}

/**
 * Whether all of a message's pieces are there, in order, around the anchor found at [start, end): the text
 * around it is normalized and the pieces looked up, each at most GAP characters after the previous one.
 */
function fullMatch(text: string, sig: PhraseSignature, at: Occurrence): { start: number; end: number } | undefined {
  const total = sig.chunks.reduce((n, c) => n + c.length, 0);
  const reach = 2 * total + GAP * sig.chunks.length;
  const from = Math.max(0, at.start - reach);
  const window = normalizeWithOffsets(text, from, Math.min(text.length, at.end + reach));
  let lo = 0;
  let hi = window.offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (window.offsets[mid]! < at.start) lo = mid + 1;
    else hi = mid;
  }
  const anchor = sig.chunks[sig.anchor]!;
  if (!window.text.startsWith(anchor, lo)) return undefined;
  let first = lo;
  let last = lo + anchor.length;
  for (let j = sig.anchor + 1; j < sig.chunks.length; j++) {
    const chunk = sig.chunks[j]!;
    const k = window.text.indexOf(chunk, last);
    if (k < 0 || k - last > GAP) return undefined;
    last = k + chunk.length;
  }
  for (let j = sig.anchor - 1; j >= 0; j--) {
    const chunk = sig.chunks[j]!;
    const k = window.text.lastIndexOf(chunk, first - chunk.length);
    if (k < 0 || first - (k + chunk.length) > GAP) return undefined;
    first = k;
  }
  return { start: window.offsets[first]!, end: window.offsets[last - 1]! + 1 };
}

function phraseHits(text: string, set: SignatureSet, lines: () => LineIndex, hits: Hits): void {
  const seen = new Map<number, { count: number; kept: Occurrence[] }>();
  scanText(text, set.automaton, (pattern, start, end, startLine, endLine) => {
    for (const use of set.patterns[pattern]!) {
      if (use.boundaryStart && start > 0 && isWordCode(text.charCodeAt(start - 1))) continue;
      if (use.boundaryEnd && end < text.length && isWordCode(text.charCodeAt(end))) continue;
      let s = seen.get(use.sig);
      if (!s) seen.set(use.sig, (s = { count: 0, kept: [] }));
      s.count++;
      if (s.kept.length < CHECKED) s.kept.push({ start, end, startLine, endLine });
    }
  });
  for (const [index, { count, kept }] of seen) {
    const sig = set.phrases[index]!;
    let best: Occurrence = kept[0]!;
    let tier: Tier = sig.tier;
    // The whole string is looked for around the anchor: where it is, the lines show all of it, and a message whose
    // pieces are all there says more than its anchor. Several occurrences are tried only when that can change.
    const whole = sig.chunks.length > 1 || sig.chunks[sig.anchor]!.length > MAX_ANCHOR;
    if (whole) {
      const tries = TIER_RANK[sig.fullTier] > TIER_RANK[sig.tier] ? kept : kept.slice(0, 1);
      for (const at of tries) {
        const full = fullMatch(text, sig, at);
        if (!full) continue;
        const index = lines();
        best = {
          start: full.start,
          end: full.end,
          startLine: index.lineOf(full.start),
          endLine: index.lineOf(full.end),
        };
        if (TIER_RANK[sig.fullTier] > TIER_RANK[tier]) tier = sig.fullTier;
        break;
      }
    }
    const article = set.articles[sig.article]!.id;
    const what = shorten(sig.text);
    const excerpt = () => lines().excerpt(best.startLine, best.endLine, best.start);
    hits.add({ article, kind: sig.kind, tier, what, from: best.startLine, to: best.endLine }, excerpt, count);
  }
}

/**
 * An event of the article's ID: from the source the article names (or, when it names none, from one of the
 * products' sources) it is the article's event; without its source, a weaker sign; from another source, not it.
 */
export function eventTier(sig: EventSignature, provider: string | undefined, families: Set<string>): Tier | undefined {
  if (provider === undefined) return 'weak';
  const name = normProvider(provider);
  if (sig.providers.length) return sig.providers.includes(name) ? 'strong' : undefined;
  return families.has(providerFamily(name)) ? 'strong' : undefined;
}

function eventHits(text: string, set: SignatureSet, lines: () => LineIndex, hits: Hits): void {
  if (set.events.size === 0) return;
  for (const e of findEvents(text, lines)) {
    for (const sig of set.events.get(e.id) ?? []) {
      const tier = eventTier(sig, e.provider, set.families);
      if (!tier) continue;
      hits.add(
        {
          article: set.articles[sig.article]!.id,
          kind: 'event',
          tier,
          what: `Event ID ${e.id}${e.provider ? ` from ${e.provider}` : ''}`,
          from: e.from,
          to: e.to,
        },
        () => lines().excerpt(e.from, e.to, e.focus),
      );
    }
  }
}

const DIAGNOSTIC = /ms-diagnostics(?:-public)?[ \t]{0,8}:[ \t]{0,8}(\d{1,9})/gi;

/** A code alone is a weaker sign: the same code comes with several reasons; the reason text is its own signature. */
function diagnosticHits(text: string, set: SignatureSet, lines: () => LineIndex, hits: Hits): void {
  if (set.diagnostics.size === 0) return;
  for (const m of text.matchAll(DIAGNOSTIC)) {
    const sigs = set.diagnostics.get(m[1]!);
    if (!sigs) continue;
    const line = lines().lineOf(m.index);
    for (const sig of sigs) {
      hits.add(
        {
          article: set.articles[sig.article]!.id,
          kind: 'diagnostic',
          tier: 'weak',
          what: `ms-diagnostics ${sig.code}`,
          from: line,
          to: line,
        },
        () => lines().excerpt(line, line, m.index),
      );
    }
  }
}

/** Every signature of the set that one paste shows. Never throws on any text. */
export function scanSignatures(text: string, set: SignatureSet): SignatureHit[] {
  if (set.articles.length === 0 || text.length === 0) return [];
  let index: LineIndex | undefined;
  const lines = () => (index ??= new LineIndex(text));
  const hits = new Hits();
  phraseHits(text, set, lines, hits);
  eventHits(text, set, lines, hits);
  diagnosticHits(text, set, lines, hits);
  return hits.list().sort((a, b) => a.from - b.from || a.to - b.to);
}
