// The current case of the guided diagnosis: what the engineer knows (topology, Exchange side, cloud, directory
// synchronization, which features work, the customer's names) and the answers given so far. The engine is
// stateless, so this case is the whole state: every change asks `engine.diagnose` again and the latest call wins.
// Kept in local storage under one key, so a reload keeps it (the case store of a later issue replaces this).
import { untrack } from 'svelte';
import {
  CASE_NAME_FIELDS,
  CASE_NAME_MAX,
  CASE_NAME_PATTERN,
  TOPOLOGIES,
  type ApiError,
  type CaseInput,
  type DiagnoseResult,
  type Lang,
  type Topology,
  type TrailEntry,
} from '../../src-main/core/contract';
import type { LexoClient } from './client';
import { readPref, type PrefStorage } from './prefs';

export const CASE_STORAGE_KEY = 'lexo.currentCase';

/** How long text fields (symptom, names) wait after the last keystroke before the case is diagnosed again. */
export const CASE_DELAY_MS = 300;

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

/** Why a piece of evidence was not added. */
export type EvidenceProblem = 'empty' | 'too-large' | 'case-full' | 'too-many';

/** The characters of evidence a case holds. */
export function evidenceSize(items: readonly EvidenceItem[]): number {
  return items.reduce((n, item) => n + item.text.length, 0);
}
/** Feature and answer ids as the host accepts them. */
const ID_PATTERN = /^[a-z0-9-]+$/;

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
  /** Pasted or dropped evidence, in the order it was added. */
  evidence: EvidenceItem[];
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
  };
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T | null {
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
  return input;
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

export interface CaseDeps {
  client: LexoClient;
  /** Where the case is kept between sessions (local storage). */
  storage?: PrefStorage | undefined;
  /** The UI language at start; `setLang` follows later changes. */
  lang: Lang;
  /** Milliseconds text fields wait before the case is diagnosed again. */
  delay?: number | undefined;
}

type Phase =
  | { status: 'idle' }
  | { status: 'waiting' | 'loading'; previous: DiagnoseResult | null }
  | { status: 'ready'; value: DiagnoseResult }
  | { status: 'error'; error: ApiError };

export class CaseState {
  #draft = $state.raw<CaseDraft>(emptyDraft());
  #input = $derived(toCaseInput(this.#draft));
  #problems = $derived(
    Object.fromEntries(
      CASE_NAMES.flatMap((name) => {
        const problem = nameProblem(this.#draft.names[name] ?? '');
        return problem ? [[name, problem]] : [];
      }),
    ) as Partial<Record<CaseName, NameProblem>>,
  );
  #phase = $state.raw<Phase>({ status: 'idle' });
  #lang = $state<Lang>('en');
  #saveFailed = $state(false);

  readonly #client: LexoClient;
  readonly #storage: PrefStorage | undefined;
  readonly #delay: number;
  #request = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(deps: CaseDeps) {
    this.#client = deps.client;
    this.#storage = deps.storage;
    this.#delay = deps.delay ?? CASE_DELAY_MS;
    this.#lang = deps.lang;
    this.#draft = parseDraft(readPref(deps.storage, CASE_STORAGE_KEY));
  }

  get draft(): CaseDraft {
    return this.#draft;
  }

  /** The case as the engine receives it. */
  get input(): CaseInput {
    return this.#input;
  }

  get lang(): Lang {
    return this.#lang;
  }

  /** The last change could not be kept on this computer (storage full or disabled): it lives in this page only. */
  get saveFailed(): boolean {
    return this.#saveFailed;
  }

  get empty(): boolean {
    return isEmptyDraft(this.#draft);
  }

  /** Names that break the rule, by name; they are not sent until corrected. */
  get nameProblems(): Partial<Record<CaseName, NameProblem>> {
    return this.#problems;
  }

  /** The latest diagnosis; while the next one runs, the previous stays here (dimmed by the screen). */
  get result(): DiagnoseResult | null {
    const phase = this.#phase;
    if (phase.status === 'ready') return phase.value;
    if (phase.status === 'waiting' || phase.status === 'loading') return phase.previous;
    return null;
  }

  get error(): ApiError | null {
    return this.#phase.status === 'error' ? this.#phase.error : null;
  }

  /** A diagnosis is waiting for typing to pause, or for its answer. */
  get pending(): boolean {
    return this.#phase.status === 'waiting' || this.#phase.status === 'loading';
  }

  /** Diagnoses the case if that has not been done yet (the screen opened). */
  ensure(): Promise<void> {
    return this.#phase.status === 'idle' ? this.#run() : Promise.resolve();
  }

  /** Diagnoses again now (Retry). */
  refresh(): Promise<void> {
    return this.#run();
  }

  /** The knowledge base changed (pack imported or removed): a case already diagnosed is diagnosed again. */
  knowledgeChanged(): Promise<void> {
    return untrack(() => this.#phase.status) === 'idle' ? Promise.resolve() : this.#run();
  }

  /** Follows the UI language: questions and conclusion are asked again, at once, in the new language. */
  setLang(lang: Lang): Promise<void> {
    if (lang === this.#lang) return Promise.resolve();
    this.#lang = lang;
    return untrack(() => this.#phase.status) === 'idle' ? Promise.resolve() : this.#run();
  }

  /** Runs a diagnosis still waiting for typing to pause now. */
  async flush(): Promise<void> {
    if (this.#phase.status === 'waiting') await this.#run();
  }

  setSymptom(symptom: string): void {
    this.#change({ symptom: symptom.slice(0, SYMPTOM_MAX_LENGTH) }, 'later');
  }

  setTopology(topology: Topology | null): Promise<void> {
    return this.#change({ topology: oneOf(TOPOLOGIES, topology) });
  }

  setExchange(exchange: ExchangeSide | null): Promise<void> {
    return this.#change({ exchange: oneOf(EXCHANGE_SIDES, exchange) });
  }

  setCloud(cloud: Cloud | null): Promise<void> {
    return this.#change({ cloud: oneOf(CLOUDS, cloud) });
  }

  setDirsync(dirsync: DirsyncState): Promise<void> {
    return this.#change({ dirsync: oneOf(DIRSYNC_STATES, dirsync) ?? 'unknown' });
  }

  setFeature(id: string, state: FeatureState): Promise<void> {
    if (!ID_PATTERN.test(id)) return Promise.resolve();
    const features = { ...this.#draft.features };
    if (state === 'works' || state === 'broken') features[id] = state;
    else delete features[id];
    return this.#change({ features });
  }

  setName(name: CaseName, value: string): void {
    if (!isCaseName(name)) return;
    this.#change({ names: { ...this.#draft.names, [name]: value } }, 'later');
  }

  /** Answers the question `id` with a choice id or "unsure". */
  answer(id: string, choice: string): Promise<void> {
    if (!ID_PATTERN.test(id) || !ID_PATTERN.test(choice)) return Promise.resolve();
    return this.#change({ answers: { ...this.#draft.answers, [id]: choice } });
  }

  /** Asks the question `id` again: its answer and every later one are removed. */
  reopen(id: string): Promise<void> {
    const trail = untrack(() => this.result?.trail ?? []);
    const answers = { ...this.#draft.answers };
    for (const drop of answersFrom(trail, id)) delete answers[drop];
    return this.#change({ answers });
  }

  /** Forgets every answer (e.g. after the knowledge base changed under them). */
  clearAnswers(): Promise<void> {
    return this.#change({ answers: {} });
  }

  /**
   * Adds pieces of evidence to the case, in one change (the case is diagnosed once). Pieces the host would
   * refuse (empty, over 5 MB, the case over 20 MB or 200 pieces) are left out; their problems are returned,
   * in the order given.
   */
  addEvidence(items: readonly EvidenceItem[]): {
    added: number;
    problems: { name: string; problem: EvidenceProblem }[];
  } {
    const evidence = [...this.#draft.evidence];
    const problems: { name: string; problem: EvidenceProblem }[] = [];
    let size = evidenceSize(evidence);
    for (const item of items) {
      const name = item.name.trim().slice(0, EVIDENCE_NAME_MAX) || defaultEvidenceName(evidence);
      const problem: EvidenceProblem | null =
        item.text.trim() === ''
          ? 'empty'
          : item.text.length > EVIDENCE_TEXT_MAX
            ? 'too-large'
            : evidence.length >= EVIDENCE_ITEMS_MAX
              ? 'too-many'
              : size + item.text.length > EVIDENCE_CASE_MAX
                ? 'case-full'
                : null;
      if (problem) {
        problems.push({ name, problem });
        continue;
      }
      evidence.push({ name, text: item.text });
      size += item.text.length;
    }
    const added = evidence.length - this.#draft.evidence.length;
    if (added > 0) void this.#change({ evidence });
    return { added, problems };
  }

  /** Removes the piece of evidence at `index`. */
  removeEvidence(index: number): Promise<void> {
    if (!Number.isInteger(index) || index < 0 || index >= this.#draft.evidence.length) return Promise.resolve();
    return this.#change({ evidence: this.#draft.evidence.filter((_, at) => at !== index) });
  }

  /** Starts over with an empty case. */
  newCase(): Promise<void> {
    return this.#change(emptyDraft());
  }

  /** A new case from a symptom of the knowledge base: its text, and its features marked broken. */
  startFromSymptom(symptom: string, brokenFeatures: readonly string[]): Promise<void> {
    const features: CaseDraft['features'] = {};
    for (const id of brokenFeatures) if (ID_PATTERN.test(id)) features[id] = 'broken';
    return this.#change({ ...emptyDraft(), symptom: symptom.slice(0, SYMPTOM_MAX_LENGTH), features });
  }

  /** Stops a waiting diagnosis (the app is closing). */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #change(patch: Partial<CaseDraft>, when: 'now' | 'later' = 'now'): Promise<void> {
    this.#draft = { ...this.#draft, ...patch };
    this.#save();
    if (when === 'now') return this.#run();
    this.#schedule();
    return Promise.resolve();
  }

  #save(): void {
    try {
      this.#storage?.setItem(CASE_STORAGE_KEY, JSON.stringify(this.#draft));
      this.#saveFailed = false;
    } catch {
      // Local storage is full (a long paste) or disabled: the case still applies to this page.
      this.#saveFailed = true;
    }
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    // Any answer on its way is now stale.
    this.#request++;
    this.#phase = { status: 'waiting', previous: untrack(() => this.result) };
    this.#timer = setTimeout(() => void this.#run(), this.#delay);
  }

  async #run(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const request = ++this.#request;
    const { input, lang, previous } = untrack(() => ({ input: this.#input, lang: this.#lang, previous: this.result }));
    this.#phase = { status: 'loading', previous };
    const result = await this.#client.callCatch('engine.diagnose', { case: input, lang });
    if (request !== this.#request) return;
    if (!result.ok) {
      this.#phase = { status: 'error', error: result.error };
      return;
    }
    this.#phase = { status: 'ready', value: result.value };
    this.#dropStale(input.answers ?? {}, result.value.trail);
  }

  /**
   * Answers the walk did not use (to questions no longer on the path, or now answered by the case itself) are
   * dropped, so they cannot resurface later. The walk ignored them, so the result stands as it is.
   */
  #dropStale(sent: Record<string, string>, trail: readonly TrailEntry[]): void {
    const used = trail.flatMap((entry) => (entry.source === 'user' ? [entry.id] : []));
    const answers = { ...this.#draft.answers };
    let dropped = false;
    for (const [id, choice] of Object.entries(sent)) {
      if (!used.includes(id) && answers[id] === choice) {
        delete answers[id];
        dropped = true;
      }
    }
    if (!dropped) return;
    this.#draft = { ...this.#draft, answers };
    this.#save();
  }
}
