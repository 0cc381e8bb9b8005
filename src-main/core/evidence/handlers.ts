import type { ApiInput, ApiOutput } from '../contract';
import type { ReadableDb } from '../db/sqlite';
import { articleSignatures } from '../kb/signatures-cache';
import { analyzeEvidenceCached as analyzeEvidence } from './read-cache';

export interface EvidenceHandlers {
  'evidence.analyze': (input: ApiInput<'evidence.analyze'>) => ApiOutput<'evidence.analyze'>;
}

/** With the knowledge base, the findings include the support articles whose error strings the pastes show. */
export function evidenceHandlers({ db }: { db?: ReadableDb } = {}): EvidenceHandlers {
  return {
    'evidence.analyze': ({ items, context }) =>
      analyzeEvidence(items ?? [], context ?? {}, db ? articleSignatures(db) : undefined),
  };
}
