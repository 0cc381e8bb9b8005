// SearchState on its own: debounce, the latest query wins, language, keyboard position.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult, SearchInput, SearchResult } from '../../src-main/core/contract';
import { SEARCH_DELAY_MS, SEARCH_LIMIT, SearchState } from '../../src-renderer/lib/search.svelte';
import { RESULTS } from './fixtures';
import { deferred, fail, stubApi, value } from './helpers';

type SearchAnswer = ApiResult<{ results: SearchResult[] }>;

/** A search backend whose answers the test releases one by one. */
function controlledSearch() {
  const pending: { input: SearchInput; resolve: (a: SearchAnswer) => void }[] = [];
  const api = stubApi({
    'kb.search': (input) => {
      const { promise, resolve } = deferred<SearchAnswer>();
      pending.push({ input, resolve });
      return promise;
    },
  });
  return { ...api, pending };
}

const titled = (title: string): SearchResult[] => [{ ...RESULTS[0]!, title }];

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('SearchState: debounce', () => {
  it('waits for a pause in typing, then searches once with the query, the language and the limit', async () => {
    const { client, inputsOf } = stubApi({ 'kb.search': () => value({ results: RESULTS }) });
    const search = new SearchState({ client, lang: 'fr' });

    search.query = 'o';
    await vi.advanceTimersByTimeAsync(50);
    search.query = 'ow';
    await vi.advanceTimersByTimeAsync(50);
    search.query = '  owa presence ';
    expect(search.pending).toBe(true);
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS - 1);
    expect(inputsOf('kb.search')).toEqual([]);

    await vi.advanceTimersByTimeAsync(1);
    expect(inputsOf('kb.search')).toEqual([{ query: 'owa presence', lang: 'fr', limit: SEARCH_LIMIT }]);
    expect(SEARCH_LIMIT).toBe(20);
    expect(search.results).toEqual(RESULTS);
    expect(search.answeredQuery).toBe('owa presence');
    expect(search.pending).toBe(false);
  });

  it('uses a delay of about 120 ms by default', () => {
    expect(SEARCH_DELAY_MS).toBe(120);
  });

  it('does not search again for blanks around the same words', async () => {
    const { client, inputsOf } = stubApi();
    const search = new SearchState({ client, lang: 'en' });
    search.query = 'owa';
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS);
    search.query = 'owa ';
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS);
    expect(inputsOf('kb.search')).toHaveLength(1);
  });

  it('clears results at once for an empty query, and drops the answer still on its way', async () => {
    const { client, pending } = controlledSearch();
    const search = new SearchState({ client, lang: 'en' });
    search.query = 'owa';
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS);
    search.query = '   ';
    expect(search.pending).toBe(false);
    pending[0]!.resolve(value({ results: RESULTS }));
    await vi.runAllTimersAsync();
    expect(search.results).toEqual([]);
    expect(search.noMatch).toBe(false);
  });
});

describe('SearchState: the latest query wins', () => {
  it('ignores an answer that arrives after a newer query was typed', async () => {
    const { client, pending } = controlledSearch();
    const search = new SearchState({ client, lang: 'en' });

    search.query = 'owa';
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS);
    search.query = 'owa presence';
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS);
    expect(pending.map((p) => p.input.query)).toEqual(['owa', 'owa presence']);

    pending[1]!.resolve(value({ results: titled('new') }));
    await vi.advanceTimersByTimeAsync(0);
    pending[0]!.resolve(value({ results: titled('old') }));
    await vi.advanceTimersByTimeAsync(0);
    expect(search.results.map((r) => r.title)).toEqual(['new']);
    expect(search.answeredQuery).toBe('owa presence');
  });

  it('ignores an old answer even when it arrives while the newer query is still being typed', async () => {
    const { client, pending } = controlledSearch();
    const search = new SearchState({ client, lang: 'en' });
    search.query = 'owa';
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS);
    search.query = 'owa p';
    pending[0]!.resolve(value({ results: titled('old') }));
    await vi.advanceTimersByTimeAsync(0);
    expect(search.results).toEqual([]);
    expect(search.pending).toBe(true);
  });

  it('reports no match only for an empty answer to the current query', async () => {
    const { client, pending } = controlledSearch();
    const search = new SearchState({ client, lang: 'en' });
    search.query = 'zzzz';
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS);
    expect(search.noMatch).toBe(false);
    pending[0]!.resolve(value({ results: [] }));
    await vi.advanceTimersByTimeAsync(0);
    expect(search.noMatch).toBe(true);
    search.query = 'zzzzz';
    expect(search.noMatch).toBe(false);
  });

  it('holds the error of a failed search and clears it with the next answer', async () => {
    const answers: SearchAnswer[] = [
      fail({ code: 'database-error', message: 'disk I/O error' }),
      value({ results: RESULTS }),
    ];
    const { client } = stubApi({ 'kb.search': () => answers.shift()! });
    const search = new SearchState({ client, lang: 'en' });
    search.query = 'owa';
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS);
    expect(search.error).toEqual({ code: 'database-error', message: 'disk I/O error' });
    expect(search.results).toEqual([]);
    search.query = 'owa presence';
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS);
    expect(search.error).toBeNull();
    expect(search.results).toEqual(RESULTS);
  });
});

