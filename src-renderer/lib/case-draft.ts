// The case as the form edits it (the draft) and the rules it follows: the customer's names and the host's rule
// for them, evidence limits, the old local draft's format, what the engine receives, and a stored case's file
// shown as a draft. Pure functions: the case state (case.svelte.ts) saves and diagnoses the draft.
import {
  CASE_NAME_FIELDS,
  CASE_NAME_MAX,
  CASE_NAME_PATTERN,
  TOPOLOGIES,
  type CaseFields,
  type CaseInput,
  type Lang,
  type Topology,
  type TrailEntry,
} from '../../src-main/core/contract';

/** The answer every question accepts. */
export const UNSURE = 'unsure';

export const EXCHANGE_SIDES = ['exchange-online', 'exchange-hybrid', 'exchange-onprem'] as const;
export type ExchangeSide = (typeof EXCHANGE_SIDES)[number];

export const CLOUDS = ['worldwide', '21vianet', 'gcc-high'] as const;
export type Cloud = (typeof CLOUDS)[number];

export const DIRSYNC_STATES = ['yes', 'no', 'unknown'] as const;
export type DirsyncState = (typeof DIRSYNC_STATES)[number];

export const FEATURE_STATES = ['works', 'broken', 'unknown'] as const;
export type FeatureState = (typeof FEATURE_STATES)[number];

/** The customer's names the engine fills into commands (the contract's list, shared with the host). */
export const CASE_NAMES = CASE_NAME_FIELDS;
export type CaseName = (typeof CASE_NAMES)[number];

/** The names shown at once in the case form; the others sit under "More names". */
export const PRIMARY_NAMES: readonly CaseName[] = [
  'sipDomain',
  'userSipAddress',
  'userPrincipalName',
  'edgePoolFqdn',
  'frontEndPoolFqdn',
  'tenant',
];

/** Placeholders the engine fills from the case's other fields rather than from a name. */
export const DERIVED_PLACEHOLDERS: Readonly<Record<string, 'cloud' | 'topology'>> = {
  proxyFqdn: 'cloud',
  enabledSharedAddressSpace: 'topology',
};

export function isCaseName(value: string): value is CaseName {
  return (CASE_NAMES as readonly string[]).includes(value);
}

export const NAME_MAX_LENGTH = CASE_NAME_MAX;
/** The host's rule, from the contract: names end up inside PowerShell commands the engineer copies. */
const NAME_PATTERN = CASE_NAME_PATTERN;
const NAME_CHAR = /[A-Za-z0-9 .@_:/\\-]/;

export type NameProblem =
  { kind: 'characters'; chars: string[] } | { kind: 'start' } | { kind: 'too-long'; max: number };

/**
 * What is wrong with a name, or null when it is usable (or empty: not given). Same rule as the host: after
 * trimming, at most 256 characters, a letter or digit first, then only letters, digits, spaces and . @ _ : / \ -
 */
export function nameProblem(value: string): NameProblem | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const bad = [...trimmed].filter((ch, at, all) => !NAME_CHAR.test(ch) && all.indexOf(ch) === at);
  if (bad.length > 0) return { kind: 'characters', chars: bad };
  if (trimmed.length > NAME_MAX_LENGTH) return { kind: 'too-long', max: NAME_MAX_LENGTH };
  if (!NAME_PATTERN.test(trimmed)) return { kind: 'start' };
  return null;
}

export const SYMPTOM_MAX_LENGTH = 2000;

/** One piece of evidence: pasted or dropped command output, under a name the engineer recognizes. */
export interface EvidenceItem {
  name: string;
  text: string;
}

/** The host's limits on evidence, in characters: one paste, a whole case, the number of pieces, a name. */
export const EVIDENCE_TEXT_MAX = 5_000_000;
export const EVIDENCE_CASE_MAX = 20_000_000;
export const EVIDENCE_ITEMS_MAX = 200;
export const EVIDENCE_NAME_MAX = 260;

/** Why a piece of evidence was not added: refused before sending, or the store refused it (`save`). */
export type EvidenceProblem = 'empty' | 'too-large' | 'case-full' | 'too-many' | 'save';

/** The characters of evidence a case holds. */
export function evidenceSize(items: readonly EvidenceItem[]): number {
  return items.reduce((n, item) => n + item.text.length, 0);
}
/** Feature and answer ids as the host accepts them. */
export const ID_PATTERN = /^[a-z0-9-]+$/;

export interface CaseDraft {
  symptom: string;
  topology: Topology | null;
  exchange: ExchangeSide | null;
  cloud: Cloud | null;
  dirsync: DirsyncState;
  /** Feature id → what the customer reports; absent means "not sure". */
  features: Record<string, Exclude<FeatureState, 'unknown'>>;
  /** As typed, valid or not: only valid names are sent. */
  names: Partial<Record<CaseName, string>>;
  /** Question id → choice id or "unsure". */
  answers: Record<string, string>;
  /** Pasted or dropped evidence, in the order it was added (the stored case's evidence). */
  evidence: EvidenceItem[];
  /** Facts the case file states (an imported case): passed to the engine, not edited here. */
  facts: Record<string, string>;
}

export function emptyDraft(): CaseDraft {
  return {
    symptom: '',
    topology: null,
    exchange: null,
    cloud: null,
    dirsync: 'unknown',
    features: {},
    names: {},
    answers: {},
    evidence: [],
    facts: {},
  };
}

