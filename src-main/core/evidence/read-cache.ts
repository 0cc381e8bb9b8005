// Reading a paste is the costly part (a few MB take a few hundred ms); evaluating what was read is cheap. The
// guided flow re-runs the engine on every answer with the same evidence, so what was read is kept by content.
import { createHash } from 'node:crypto';
import {
  evaluateEvidence,
  recognizeEvidence,
  type EvidenceAnalysis,
  type EvidenceItem,
  type RecognizedItem,
} from './analyze';
import type { EvidenceContext } from './rules/context';

const MAX_ENTRIES = 8;
const read = new Map<string, RecognizedItem[]>();
/** What was concluded from a read set in one context: the engine and a report of the same case ask twice. */
const evaluated = new Map<string, EvidenceAnalysis>();

function keyOf(items: EvidenceItem[]): string {
  const hash = createHash('sha256');
  for (const item of items) hash.update(item.name).update('\0').update(item.text).update('\0');
  return hash.digest('hex');
}

/** analyzeEvidence, reading each distinct set of pastes once. */
export function analyzeEvidenceCached(items: EvidenceItem[], context: EvidenceContext = {}): EvidenceAnalysis {
  return analyzeEvidenceByKey(`sha256:${keyOf(items)}`, () => items, context);
}

/**
 * The same, for evidence whose identity is known without reading it (a stored case's evidence ids): the text is
 * loaded and hashed only when it was not read before, so saving a case with megabytes of evidence stays cheap.
 */
export function analyzeEvidenceByKey(
  key: string,
  load: () => EvidenceItem[],
  context: EvidenceContext = {},
): EvidenceAnalysis {
  const evaluatedKey = `${key}\0${context.topology ?? ''}|${context.cloud ?? ''}|${context.exchange ?? ''}`;
  const known = evaluated.get(evaluatedKey);
  if (known) return known;
  let recognized = read.get(key);
  if (!recognized) {
    recognized = recognizeEvidence(load());
    if (read.size >= MAX_ENTRIES) read.delete(read.keys().next().value!);
    read.set(key, recognized);
  }
  // Shared between callers, who only read it.
  const analysis = evaluateEvidence(recognized, context);
  if (evaluated.size >= MAX_ENTRIES * 2) evaluated.delete(evaluated.keys().next().value!);
  evaluated.set(evaluatedKey, analysis);
  return analysis;
}
