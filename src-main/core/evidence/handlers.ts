import type { ApiInput, ApiOutput } from '../contract';
import { analyzeEvidenceCached as analyzeEvidence } from './read-cache';

export interface EvidenceHandlers {
  'evidence.analyze': (input: ApiInput<'evidence.analyze'>) => ApiOutput<'evidence.analyze'>;
}

export function evidenceHandlers(): EvidenceHandlers {
  return {
    'evidence.analyze': ({ items, context }) => analyzeEvidence(items ?? [], context ?? {}),
  };
}