/** `value` when it is one of `values`, else null. */
export function oneOf<T extends string>(values: readonly T[], value: unknown): T | null {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : null;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A draft from stored text; anything unreadable or unknown is dropped rather than trusted. */
export function parseDraft(text: string | null): CaseDraft {
  const draft = emptyDraft();
  if (!text) return draft;
  let raw: Record<string, unknown>;
  try {
    raw = record(JSON.parse(text));
  } catch {
    return draft;
  }
  if (typeof raw.symptom === 'string') draft.symptom = raw.symptom.slice(0, SYMPTOM_MAX_LENGTH);
  draft.topology = oneOf(TOPOLOGIES, raw.topology);
  draft.exchange = oneOf(EXCHANGE_SIDES, raw.exchange);
  draft.cloud = oneOf(CLOUDS, raw.cloud);
  draft.dirsync = oneOf(DIRSYNC_STATES, raw.dirsync) ?? 'unknown';
  for (const [id, state] of Object.entries(record(raw.features))) {
    if (ID_PATTERN.test(id) && (state === 'works' || state === 'broken')) draft.features[id] = state;
  }
  for (const [name, value] of Object.entries(record(raw.names))) {
    if (isCaseName(name) && typeof value === 'string') draft.names[name] = value.slice(0, 1000);
  }
  for (const [id, choice] of Object.entries(record(raw.answers))) {
    if (ID_PATTERN.test(id) && typeof choice === 'string' && ID_PATTERN.test(choice)) draft.answers[id] = choice;
  }
  if (Array.isArray(raw.evidence)) {
    let size = 0;
    for (const entry of raw.evidence as unknown[]) {
      const { name, text } = record(entry);
      if (typeof name !== 'string' || typeof text !== 'string' || text.length > EVIDENCE_TEXT_MAX) continue;
      if (draft.evidence.length >= EVIDENCE_ITEMS_MAX || size + text.length > EVIDENCE_CASE_MAX) break;
      size += text.length;
      draft.evidence.push({ name: name.slice(0, EVIDENCE_NAME_MAX), text });
    }
  }
  return draft;
}

/** What the engine receives: only what is known, and only names that pass the host's rule. */
export function toCaseInput(draft: CaseDraft): CaseInput {
  const input: CaseInput = {};
  const symptom = draft.symptom.trim();
  if (symptom) input.symptom = symptom.slice(0, SYMPTOM_MAX_LENGTH);
  if (draft.topology) input.topology = draft.topology;
  if (draft.exchange) input.exchange = draft.exchange;
  if (draft.cloud) input.cloud = draft.cloud;
  if (draft.dirsync !== 'unknown') input.dirsync = draft.dirsync === 'yes';
  const features = Object.entries(draft.features).filter(([id]) => ID_PATTERN.test(id));
  if (features.length > 0) input.features = Object.fromEntries(features);
  const names: Partial<Record<CaseName, string>> = {};
  for (const name of CASE_NAMES) {
    const value = draft.names[name]?.trim();
    if (value && nameProblem(value) === null) names[name] = value;
  }
  if (Object.keys(names).length > 0) input.names = names;
  if (Object.keys(draft.answers).length > 0) input.answers = { ...draft.answers };
  if (draft.evidence.length > 0) input.evidence = draft.evidence.map(({ name, text }) => ({ name, text }));
  if (Object.keys(draft.facts).length > 0) input.facts = { ...draft.facts };
  return input;
}

/** The draft of a stored case: its file's fields, as the form shows them, and its evidence. */
export function draftOf(file: CaseFields, evidence: readonly { name: string; text: string }[]): CaseDraft {
  const draft = emptyDraft();
  draft.symptom = file.symptom ?? '';
  draft.topology = file.topology ?? null;
  draft.exchange = file.exchange ?? null;
  draft.cloud = file.cloud ?? null;
  draft.dirsync = file.dirsync === undefined ? 'unknown' : file.dirsync ? 'yes' : 'no';
  for (const [id, state] of Object.entries(file.features ?? {})) {
    if (state === 'works' || state === 'broken') draft.features[id] = state;
  }
  draft.names = { ...file.names };
  draft.answers = { ...file.answers };
  draft.facts = { ...file.facts };
  draft.evidence = evidence.map(({ name, text }) => ({ name, text }));
  return draft;
}

/** True when nothing has been entered or answered. */
export function isEmptyDraft(draft: CaseDraft): boolean {
  return (
    draft.symptom.trim() === '' &&
    draft.topology === null &&
    draft.exchange === null &&
    draft.cloud === null &&
    draft.dirsync === 'unknown' &&
    Object.keys(draft.features).length === 0 &&
    Object.values(draft.names).every((v) => !v?.trim()) &&
    Object.keys(draft.answers).length === 0 &&
    draft.evidence.length === 0
  );
}

/** `Paste 1`, `Paste 2`…: the first `nameOf(n)`, counting from the number of pieces, that no piece has yet. */
export function defaultEvidenceName(
  items: readonly EvidenceItem[],
  nameOf: (n: number) => string = (n) => `Paste ${n}`,
): string {
  const taken = items.map((item) => item.name);
  let n = items.length + 1;
  while (taken.includes(nameOf(n))) n++;
  return nameOf(n);
}

/** The answers to remove to ask `id` again: its own and every later one the engineer gave. */
export function answersFrom(trail: readonly TrailEntry[], id: string): string[] {
  const at = trail.findIndex((entry) => entry.id === id);
  if (at < 0) return [id];
  return trail.slice(at).flatMap((entry) => (entry.source === 'user' ? [entry.id] : []));
}

/** A save time as the status shows it: the time of day when it is today, else the date and the time. */
export function savedTime(iso: string, lang: Lang, now: number = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  // The calendar day on this computer, as YYYY-MM-DD.
  const day = (time: number) => new Intl.DateTimeFormat('en-CA').format(time);
  const style: Intl.DateTimeFormatOptions =
    day(at) === day(now) ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(lang, style).format(at);
}
