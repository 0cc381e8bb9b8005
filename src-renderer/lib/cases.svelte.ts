// The case list: the home of work in progress. Filters, newest first, "show more" pages, and the row actions
// (rename, close/reopen, delete with undo, restore, import and export of a case file). Every action goes through
// the API and the list is read again afterwards, so what is shown is what the store holds.
// The latest list request wins: changing a filter drops the answer to any earlier one.
import type {
  ApiError,
  ApiResult,
  CaseListInput,
  CaseRecord,
  CaseStatus,
  CaseSummary,
  Lang,
} from '../../src-main/core/contract';
import type { LexoClient } from './client';
import { downloadText } from './download';
import type { I18n } from './i18n.svelte';

/** How long typing in a text filter waits before the list is read again, in ms. */
export const CASES_DELAY_MS = 200;
/** Cases read per page ("Show more" reads the next one). */
export const CASES_PAGE = 25;
/** The case list reads at most this many summaries to collect the conclusions present (the host's limit). */
export const CONCLUSION_SCAN_LIMIT = 1000;
/** Refused before reading: the hosts accept at most 30 MB for an imported case. */
export const MAX_CASE_FILE_BYTES = 30 * 1024 * 1024;
/** The host's limit on a title. */
export const CASE_TITLE_MAX = 200;

export type StatusFilter = CaseStatus | 'all';
export const STATUS_FILTERS: readonly StatusFilter[] = ['open', 'closed', 'all'];

export interface CaseFilters {
  query: string;
  status: StatusFilter;
  customer: string;
  ticket: string;
  /** A conclusion id, or '' for any. */
  conclusion: string;
  /** Local calendar days (`yyyy-mm-dd`, what `<input type="date">` gives), or '' for no bound. */
  from: string;
  to: string;
}

export const DEFAULT_FILTERS: Readonly<CaseFilters> = {
  query: '',
  status: 'open',
  customer: '',
  ticket: '',
  conclusion: '',
  from: '',
  to: '',
};

/** Which list is shown: the live cases, or the deleted ones that can still be restored. */
export type CasesView = 'live' | 'deleted';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The instant a local calendar day starts (or ends), as the ISO time the store compares with `updatedAt`: the
 * list shows times in the user's time zone, so "updated on the 4th" means the 4th where the user is.
 */
