import type { ApiInput, ApiOutput } from '../contract';
import { get, type ReadableDb } from '../db/sqlite';
import type { Symptom } from '../kb/pack-schema';
import { search } from '../kb/search';
import { caseFileSchema, type CaseFile } from './case-file';
import { diagnose } from './diagnose';
import { knowledge } from './knowledge';

export interface EngineHandlers {
  'engine.diagnose': (input: ApiInput<'engine.diagnose'>) => ApiOutput<'engine.diagnose'>;
}

/**
 * A case that states only its symptom in words starts from the features of the symptom that matches it best,
 * so the engineer who types what the customer said is not asked what is broken.
 */
export function withSymptomFeatures(db: ReadableDb, c: CaseFile): CaseFile {
  const anyBroken = Object.values(c.features ?? {}).includes('broken');
  if (!c.symptom?.trim() || anyBroken) return c;
  const [best] = search(db, { query: c.symptom, kinds: ['symptom'], limit: 1 });
  const row =
    best && get<{ data: string }>(db, "SELECT data FROM kb_entry WHERE kind = 'symptom' AND id = ?", [best.id]);
  if (!row) return c;
  const symptom = JSON.parse(row.data) as Symptom;
  const features = {
    ...Object.fromEntries(symptom.features.map((f) => [f, 'broken' as const])),
    ...(c.features ?? {}),
  };
  return { ...c, features };
}

export function engineHandlers({ db }: { db: ReadableDb }): EngineHandlers {
  return {
    // The case was validated by the API's input schema (caseFileSchema).
    'engine.diagnose': ({ case: c, lang = 'en' }) =>
      diagnose(knowledge(db), withSymptomFeatures(db, caseFileSchema.parse(c)), lang),
  };
}
