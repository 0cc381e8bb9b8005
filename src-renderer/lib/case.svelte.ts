// The case of the guided diagnosis, on the case store: what the engineer knows (topology, Exchange side, cloud,
// directory synchronization, which features work, the customer's names), the answers given so far, the evidence,
// notes and the audit trail. Every edit is saved through the API at once (text fields once typing pauses, and
// whenever the screen is left); a save that fails keeps the value on screen and is tried again. The engine is
// stateless, so the draft on screen is the whole state of the diagnosis: every change asks `engine.diagnose`
// again and the latest call wins, without waiting for the save.
import { untrack } from 'svelte';
import {
  TOPOLOGIES,
  type ApiError,
  type ApiResult,
  type CaseEvent,
  type CaseEvidence,
  type CaseFields,
  type CaseInput,
  type CaseNote,
  type CaseRecord,
  type CaseStatus,
  type CaseUpdateInput,
  type DiagnoseResult,
  type Lang,
  type Topology,
  type TrailEntry,
} from '../../src-main/core/contract';
import {
  CASE_NAMES,
  CLOUDS,
  DIRSYNC_STATES,
  EVIDENCE_CASE_MAX,
  EVIDENCE_ITEMS_MAX,
  EVIDENCE_NAME_MAX,
  EVIDENCE_TEXT_MAX,
  EXCHANGE_SIDES,
  ID_PATTERN,
  SYMPTOM_MAX_LENGTH,
  answersFrom,
  defaultEvidenceName,
  draftOf,
  emptyDraft,
  evidenceSize,
  isCaseName,
  isEmptyDraft,
  nameProblem,
  oneOf,
  parseDraft,
  toCaseInput,
  type CaseDraft,
  type CaseName,
  type Cloud,
  type DirsyncState,
  type EvidenceItem,
  type EvidenceProblem,
  type ExchangeSide,
  type FeatureState,
  type NameProblem,
} from './case-draft';
import type { LexoClient } from './client';
import { downloadText } from './download';
import { readPref, writePref, type PrefStorage } from './prefs';

// The draft's model and rules are part of this module's interface (the screen's components import them here).
export * from './case-draft';

/** Where LEXO kept the current case before the case store: read once, moved into the store, then removed. */
export const CASE_STORAGE_KEY = 'lexo.currentCase';

/** Notes typed but not added yet, by case id: kept on this computer so a reload or a crash does not lose them. */
export const NOTE_DRAFTS_KEY = 'lexo.caseNoteDrafts';

/** How long text fields (symptom, names) wait after the last keystroke before the case is saved and diagnosed. */
export const CASE_DELAY_MS = 300;

/** How long a save that failed for a passing reason (host busy or unreachable) waits before it is tried again. */
export const SAVE_RETRY_MS = 5000;

/** The case-file fields the form edits: what a change of the draft saves. */
export type DraftField = 'symptom' | 'topology' | 'exchange' | 'cloud' | 'dirsync' | 'features' | 'names' | 'answers';

type FilePatch = NonNullable<CaseUpdateInput['file']>;
/** What is still to save of a case: its header fields and the case-file fields that changed. */
type CasePatch = Omit<CaseUpdateInput, 'id' | 'lang'>;

/** The value a field of the draft is saved as (null clears it): only what the engine would accept. */
function savedValue(draft: CaseDraft, field: DraftField): FilePatch {
  const input = toCaseInput(draft);
  return { [field]: input[field] ?? null };
}

function mergePatch(older: CasePatch | undefined, newer: CasePatch | undefined): CasePatch {
  const file = older?.file || newer?.file ? { ...older?.file, ...newer?.file } : undefined;
  return { ...older, ...newer, ...(file ? { file } : {}) };
}

