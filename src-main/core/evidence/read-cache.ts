// Reading a paste is the costly part (a few MB take a few hundred ms); evaluating what was read is cheap. The
// guided flow re-runs the engine on every answer with the same evidence, so what was read is kept by content.
// What the support articles' signatures found is kept by content and pack: a new pack brings new signatures.
import { createHash } from 'node:crypto';
import {
  evaluateEvidence,
  recognizeEvidence,
  scanArticleSignatures,
  type EvidenceAnalysis,
  type EvidenceItem,
  type RecognizedItem,
} from './analyze';
import type { EvidenceContext } from './rules/context';
import type { ItemHits } from './signatures/findings';
import type { SignatureSet } from './signatures/types';

const MAX_ENTRIES = 8;
const read = new Map<string, RecognizedItem[]>();
/** Signature hits, by content and pack. */
const scanned = new Map<string, ItemHits[]>();
/** What was concluded from a read set in one context: the engine and a report of the same case ask twice. */
const evaluated = new Map<string, EvidenceAnalysis>();

function keyOf(items: EvidenceItem[]): string {
  const hash = createHash('sha256');
  for (const item of items) hash.update(item.name).update('\0').update(item.text).update('\0');
  return hash.digest('hex');
}

function remember<V>(map: Map<string, V>, key: string, value: V, max: number): V {
  if (map.size >= max) map.delete(map.keys().next().value!);
  map.set(key, value);
  return value;
}

/** analyzeEvidence, reading each distinct set of pastes once (and scanning it once per pack). */
export function analyzeEvidenceCached(
  items: EvidenceItem[],
  context: EvidenceContext = {},
  signatures?: SignatureSet,
): EvidenceAnalysis {
  return analyzeEvidenceByKey(`sha256:${keyOf(items)}`, () => items, context, signatures);
}

/**
 * The same, for evidence whose identity is known without reading it (a stored case's evidence ids): the text is
 * loaded and hashed only when it was not read before, so saving a case with megabytes of evidence stays cheap.
 */
export function analyzeEvidenceByKey(
  key: string,
  load: () => EvidenceItem[],
  context: EvidenceContext = {},
  signatures?: SignatureSet,
): EvidenceAnalysis {
  const packKey = signatures ? `${key}\0${signatures.key}` : undefined;
  const evaluatedKey = `${key}\0${context.topology ?? ''}|${context.cloud ?? ''}|${context.exchange ?? ''}\0${signatures?.key ?? ''}`;
  const known = evaluated.get(evaluatedKey);
  if (known) return known;
  let loaded: EvidenceItem[] | undefined;
  const items = () => (loaded ??= load());
  const recognized = read.get(key) ?? remember(read, key, recognizeEvidence(items()), MAX_ENTRIES);
  let hits: ItemHits[] | undefined;
  if (signatures && packKey) {
    hits = scanned.get(packKey) ?? remember(scanned, packKey, scanArticleSignatures(items(), signatures), MAX_ENTRIES);
  }
  // Shared between callers, who only read it.
  const analysis = evaluateEvidence(
    recognized,
    context,
    signatures && hits ? { set: signatures, items: hits } : undefined,
  );
  return remember(evaluated, evaluatedKey, analysis, MAX_ENTRIES * 2);
}
