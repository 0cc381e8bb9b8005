// The search box: the query, results as you type (debounced), and the result the keyboard is on.
// It lives with the app, not the screen, so query and results survive a visit to another screen.
// The latest query wins: typing again or changing language drops the answer to any earlier request.
import type { ApiError, Lang, SearchResult } from '../../src-main/core/contract';
import type { LexoClient } from './client';

export const SEARCH_DELAY_MS = 120;
export const SEARCH_LIMIT = 20;

export interface SearchDeps {
  client: LexoClient;
  /** The UI language at start; `setLang` follows later changes. */
  lang: Lang;
  /** Milliseconds to wait after the last keystroke. */
  delay?: number | undefined;
}

type Phase = 'idle' | 'waiting' | 'loading' | 'ready' | 'error';

/** What the shown results answer. */
interface Answer {
  query: string;
  lang: Lang;
  results: SearchResult[];
}

export class SearchState {
  #query = $state('');
  #trimmed = $derived(this.#query.trim());
  #phase = $state<Phase>('idle');
  #answer = $state.raw<Answer | null>(null);
  #error = $state.raw<ApiError | null>(null);
  #active = $state(-1);

  readonly #client: LexoClient;
  readonly #delay: number;
  #lang: Lang;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #request = 0;

  constructor(deps: SearchDeps) {
    this.#client = deps.client;
    this.#lang = deps.lang;
    this.#delay = deps.delay ?? SEARCH_DELAY_MS;
  }

  get query(): string {
    return this.#query;
  }

  /** Setting the query schedules a search `delay` ms later; an empty query clears the results at once. */
  set query(value: string) {
    const before = this.#trimmed;
    this.#query = value;
    if (this.#trimmed !== before) this.#schedule();
  }

  /** The query without surrounding blanks; empty means "nothing asked yet". */
  get trimmed(): string {
    return this.#trimmed;
  }

  get lang(): Lang {
    return this.#lang;
  }

  /** Follows the UI language: results are searched again, at once, in the new language. */
  setLang(lang: Lang): void {
    if (lang === this.#lang) return;
    this.#lang = lang;
    if (this.#trimmed !== '') void this.#run();
  }

  /** A search is waiting for the typing to pause, or for its answer. */
  get pending(): boolean {
    return this.#phase === 'waiting' || this.#phase === 'loading';
  }

  get error(): ApiError | null {
    return this.#phase === 'error' ? this.#error : null;
  }

  /** The latest results received (kept on screen while the next search runs). */
  get results(): SearchResult[] {
    return this.#answer?.results ?? [];
  }

  /** The query the shown results answer, or null when none are shown. */
  get answeredQuery(): string | null {
    return this.#answer?.query ?? null;
  }

  /** The answer to the current query and language arrived and is empty. */
  get noMatch(): boolean {
    const answer = this.#answer;
    return (
      this.#phase === 'ready' &&
      answer !== null &&
      answer.results.length === 0 &&
      answer.query === this.#trimmed &&
      answer.lang === this.#lang
    );
  }

  /** Index of the result the keyboard is on; -1 for none (focus in the search box). */
  get active(): number {
    return this.#active;
  }

  get activeResult(): SearchResult | null {
    return this.results[this.#active] ?? null;
  }

  /** Moves the keyboard position by `delta`, staying within the results; returns the new index. */
  move(delta: number): number {
    const count = this.results.length;
    if (count === 0) return this.moveTo(-1);
    const from = this.#active < 0 && delta < 0 ? count : this.#active;
    return this.moveTo(Math.min(count - 1, Math.max(0, from + delta)));
  }

  /** Puts the keyboard position on `index` (-1: back to the search box); out-of-range indexes are clamped. */
  moveTo(index: number): number {
    const count = this.results.length;
    this.#active = count === 0 || index < 0 ? -1 : Math.min(index, count - 1);
    return this.#active;
  }

  /** Searches the current query again (the knowledge base changed). */
  refresh(): void {
    if (this.#trimmed !== '') void this.#run();
  }

  /** Runs a search still waiting for its delay now (Enter in the box); resolves when its answer is in. */
  async flush(): Promise<void> {
    if (this.#phase === 'waiting') await this.#run();
  }

  /** Stops a waiting search (the app is closing). */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    // Any answer on its way is now stale.
    this.#request++;
    if (this.#trimmed === '') {
      this.#phase = 'idle';
      this.#answer = null;
      this.#error = null;
      this.#active = -1;
      return;
    }
    this.#phase = 'waiting';
    this.#timer = setTimeout(() => void this.#run(), this.#delay);
  }

  async #run(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const request = ++this.#request;
    const query = this.#trimmed;
    const lang = this.#lang;
    this.#phase = 'loading';
    const result = await this.#client.callCatch('kb.search', { query, lang, limit: SEARCH_LIMIT });
    if (request !== this.#request) return;
    if (result.ok) {
      this.#answer = { query, lang, results: result.value.results };
      this.#error = null;
      this.#phase = 'ready';
    } else {
      this.#answer = null;
      this.#error = result.error;
      this.#phase = 'error';
    }
    this.#active = -1;
  }
}
