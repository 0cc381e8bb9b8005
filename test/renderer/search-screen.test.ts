// The search screen with a stubbed kb.search: results, badges, why they matched, keyboard, language.
import { cleanup, fireEvent, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchInput } from '../../src-main/core/contract';
import { RESULTS } from './fixtures';
import { fail, stubApi, value } from './helpers';
import { renderApp, visible } from './render';

beforeEach(() => {
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  cleanup();
  document.documentElement.lang = '';
});

function searchApi() {
  return stubApi({
    'kb.search': ({ query, lang }: SearchInput) =>
      value({ results: query.includes('zzz') ? [] : RESULTS.map((r) => ({ ...r, title: `${r.title} [${lang}]` })) }),
  });
}

async function type(query: string) {
  await fireEvent.input(screen.getByTestId('search-input'), { target: { value: query } });
}

describe('search results', () => {
  it('shows each result as a link to its page, with its kind, KB number and why it matched', async () => {
    const { client, inputsOf } = searchApi();
    renderApp(client);
    await type('owa presence');

    const results = await screen.findAllByTestId('search-result');
    expect(inputsOf('kb.search')).toEqual([{ query: 'owa presence', lang: 'en', limit: 20 }]);
    expect(results.map((r) => [r.dataset.kind, r.dataset.id, r.getAttribute('href')])).toEqual([
      ['symptom', 'owa-no-presence', '#/kb/symptom/owa-no-presence'],
      ['article', 'kb-2565604', '#/kb/article/kb-2565604'],
      ['cmdlet', 'get-cshostingprovider', '#/kb/cmdlet/get-cshostingprovider'],
      ['step', 'step-5-hosting-provider', '#/kb/step/step-5-hosting-provider'],
    ]);
    expect(results.map((r) => visible(within(r).getByTestId('kind-badge')))).toEqual([
      'Symptom',
      'KB article',
      'Cmdlet',
      'Step',
    ]);
    const article = results[1]!;
    expect(visible(within(article).getByTestId('result-kb'))).toBe('KB 2565604');
    expect(visible(within(article).getByTestId('result-matched'))).toBe('Matched: KB number, words');
    expect(within(results[0]!).queryByTestId('result-kb')).toBeNull();
    expect(visible(within(results[2]!).getByTestId('result-matched'))).toBe('Matched: cmdlet name');
    expect(visible(within(results[3]!).getByTestId('result-matched'))).toBe('Matched: near match');
    expect(visible(screen.getByTestId('search-status'))).toBe('4 results');
    expect(screen.getByTestId('search-status').getAttribute('role')).toBe('status');
  });

  it('says clearly when nothing matches and suggests other wording', async () => {
    renderApp(searchApi().client);
    await type('zzz');
    const none = await screen.findByTestId('search-no-match');
    expect(visible(none)).toContain('No match for “zzz”');
    expect(visible(none)).toContain('Try the exact error message');
    expect(screen.queryAllByTestId('search-result')).toHaveLength(0);
  });

  it('shows the empty state again when the box is cleared', async () => {
    renderApp(searchApi().client);
    await type('owa');
    await screen.findAllByTestId('search-result');
    await type('');
    expect(screen.getByTestId('search-empty')).toBeTruthy();
    expect(screen.queryAllByTestId('search-result')).toHaveLength(0);
  });

  it('names a failed search', async () => {
    const { client } = stubApi({ 'kb.search': () => fail({ code: 'database-error', message: 'disk I/O error' }) });
    renderApp(client);
    await type('owa');
    const error = await screen.findByTestId('search-error');
    expect(visible(error)).toContain('kb.search');
    expect(visible(error)).toContain('disk I/O error');
  });

  it('translates badges and reasons, and searches again in the new language', async () => {
    const { client, inputsOf } = searchApi();
    renderApp(client);
    await type('présence OWA');
    await screen.findAllByTestId('search-result');

    await fireEvent.change(screen.getByTestId('lang-select'), { target: { value: 'fr' } });
    await screen.findByText('OWA shows no presence [fr]');
    expect(inputsOf('kb.search').map((i) => i.lang)).toEqual(['en', 'fr']);
    const results = screen.getAllByTestId('search-result');
    expect(visible(within(results[1]!).getByTestId('kind-badge'))).toBe('Article KB');
    expect(visible(within(results[1]!).getByTestId('result-matched'))).toBe(
      // `visible` folds the no-break space before the colon into a plain one.
      `Correspondance : ${new Intl.ListFormat('fr', { type: 'conjunction', style: 'narrow' }).format(['numéro KB', 'mots'])}`,
    );

    await fireEvent.change(screen.getByTestId('lang-select'), { target: { value: 'zh-TW' } });
    await screen.findByText('OWA shows no presence [zh-TW]');
    expect(visible(within(screen.getAllByTestId('search-result')[0]!).getByTestId('kind-badge'))).toBe('徵狀');
  });
});

describe('search keyboard', () => {
  it('Down from the box goes to the first result, then through the results; Up goes back to the box', async () => {
    renderApp(searchApi().client);
    await type('owa');
    const results = await screen.findAllByTestId('search-result');
    const input = screen.getByTestId('search-input');
    input.focus();

    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(results[0]);
    await fireEvent.keyDown(results[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(results[1]);
    await fireEvent.keyDown(results[1]!, { key: 'End' });
    expect(document.activeElement).toBe(results[3]);
    await fireEvent.keyDown(results[3]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(results[3]);
    await fireEvent.keyDown(results[3]!, { key: 'Home' });
    expect(document.activeElement).toBe(results[0]);
    await fireEvent.keyDown(results[0]!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(input);
    await fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(results[3]);
    await fireEvent.keyDown(results[3]!, { key: 'Escape' });
    expect(document.activeElement).toBe(input);
  });

  it('Enter in the box opens the best result', async () => {
    const hashes: string[] = [];
    const { client } = searchApi();
    renderApp(client, { setHash: (h) => hashes.push(h) });
    await type('owa');
    await screen.findAllByTestId('search-result');

    await fireEvent.submit(screen.getByRole('search'));
    await screen.findByTestId('entry-not-found');
    expect(hashes).toEqual(['#/kb/symptom/owa-no-presence']);
  });

  it('marks the result the keyboard is on, and Enter opens that one', async () => {
    const hashes: string[] = [];
    renderApp(searchApi().client, { setHash: (h) => hashes.push(h) });
    await type('owa');
    const results = await screen.findAllByTestId('search-result');
    const input = screen.getByTestId('search-input');
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    await fireEvent.keyDown(results[0]!, { key: 'ArrowDown' });
    expect(results[1]!.dataset.active).toBe('true');
    await fireEvent.submit(screen.getByRole('search'));
    expect(hashes).toEqual(['#/kb/article/kb-2565604']);
  });
});