export function localDayBound(day: string, end: boolean): string | null {
  const match = DAY.exec(day);
  if (!match) return null;
  // A date-time without an offset is local time (ECMA-262 Date.parse); an impossible day gives NaN or rolls over.
  const time = Date.parse(`${day}T${end ? '23:59:59.999' : '00:00:00'}`);
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a value formatted once, not state
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** What `cases.list` receives for these filters: only what narrows the list. */
export function listInput(filters: CaseFilters, view: CasesView, offset: number, limit: number): CaseListInput {
  if (view === 'deleted') return { deleted: true, status: 'all', limit, ...(offset > 0 ? { offset } : {}) };
  const input: CaseListInput = { status: filters.status };
  const query = filters.query.trim();
  if (query) input.query = query;
  const customer = filters.customer.trim();
  if (customer) input.customer = customer;
  const ticket = filters.ticket.trim();
  if (ticket) input.ticket = ticket;
  if (filters.conclusion) input.conclusion = filters.conclusion;
  const from = localDayBound(filters.from, false);
  if (from) input.from = from;
  const to = localDayBound(filters.to, true);
  if (to) input.to = to;
  input.limit = limit;
  if (offset > 0) input.offset = offset;
  return input;
}

/** True when no filter narrows the list beyond its defaults. */
export function isDefaultFilters(filters: CaseFilters): boolean {
  return (Object.keys(DEFAULT_FILTERS) as (keyof CaseFilters)[]).every((key) =>
    typeof filters[key] === 'string' ? filters[key].trim() === DEFAULT_FILTERS[key] : true,
  );
}

/** A case's title, or for one without a title "Untitled case — <when it was created>". */
export function titleOf(summary: CaseSummary, i18n: Pick<I18n, 't' | 'date'>): string {
  return summary.title.trim() || i18n.t('cases.untitled', { date: i18n.date(summary.createdAt) });
}

/** The outcome of the last action, for the message above the list. */
export type CasesNotice =
  | { kind: 'deleted'; summary: CaseSummary }
  | { kind: 'restored'; summary: CaseSummary }
  | { kind: 'closed'; summary: CaseSummary }
  | { kind: 'reopened'; summary: CaseSummary }
  | { kind: 'renamed'; summary: CaseSummary }
  | { kind: 'imported'; summary: CaseSummary; fileName: string }
  | { kind: 'exported'; fileName: string }
  | { kind: 'failed'; action: CaseAction; error: ApiError; name?: string };

export type CaseAction = 'create' | 'rename' | 'close' | 'reopen' | 'delete' | 'restore' | 'import' | 'export';

/** What importing needs of a chosen or dropped file (a `File` fits). */
export interface CaseFile {
  name: string;
  size: number;
  text(): Promise<string>;
}

export interface ConclusionOption {
  id: string;
  title: string;
}

export interface CasesDeps {
  client: LexoClient;
  /** Milliseconds a text filter waits after the last keystroke. */
  delay?: number | undefined;
  /** Saves an exported case; the browser download by default. */
  download?: ((fileName: string, text: string) => void) | undefined;
}

type Phase = 'idle' | 'loading' | 'ready' | 'error';

const summaryOf = ({ file: _f, evidence: _e, notes: _n, history: _h, ...summary }: CaseRecord): CaseSummary => summary;

export class CasesState {
  #filters = $state<CaseFilters>({ ...DEFAULT_FILTERS });
  #view = $state<CasesView>('live');
  #cases = $state.raw<CaseSummary[]>([]);
  #total = $state(0);
  #phase = $state<Phase>('idle');
  #error = $state.raw<ApiError | null>(null);
  #loadingMore = $state(false);
  /** Whether the store holds any live case at all: tells "no cases yet" from "nothing matches". */
  #anyCases = $state<boolean | null>(null);
  #conclusions = $state.raw<ConclusionOption[]>([]);
  #busy = $state<string | null>(null);
  #notice = $state.raw<CasesNotice | null>(null);

  readonly #client: LexoClient;
  readonly #delay: number;
  readonly #download: (fileName: string, text: string) => void;
  #request = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(deps: CasesDeps) {
    this.#client = deps.client;
    this.#delay = deps.delay ?? CASES_DELAY_MS;
    this.#download = deps.download ?? ((fileName, text) => downloadText(fileName, text));
  }

  /** The filters as set; change them with `setFilter`. */
  get filters(): Readonly<CaseFilters> {
    return this.#filters;
  }

  get view(): CasesView {
    return this.#view;
  }

  get cases(): CaseSummary[] {
    return this.#cases;
  }

  /** How many cases match the filters (more than `cases` holds until every page is read). */
  get total(): number {
    return this.#total;
  }

  get hasMore(): boolean {
    return this.#cases.length < this.#total;
  }

  get loading(): boolean {
    return this.#phase === 'loading';
  }

  get loadingMore(): boolean {
    return this.#loadingMore;
  }

  get ready(): boolean {
    return this.#phase === 'ready';
  }

  get error(): ApiError | null {
    return this.#phase === 'error' ? this.#error : null;
  }

  /** False once the store is known to hold no live case; null until known. */
  get anyCases(): boolean | null {
    return this.#anyCases;
  }

  get filtered(): boolean {
    return !isDefaultFilters(this.#filters);
  }

  /** The conclusions the stored cases reached, for the conclusion filter. */
  get conclusions(): ConclusionOption[] {
    return this.#conclusions;
  }

  /** The action running now, as `<action>:<case id>` (or `import`, `create`); null when idle. */
  get busy(): string | null {
    return this.#busy;
  }

  get notice(): CasesNotice | null {
    return this.#notice;
  }

  clearNotice(): void {
    this.#notice = null;
  }

  /** Changes one filter: text filters read the list again once typing pauses, the others at once. */
  setFilter<K extends keyof CaseFilters>(key: K, value: CaseFilters[K]): void {
    if (this.#filters[key] === value) return;
    this.#filters[key] = value;
    const typed = key === 'query' || key === 'customer' || key === 'ticket';
    if (typed) this.#schedule();
    else void this.load();
  }

  clearFilters(): void {
    this.#filters = { ...DEFAULT_FILTERS };
    void this.load();
  }

  setView(view: CasesView): void {
    if (view === this.#view) return;
    this.#view = view;
    // What the last action did was told about the other list.
    this.#notice = null;
    this.#cases = [];
    this.#total = 0;
    void this.load();
  }

  /** Reads the first page (or, to keep the reader's place after an action, as many as are shown) again. */
  async load(keep = 0): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const request = ++this.#request;
    const view = this.#view;
    const input = listInput(this.#filters, view, 0, Math.max(CASES_PAGE, keep));
    this.#phase = 'loading';
    this.#loadingMore = false;
    const result = await this.#client.callCatch('cases.list', input);
    if (request !== this.#request) return;
    if (!result.ok) {
      this.#error = result.error;
      this.#phase = 'error';
      return;
    }
    this.#cases = result.value.cases;
    this.#total = result.value.total;
    this.#error = null;
    this.#phase = 'ready';
    if (view === 'live') await this.#checkAny(input, result.value.total);
  }

  /** Reads the next page and appends it. */
  async more(): Promise<void> {
    if (this.#loadingMore || this.#phase !== 'ready' || !this.hasMore) return;
    const request = this.#request;
    this.#loadingMore = true;
    const input = listInput(this.#filters, this.#view, this.#cases.length, CASES_PAGE);
    const result = await this.#client.callCatch('cases.list', input);
    if (request !== this.#request) return;
    this.#loadingMore = false;
    if (!result.ok) {
      this.#error = result.error;
      this.#phase = 'error';
      return;
    }
    const seen = this.#cases.map((c) => c.id);
    this.#cases = [...this.#cases, ...result.value.cases.filter((c) => !seen.includes(c.id))];
    this.#total = result.value.total;
  }

  /** Collects the conclusions the stored cases reached (for the filter). */
  async loadConclusions(): Promise<void> {
    const result = await this.#client.callCatch('cases.list', { status: 'all', limit: CONCLUSION_SCAN_LIMIT });
    if (!result.ok) return;
    const options: ConclusionOption[] = [];
    for (const c of result.value.cases) {
      if (c.conclusion && !options.some((o) => o.id === c.conclusion)) {
        options.push({ id: c.conclusion, title: c.conclusionTitle ?? c.conclusion });
      }
    }
    this.#conclusions = options.sort((a, b) => a.title.localeCompare(b.title));
  }

  /** Starts an empty case in `lang`; resolves to its id, or null when the store refused. */
  async create(lang: Lang): Promise<string | null> {
    const result = await this.#act('create', 'create', () => this.#client.callCatch('cases.create', { lang }));
    return result?.id ?? null;
  }

  async rename(summary: CaseSummary, title: string): Promise<boolean> {
    const record = await this.#act('rename', `rename:${summary.id}`, () =>
      this.#client.callCatch('cases.update', { id: summary.id, title: title.trim().slice(0, CASE_TITLE_MAX) }),
    );
    if (!record) return false;
    this.#notice = { kind: 'renamed', summary: summaryOf(record) };
    await this.#reload();
    return true;
  }

  async setStatus(summary: CaseSummary, status: CaseStatus): Promise<boolean> {
    const action = status === 'closed' ? 'close' : 'reopen';
    const record = await this.#act(action, `${action}:${summary.id}`, () =>
      this.#client.callCatch('cases.setStatus', { id: summary.id, status }),
    );
    if (!record) return false;
    this.#notice = { kind: status === 'closed' ? 'closed' : 'reopened', summary: summaryOf(record) };
    await this.#reload();
    return true;
  }

  /** Moves a case to "Recently deleted"; the notice offers Undo (`restore`). */
  async remove(summary: CaseSummary): Promise<boolean> {
    const deleted = await this.#act('delete', `delete:${summary.id}`, () =>
      this.#client.callCatch('cases.delete', { id: summary.id }),
    );
    if (!deleted) return false;
    this.#notice = { kind: 'deleted', summary: deleted };
    await this.#reload();
    return true;
  }

  /** Brings a deleted case back (Undo, or Restore in "Recently deleted"). */
  async restore(summary: CaseSummary): Promise<boolean> {
    const record = await this.#act('restore', `restore:${summary.id}`, () =>
      this.#client.callCatch('cases.restore', { id: summary.id }),
    );
    if (!record) return false;
    this.#notice = { kind: 'restored', summary: summaryOf(record) };
    await this.#reload();
    return true;
  }

  /** Undoes the last close, reopen or delete the notice tells of. */
  async undo(): Promise<boolean> {
    const notice = this.#notice;
    if (notice?.kind === 'deleted') return this.restore(notice.summary);
    if (notice?.kind === 'closed') return this.setStatus(notice.summary, 'open');
    if (notice?.kind === 'reopened') return this.setStatus(notice.summary, 'closed');
    return false;
  }

  /** Imports a case file as a new case; on failure the notice carries the host's message and issues. */
  async importFile(file: CaseFile): Promise<CaseSummary | null> {
    if (this.#busy) return null;
    if (file.size > MAX_CASE_FILE_BYTES) {
      this.#notice = {
        kind: 'failed',
        action: 'import',
        name: file.name,
        error: { code: 'invalid-input', message: `${file.name}: larger than 30 MB, not a LEXO case.` },
      };
      return null;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.#notice = { kind: 'failed', action: 'import', name: file.name, error: { code: 'invalid-input', message } };
      return null;
    }
    const record = await this.#act(
      'import',
      'import',
      () => this.#client.callCatch('cases.import', { text, name: file.name }),
      file.name,
    );
    if (!record) return null;
    const summary = summaryOf(record);
    this.#notice = { kind: 'imported', summary, fileName: file.name };
    await Promise.all([this.#reload(), this.loadConclusions()]);
    return summary;
  }

  /** Saves a case as a JSON case file (DESIGN.md's case file, with its notes and history). */
  async exportCase(summary: CaseSummary): Promise<boolean> {
    const file = await this.#act('export', `export:${summary.id}`, () =>
      this.#client.callCatch('cases.export', { id: summary.id }),
    );
    if (!file) return false;
    this.#download(file.fileName, file.text);
    this.#notice = { kind: 'exported', fileName: file.fileName };
    return true;
  }

  /** Stops a waiting reload (the screen is closing). */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  async #act<T>(action: CaseAction, busy: string, call: () => Promise<ApiResult<T>>, name?: string): Promise<T | null> {
    if (this.#busy) return null;
    this.#busy = busy;
    this.#notice = null;
    try {
      const result = await call();
      if (!result.ok) {
        this.#notice = { kind: 'failed', action, error: result.error, ...(name === undefined ? {} : { name }) };
        return null;
      }
      return result.value;
    } finally {
      this.#busy = null;
    }
  }

  #reload(): Promise<void> {
    return this.load(this.#cases.length);
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    // Any answer on its way is now stale.
    this.#request++;
    this.#phase = 'loading';
    this.#timer = setTimeout(() => void this.load(), this.#delay);
  }

  /** After an empty answer under filters: is the store empty, or do the filters hide everything? */
  async #checkAny(input: CaseListInput, total: number): Promise<void> {
    const unfiltered = Object.keys(input).every(
      (key) => key === 'limit' || (key === 'status' && input.status === 'all'),
    );
    if (total > 0 || unfiltered) {
      this.#anyCases = total > 0;
      return;
    }
    const request = this.#request;
    const any = await this.#client.callCatch('cases.list', { status: 'all', limit: 1 });
    if (request === this.#request && any.ok) this.#anyCases = any.value.total > 0;
  }
}