/** A stored file with the changes not saved yet on top: what the engineer last saw. */
function patchedFile(file: CaseFields, patch: FilePatch | undefined): CaseFields {
  const next: Record<string, unknown> = { ...file };
  for (const [key, value] of Object.entries(patch ?? {})) {
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return next as CaseFields;
}

function sameItems(a: readonly EvidenceItem[], b: readonly EvidenceItem[]): boolean {
  return a.length === b.length && a.every((item, i) => item.name === b[i]?.name && item.text === b[i]?.text);
}

/** The engine would read both the same (evidence compared piece by piece, not through JSON). */
function sameInput(a: CaseInput, b: CaseInput): boolean {
  const { evidence: ea = [], ...ra } = a;
  const { evidence: eb = [], ...rb } = b;
  return sameItems(ea, eb) && JSON.stringify(ra) === JSON.stringify(rb);
}

/** Errors a retry may get past (the host was busy or out of reach); a refused input would only be refused again. */
function passing(error: ApiError): boolean {
  return (
    error.code === 'unavailable' ||
    error.code === 'database-error' ||
    error.code === 'internal' ||
    error.code === 'write-error'
  );
}

/** Storage as the browser gives it; `removeItem` is optional so simple stand-ins fit. */
export type CaseStorage = PrefStorage & { removeItem?(key: string): void };

export interface CaseDeps {
  client: LexoClient;
  /** This computer's storage: the old draft to move into the store, notes typed but not added yet. */
  storage?: CaseStorage | undefined;
  /** The UI language at start; `setLang` follows later changes. A new case is created in the UI language. */
  lang: Lang;
  /** Milliseconds text fields wait before the case is saved and diagnosed again. */
  delay?: number | undefined;
  /** Milliseconds before a failed save is tried again. */
  retryDelay?: number | undefined;
  /** Saves an exported case file (the browser download by default; Electron asks where). */
  download?: ((fileName: string, text: string) => void) | undefined;
}

type Phase =
  | { status: 'idle' }
  | { status: 'waiting' | 'loading'; previous: DiagnoseResult | null }
  | { status: 'ready'; value: DiagnoseResult }
  | { status: 'error'; error: ApiError };

/** Opening a case: which one (null: the latest open one), and how it went. */
export type LoadPhase =
  | { status: 'idle' }
  | { status: 'loading'; id: string | null }
  | { status: 'ready' }
  | { status: 'error'; id: string | null; error: ApiError };

/** Where the autosave stands: all saved (when), on its way, or refused (the values stay on screen). */
export type SaveState =
  { status: 'saved'; at: string | null } | { status: 'saving' } | { status: 'error'; error: ApiError };

/** The case header's own fields, as typed. */
export interface CaseDetails {
  title: string;
  customer: string;
  ticket: string;
}

const noDetails = (): CaseDetails => ({ title: '', customer: '', ticket: '' });

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

  #record = $state.raw<CaseRecord | null>(null);
  #details = $state.raw<CaseDetails>(noDetails());
  #load = $state.raw<LoadPhase>({ status: 'idle' });
  /** Changes not saved yet, by case id (a case left before its save went through keeps its own). */
  #pending = $state.raw<Readonly<Record<string, CasePatch>>>({});
  #inFlight = $state(0);
  #saveError = $state.raw<ApiError | null>(null);
  #noteDrafts = $state.raw<Record<string, string>>({});

  readonly #client: LexoClient;
  readonly #storage: CaseStorage | undefined;
  readonly #delay: number;
  readonly #retryDelay: number;
  readonly #download: (fileName: string, text: string) => void;
  #request = 0;
  #loadRequest = 0;
  #creating = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Every call that changes a stored case runs after the previous one: the store sees them in the order made. */
  #chain: Promise<unknown> = Promise.resolve();

  /** Settles once the old local draft, if any, is in the store. */
  readonly ready: Promise<void>;

  constructor(deps: CaseDeps) {
    this.#client = deps.client;
    this.#storage = deps.storage;
    this.#delay = deps.delay ?? CASE_DELAY_MS;
    this.#retryDelay = deps.retryDelay ?? SAVE_RETRY_MS;
    this.#download = deps.download ?? ((fileName, text) => downloadText(fileName, text));
    this.#lang = deps.lang;
    this.#noteDrafts = readNoteDrafts(deps.storage);
    this.ready = this.#migrate();
  }

  // ---- What the screen shows -------------------------------------------------------------------------------

  get draft(): CaseDraft {
    return this.#draft;
  }

  /** The case as the engine receives it. */
  get input(): CaseInput {
    return this.#input;
  }

  /** The UI language: questions and conclusions come in it. */
  get lang(): Lang {
    return this.#lang;
  }

  /** The stored case's id, once one is open. */
  get id(): string | null {
    return this.#record?.id ?? null;
  }

  /** The case as last saved (notes, evidence, history, status…). */
  get record(): CaseRecord | null {
    return this.#record;
  }

  get load(): LoadPhase {
    return this.#load;
  }

  /** Title, customer and ticket as typed. */
  get details(): CaseDetails {
    return this.#details;
  }

  get status(): CaseStatus {
    return this.#record?.status ?? 'open';
  }

  /** The language the case was created in: its reports' language. */
  get caseLang(): Lang {
    return this.#record?.lang ?? this.#lang;
  }

  get evidence(): CaseEvidence[] {
    return this.#record?.evidence ?? [];
  }

  get notes(): CaseNote[] {
    return this.#record?.notes ?? [];
  }

  get history(): CaseEvent[] {
    return this.#record?.history ?? [];
  }

  get save(): SaveState {
    if (this.#saveError && this.#pendingCount > 0) return { status: 'error', error: this.#saveError };
    if (this.#inFlight > 0 || this.#pendingCount > 0) return { status: 'saving' };
    return { status: 'saved', at: this.#record?.updatedAt ?? null };
  }

  /** Something typed is not in the store yet (a change on its way or refused, a note not added). */
  get unsaved(): boolean {
    const id = this.id;
    return this.#pendingCount > 0 || this.#inFlight > 0 || (id !== null && (this.#noteDrafts[id] ?? '') !== '');
  }

  get empty(): boolean {
    return isEmptyDraft(this.#draft);
  }

  /** Names that break the rule, by name; they are not saved or sent until corrected. */
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

  /** The note being typed for this case, not added yet. */
  get noteDraft(): string {
    const id = this.id;
    return id === null ? '' : (this.#noteDrafts[id] ?? '');
  }

  // ---- Opening cases ---------------------------------------------------------------------------------------

  /**
   * Opens a stored case, or with null the case to go on with: the one open here if it is still open, else the
   * most recently updated open case, else a new one. Changes to the case left are saved first.
   */
  async open(id: string | null): Promise<void> {
    await this.ready;
    const current = untrack(() => ({ record: this.#record, load: this.#load }));
    // A case being created (from a symptom) is the one to go on with: it replaces the one on screen.
    if (id === null && current.record && this.#creating > 0) return;
    // The case on screen is read again all the same: the case list may have renamed or closed it meanwhile.
    const keep =
      current.load.status === 'ready' &&
      current.record !== null &&
      (id === current.record.id || (id === null && current.record.status === 'open'));
    const target = keep ? current.record!.id : id;
    const request = ++this.#loadRequest;
    if (!keep) this.#load = { status: 'loading', id };
    this.#flushNow();
    let result = await this.#enqueue(() =>
      target === null ? this.#latestOpen() : this.#client.callCatch('cases.get', { id: target }),
    );
    // The case on screen was deleted meanwhile (from the case list): #/case goes on with another one.
    if (keep && id === null && !result.ok && result.error.code === 'not-found') {
      this.#load = { status: 'loading', id };
      result = await this.#enqueue(() => this.#latestOpen());
    }
    if (request !== this.#loadRequest) return;
    if (!result.ok) {
      this.#load = { status: 'error', id, error: result.error };
      return;
    }
    this.#show(result.value, keep);
  }

  /** Starts a new stored case (in the UI language) and makes it the one on screen; its id, or the error. */
  async create(file: CaseFields = {}): Promise<ApiResult<string>> {
    const request = ++this.#loadRequest;
    this.#flushNow();
    const lang = untrack(() => this.#lang);
    this.#creating++;
    const result = await this.#enqueue(() => this.#client.callCatch('cases.create', { lang, file }));
    this.#creating--;
    if (!result.ok) return result;
    if (request === this.#loadRequest) this.#show(result.value);
    return { ok: true, value: result.value.id };
  }

  /** Starts over with a new, empty case (the one left stays in the store). */
  newCase(): Promise<ApiResult<string>> {
    return this.create();
  }

  /** A new case from a symptom of the knowledge base: its text, and its features marked broken. */
  startFromSymptom(symptom: string, brokenFeatures: readonly string[]): Promise<ApiResult<string>> {
    const features: Record<string, 'broken'> = {};
    for (const id of brokenFeatures) if (ID_PATTERN.test(id)) features[id] = 'broken';
    const file: CaseFields = { symptom: symptom.slice(0, SYMPTOM_MAX_LENGTH) };
    if (Object.keys(features).length > 0) file.features = features;
    return this.create(file);
  }

  async #latestOpen(): Promise<ApiResult<CaseRecord>> {
    const list = await this.#client.callCatch('cases.list', { status: 'open', limit: 1 });
    if (!list.ok) return list;
    const [latest] = list.value.cases;
    if (latest) return this.#client.callCatch('cases.get', { id: latest.id });
    return this.#client.callCatch('cases.create', { lang: untrack(() => this.#lang) });
  }

  /**
   * Puts a stored case on screen, with any change of it not saved yet on top, and diagnoses it. The same case
   * read again (`again`) keeps the names typed that break the rule (never saved) and the diagnosis on screen
   * until the next one is in, and is not diagnosed again when nothing the engine reads changed.
   */
  #show(record: CaseRecord, again = false): void {
    const patch = untrack(() => this.#pending[record.id]);
    const before = untrack(() => this.#draft);
    const draft = draftOf(patchedFile(record.file, patch?.file), record.evidence);
    this.#record = record;
    this.#details = {
      title: patch?.title ?? record.title,
      customer: patch?.customer ?? record.customer,
      ticket: patch?.ticket ?? record.ticket,
    };
    this.#load = { status: 'ready' };
    if (again) {
      for (const name of CASE_NAMES) {
        const typed = before.names[name];
        if (typed !== undefined && nameProblem(typed)) draft.names[name] = typed;
      }
      if (sameItems(before.evidence, draft.evidence)) draft.evidence = before.evidence;
      this.#draft = draft;
      if (sameInput(toCaseInput(before), toCaseInput(draft))) return;
    } else {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#request++;
      this.#phase = { status: 'idle' };
      this.#draft = draft;
    }
    void this.#run();
  }

  /**
   * The current case before the case store lived in local storage. On first start, a draft with anything in it
   * becomes a stored case; the key goes once everything is in (if a step fails, the next start tries again).
   */
  async #migrate(): Promise<void> {
    const text = readPref(this.#storage, CASE_STORAGE_KEY);
    if (text === null) return;
    const draft = parseDraft(text);
    if (!isEmptyDraft(draft)) {
      const { evidence, ...file } = toCaseInput(draft);
      const created = await this.#client.callCatch('cases.create', { lang: this.#lang, file });
      if (!created.ok) return;
      for (const item of evidence ?? []) {
        const added = await this.#client.callCatch('cases.addEvidence', { id: created.value.id, ...item });
        if (!added.ok) return;
      }
    }
    try {
      if (this.#storage?.removeItem) this.#storage.removeItem(CASE_STORAGE_KEY);
      else this.#storage?.setItem(CASE_STORAGE_KEY, '');
    } catch {
      // Storage went away: the draft may be offered again next start, which makes a copy, never a loss.
    }
  }

  // ---- Diagnosing ------------------------------------------------------------------------------------------

  /** Diagnoses the case if that has not been done yet. */
  ensure(): Promise<void> {
    return this.#phase.status === 'idle' && this.#load.status === 'ready' ? this.#run() : Promise.resolve();
  }

  /** Diagnoses again now (Retry). */
  refresh(): Promise<void> {
    return this.#run();
  }

  /** The knowledge base changed (pack imported or removed): a case already diagnosed is diagnosed again. */
  knowledgeChanged(): Promise<void> {
    return untrack(() => this.#phase.status) === 'idle' ? Promise.resolve() : this.#run();
  }

  /**
   * Follows the UI language: questions and conclusion are asked again, at once, in the new language. The case's
   * own language (its reports') stays what it was created in.
   */
  setLang(lang: Lang): Promise<void> {
    if (lang === this.#lang) return Promise.resolve();
    this.#lang = lang;
    return untrack(() => this.#phase.status) === 'idle' ? Promise.resolve() : this.#run();
  }

  // ---- Editing (saved at once) -----------------------------------------------------------------------------

  /** Saves now what waits for typing to pause, and runs a diagnosis still waiting (blur, leaving, closing). */
  async flush(): Promise<void> {
    const waiting = this.#phase.status === 'waiting';
    const saved = this.#flushNow();
    if (waiting) await this.#run();
    await saved;
  }

  /** Tries the saves that failed again, now. */
  retrySave(): Promise<void> {
    return this.#flushNow();
  }

  setTitle(title: string): void {
    this.#changeDetails({ title });
  }

  setCustomer(customer: string): void {
    this.#changeDetails({ customer });
  }

  setTicket(ticket: string): void {
    this.#changeDetails({ ticket });
  }

  setSymptom(symptom: string): void {
    this.#change({ symptom: symptom.slice(0, SYMPTOM_MAX_LENGTH) }, 'symptom', 'later');
  }

  setTopology(topology: Topology | null): Promise<void> {
    return this.#change({ topology: oneOf(TOPOLOGIES, topology) }, 'topology');
  }

  setExchange(exchange: ExchangeSide | null): Promise<void> {
    return this.#change({ exchange: oneOf(EXCHANGE_SIDES, exchange) }, 'exchange');
  }

  setCloud(cloud: Cloud | null): Promise<void> {
    return this.#change({ cloud: oneOf(CLOUDS, cloud) }, 'cloud');
  }

  setDirsync(dirsync: DirsyncState): Promise<void> {
    return this.#change({ dirsync: oneOf(DIRSYNC_STATES, dirsync) ?? 'unknown' }, 'dirsync');
  }

  setFeature(id: string, state: FeatureState): Promise<void> {
    if (!ID_PATTERN.test(id)) return Promise.resolve();
    const features = { ...this.#draft.features };
    if (state === 'works' || state === 'broken') features[id] = state;
    else delete features[id];
    return this.#change({ features }, 'features');
  }

  setName(name: CaseName, value: string): void {
    if (!isCaseName(name)) return;
    this.#change({ names: { ...this.#draft.names, [name]: value } }, 'names', 'later');
  }

  /** Answers the question `id` with a choice id or "unsure". */
  answer(id: string, choice: string): Promise<void> {
    if (!ID_PATTERN.test(id) || !ID_PATTERN.test(choice)) return Promise.resolve();
    return this.#change({ answers: { ...this.#draft.answers, [id]: choice } }, 'answers');
  }

  /** Asks the question `id` again: its answer and every later one are removed. */
  reopen(id: string): Promise<void> {
    const trail = untrack(() => this.result?.trail ?? []);
    const answers = { ...this.#draft.answers };
    for (const drop of answersFrom(trail, id)) delete answers[drop];
    return this.#change({ answers }, 'answers');
  }

  /** Forgets every answer (e.g. after the knowledge base changed under them). */
  clearAnswers(): Promise<void> {
    return this.#change({ answers: {} }, 'answers');
  }

  // ---- Evidence, notes, status: one call each, saved before the screen says so ----------------------------

  /**
   * Adds pieces of evidence to the stored case, one by one. Pieces the host would refuse (empty, over 5 MB, the
   * case over 20 MB or 200 pieces) are not sent; those and any the store refused come back as problems, in the
   * order given.
   */
  async addEvidence(items: readonly EvidenceItem[]): Promise<{
    added: number;
    problems: { name: string; problem: EvidenceProblem; message?: string }[];
  }> {
    const id = this.id;
    const problems: { name: string; problem: EvidenceProblem; message?: string }[] = [];
    if (id === null) return { added: 0, problems };
    const held = [...this.#draft.evidence];
    let size = evidenceSize(held);
    const accepted: EvidenceItem[] = [];
    for (const item of items) {
      const name = item.name.trim().slice(0, EVIDENCE_NAME_MAX) || defaultEvidenceName(held);
      const problem: EvidenceProblem | null =
        item.text.trim() === ''
          ? 'empty'
          : item.text.length > EVIDENCE_TEXT_MAX
            ? 'too-large'
            : held.length >= EVIDENCE_ITEMS_MAX
              ? 'too-many'
              : size + item.text.length > EVIDENCE_CASE_MAX
                ? 'case-full'
                : null;
      if (problem) {
        problems.push({ name, problem });
        continue;
      }
      held.push({ name, text: item.text });
      accepted.push({ name, text: item.text });
      size += item.text.length;
    }
    let added = 0;
    for (const item of accepted) {
      const result = await this.#act(id, () => this.#client.callCatch('cases.addEvidence', { id, ...item }));
      if (result) problems.push({ name: item.name, problem: 'save', message: result.message });
      else added++;
    }
    return { added, problems };
  }

  /** Removes a piece of evidence from the stored case; the error when the store refused. */
  removeEvidence(evidenceId: string): Promise<ApiError | null> {
    const id = this.id;
    if (id === null) return Promise.resolve(null);
    return this.#act(id, () => this.#client.callCatch('cases.removeEvidence', { id, evidenceId }));
  }

  /** Keeps the note being typed (on this computer) until it is added. */
  setNoteDraft(text: string): void {
    const id = this.id;
    if (id === null) return;
    const drafts = { ...this.#noteDrafts };
    if (text === '') delete drafts[id];
    else drafts[id] = text;
    this.#noteDrafts = drafts;
    writePref(this.#storage, NOTE_DRAFTS_KEY, JSON.stringify(drafts));
  }

  /** Adds a note; once saved, the note being typed is cleared. The error when the store refused. */
  async addNote(text: string): Promise<ApiError | null> {
    const id = this.id;
    if (id === null) return null;
    const error = await this.#act(id, () => this.#client.callCatch('cases.addNote', { id, text }));
    if (!error && untrack(() => this.noteDraft) === text) this.setNoteDraft('');
    return error;
  }

  /** Changes a note's text (of the case on screen, or of `caseId`: an edit saved as its screen went). */
  editNote(noteId: string, text: string, caseId: string | null = this.id): Promise<ApiError | null> {
    const id = caseId;
    if (id === null) return Promise.resolve(null);
    return this.#act(id, () => this.#client.callCatch('cases.editNote', { id, noteId, text }));
  }

  removeNote(noteId: string): Promise<ApiError | null> {
    const id = this.id;
    if (id === null) return Promise.resolve(null);
    return this.#act(id, () => this.#client.callCatch('cases.removeNote', { id, noteId }));
  }

  /** Closes or reopens the case. */
  setStatus(status: CaseStatus): Promise<ApiError | null> {
    const id = this.id;
    if (id === null) return Promise.resolve(null);
    this.#flushNow();
    return this.#act(id, () => this.#client.callCatch('cases.setStatus', { id, status }));
  }

  /** Saves the case as a LEXO case file (what is typed is saved first, so the file has it). */
  async exportJson(): Promise<ApiError | null> {
    const id = this.id;
    if (id === null) return null;
    this.#flushNow();
    const result = await this.#enqueue(() => this.#client.callCatch('cases.export', { id }));
    if (!result.ok) return result.error;
    this.#download(result.value.fileName, result.value.text);
    return null;
  }

  /** Stops the timers (the app is closing); what waits is sent first. */
  dispose(): void {
    clearTimeout(this.#retryTimer);
    void this.#flushNow();
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  // ---- Internals -------------------------------------------------------------------------------------------

  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.#chain.then(task, task);
    this.#chain = next.catch(() => undefined);
    return next;
  }

  /** Runs one change of the stored case; the case as saved replaces the one shown. The error, if any. */
  async #act(id: string, call: () => Promise<ApiResult<CaseRecord>>): Promise<ApiError | null> {
    this.#flushNow();
    const result = await this.#enqueue(call);
    if (!result.ok) return result.error;
    this.#accept(result.value, { evidence: true });
    return null;
  }

  /**
   * A case as the store saved it. Answers can arrive out of order, and the history only grows, so an answer with
   * a shorter history is older than the one shown. The draft is not replaced (the engineer may have typed more
   * since); only the evidence, when asked, follows the store.
   */
  #accept(record: CaseRecord, { evidence = false } = {}): void {
    const shown = untrack(() => this.#record);
    if (!shown || record.id !== shown.id || record.history.length < shown.history.length) return;
    this.#record = record;
    if (!evidence) return;
    if (
      sameItems(
        untrack(() => this.#draft.evidence),
        record.evidence,
      )
    )
      return;
    this.#draft = {
      ...untrack(() => this.#draft),
      evidence: record.evidence.map(({ name, text }) => ({ name, text })),
    };
    void this.#run();
  }

  #change(patch: Partial<CaseDraft>, field: DraftField, when: 'now' | 'later' = 'now'): Promise<void> {
    this.#draft = { ...this.#draft, ...patch };
    this.#queue({ file: savedValue(this.#draft, field) });
    if (when === 'now') {
      void this.#flushNow();
      return this.#run();
    }
    this.#schedule();
    return Promise.resolve();
  }

  #changeDetails(patch: Partial<CaseDetails>): void {
    this.#details = { ...this.#details, ...patch };
    this.#queue(patch);
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), this.#delay);
  }

  /** Notes a change of the case on screen as still to save. */
  #queue(patch: CasePatch): void {
    const id = untrack(() => this.#record?.id);
    if (!id) return;
    const pending = untrack(() => this.#pending);
    this.#pending = { ...pending, [id]: mergePatch(pending[id], patch) };
  }

  get #pendingCount(): number {
    return Object.keys(this.#pending).length;
  }

  /** Sends every change still to save, one case at a time; a refused one goes back in line under newer ones. */
  #flushNow(): Promise<void> {
    clearTimeout(this.#retryTimer);
    const batch = untrack(() => this.#pending);
    if (Object.keys(batch).length === 0) return this.#chain.then(() => undefined);
    this.#pending = {};
    const sends = Object.entries(batch).map(([id, patch]) => {
      this.#inFlight++;
      return this.#enqueue(async () => {
        const result = await this.#client.callCatch('cases.update', { id, ...patch });
        this.#inFlight--;
        if (result.ok) {
          this.#saveError = null;
          this.#accept(result.value);
          return;
        }
        // A case deleted meanwhile (from the case list) takes no more changes: they go with it.
        if (result.error.code === 'not-found') return;
        const pending = untrack(() => this.#pending);
        this.#pending = { ...pending, [id]: mergePatch(patch, pending[id]) };
        this.#saveError = result.error;
        if (passing(result.error)) {
          clearTimeout(this.#retryTimer);
          this.#retryTimer = setTimeout(() => void this.#flushNow(), this.#retryDelay);
        }
      });
    });
    return Promise.all(sends).then(() => undefined);
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    // Any answer on its way is now stale.
    this.#request++;
    this.#phase = { status: 'waiting', previous: untrack(() => this.result) };
    this.#timer = setTimeout(() => void this.flush(), this.#delay);
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
    const answers = { ...untrack(() => this.#draft.answers) };
    let dropped = false;
    for (const [id, choice] of Object.entries(sent)) {
      if (!used.includes(id) && answers[id] === choice) {
        delete answers[id];
        dropped = true;
      }
    }
    if (!dropped) return;
    this.#draft = { ...untrack(() => this.#draft), answers };
    this.#queue({ file: savedValue(this.#draft, 'answers') });
    void this.#flushNow();
  }
}

function readNoteDrafts(storage: PrefStorage | undefined): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(readPref(storage, NOTE_DRAFTS_KEY) ?? '{}');
    const raw = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
    return Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}
