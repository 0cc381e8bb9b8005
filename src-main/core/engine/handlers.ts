import {
  CASE_NAME_FIELDS,
  CASE_NAME_PATTERN,
  type ApiInput,
  type ApiOutput,
  type CaseInput,
  type DiagnoseResult,
  type Finding,
  type Lang,
} from '../contract';
import { analyzeEvidenceByKey, analyzeEvidenceCached as analyzeEvidence } from '../evidence/read-cache';
import { get, type ReadableDb } from '../db/sqlite';
import type { Symptom } from '../kb/pack-schema';
import { search } from '../kb/search';
import { articleSignatures } from '../kb/signatures-cache';
import type { SignatureSet } from '../evidence/signatures/types';
import { caseFileSchema, type CaseFile } from './case-file';
import { diagnose } from './diagnose';
import { caseFacts } from './facts';
import { knowledge } from './knowledge';
import { fillCommand, placeholderValues } from './render';

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

/**
 * The case with what its evidence shows: the facts read (the case's own facts win), the names it shows where the
 * case has none, and the findings to report (with `signatures`, the support articles' too).
 */
export function withEvidence(
  c: CaseFile,
  stored?: StoredEvidence,
  signatures?: SignatureSet,
): { c: CaseFile; findings: Finding[] } {
  if (!c.evidence?.length && !stored) return { c, findings: [] };
  const context = {
    ...(c.topology ? { topology: c.topology } : {}),
    ...(c.cloud ? { cloud: c.cloud } : {}),
    ...(c.exchange ? { exchange: c.exchange } : {}),
  };
  const analysis = stored
    ? analyzeEvidenceByKey(stored.key, stored.load, context, signatures)
    : analyzeEvidence(c.evidence ?? [], context, signatures);
  const names = { ...analysis.names, ...(c.names ?? {}) };
  // Only names the case schema knows and accepts go into commands.
  const safe = Object.fromEntries(
    Object.entries(names).filter(
      ([k, v]) =>
        (CASE_NAME_FIELDS as readonly string[]).includes(k) && typeof v === 'string' && CASE_NAME_PATTERN.test(v),
    ),
  );
  return { c: { ...c, facts: { ...analysis.facts, ...(c.facts ?? {}) }, names: safe }, findings: analysis.findings };
}

/** Evidence a stored case holds: known by a key (its ids), read only when the analysis is not cached. */
export interface StoredEvidence {
  key: string;
  load: () => { name: string; text: string }[];
}

/**
 * The engine over a case as the API runs it: evidence read, symptom words mapped, findings' fixes filled. A stored
 * case passes its evidence as `stored` instead of in the case.
 */
export function diagnoseCase(
  db: ReadableDb,
  input: CaseInput,
  lang: Lang = 'en',
  stored?: StoredEvidence,
): DiagnoseResult {
  const { c, findings } = withEvidence(caseFileSchema.parse(input), stored, articleSignatures(db));
  const k = knowledge(db);
  // The findings' fix commands get the same values as the conclusion's: names, ProxyFqdn, the topology's flag.
  const values = placeholderValues(c, caseFacts(c), k);
  const fill = (command: string) => fillCommand(command, values, (name) => `{{${name}}}`);
  return {
    ...diagnose(k, withSymptomFeatures(db, c), lang),
    findings: findings.map((f) => ({ ...f, fix: f.fix.map(fill) })),
  };
}

export function engineHandlers({ db }: { db: ReadableDb }): EngineHandlers {
  return {
    // The case was validated by the API's input schema (caseFileSchema).
    'engine.diagnose': ({ case: input, lang = 'en' }) => diagnoseCase(db, input, lang),
  };
}