describe('SearchState: language', () => {
  it('searches again at once in the new language, and drops the answer in the old one', async () => {
    const { client, pending } = controlledSearch();
    const search = new SearchState({ client, lang: 'en' });
    search.query = 'presence';
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS);
    search.setLang('zh-TW');
    expect(pending.map((p) => p.input.lang)).toEqual(['en', 'zh-TW']);

    pending[1]!.resolve(value({ results: titled('目前狀態') }));
    pending[0]!.resolve(value({ results: titled('presence') }));
    await vi.advanceTimersByTimeAsync(0);
    expect(search.results.map((r) => r.title)).toEqual(['目前狀態']);
  });

  it('does not search when the language is unchanged or the query is empty', async () => {
    const { client, inputsOf } = stubApi();
    const search = new SearchState({ client, lang: 'en' });
    search.setLang('fr');
    search.setLang('fr');
    await vi.runAllTimersAsync();
    expect(inputsOf('kb.search')).toEqual([]);
    expect(search.lang).toBe('fr');
  });

  it('flush() runs a waiting search now (Enter pressed before the pause)', async () => {
    const { client, inputsOf } = stubApi({ 'kb.search': () => value({ results: RESULTS }) });
    const search = new SearchState({ client, lang: 'en' });
    search.query = 'owa';
    await search.flush();
    expect(inputsOf('kb.search')).toHaveLength(1);
    expect(search.results).toEqual(RESULTS);
    await vi.runAllTimersAsync();
    expect(inputsOf('kb.search')).toHaveLength(1);
  });
});

describe('SearchState: keyboard position', () => {
  async function withResults() {
    const { client } = stubApi({ 'kb.search': () => value({ results: RESULTS }) });
    const search = new SearchState({ client, lang: 'en' });
    search.query = 'owa';
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS);
    return search;
  }

  it('starts in the box, moves down through the results and stops at the last one', async () => {
    const search = await withResults();
    expect(search.active).toBe(-1);
    expect(search.activeResult).toBeNull();
    expect(search.move(1)).toBe(0);
    expect(search.move(1)).toBe(1);
    expect(search.activeResult?.id).toBe('kb-2565604');
    search.move(10);
    expect(search.active).toBe(RESULTS.length - 1);
    expect(search.move(1)).toBe(RESULTS.length - 1);
  });

  it('moves up to the first result, and Up from the box goes to the last one', async () => {
    const search = await withResults();
    expect(search.move(-1)).toBe(RESULTS.length - 1);
    search.moveTo(1);
    expect(search.move(-1)).toBe(0);
    expect(search.move(-1)).toBe(0);
    expect(search.moveTo(-1)).toBe(-1);
    expect(search.moveTo(99)).toBe(RESULTS.length - 1);
  });

  it('goes back to the box when new results arrive, and stays there without results', async () => {
    const search = await withResults();
    search.moveTo(2);
    search.query = 'owa presence';
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS);
    expect(search.active).toBe(-1);
    search.query = '';
    expect(search.move(1)).toBe(-1);
  });
});
