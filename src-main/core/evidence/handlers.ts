import type { ApiInput, ApiOutput } from '../contract';
import { analyzeEvidence } from './analyze';

export interface EvidenceHandlers {
  'evidence.analyze': (input: ApiInput<'evidence.analyze'>) => ApiOutput<'evidence.analyze'>;
}

export function evidenceHandlers(): EvidenceHandlers {
  return {
    'evidence.analyze': ({ items, context }) => analyzeEvidence(items ?? [], context ?? {}),
  };
}
