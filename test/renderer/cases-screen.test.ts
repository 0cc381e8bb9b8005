// The case list (#/cases) over a fake store: rows, search and filters as cases.list inputs, rename, close,
// delete with Undo, "Recently deleted", import (picker and its errors), export, new case, and the home route.
import { cleanup, fireEvent, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CASES_PAGE } from '../../src-renderer/lib/cases.svelte';
import { fakeCasesApi, type FakeCase } from './cases-fake';
import { RESULTS, SYMPTOM } from './fixtures';
import { fail, value } from './helpers';
import { renderApp, visible } from './render';

beforeEach(() => {
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  cleanup();
  document.documentElement.lang = '';
});

const CASES: FakeCase[] = [
  {
    id: 'a',
    title: 'OWA shows no presence',
    customer: 'Contoso',
    ticket: 'INC-1001',
    conclusion: 'step-5-hosting-provider',
    conclusionTitle: '5. Hosting provider for Exchange Online',
  },
  { id: 'b', title: '', customer: '', ticket: '', status: 'closed' },
  { id: 'c', title: 'Free/busy missing', customer: 'Fabrikam', ticket: 'INC-1002' },
];

/** The case list on a fake store; navigation from code is recorded in `hashes` (the address bar is left alone). */
function open(cases: FakeCase[] = CASES, extra: Parameters<typeof fakeCasesApi>[2] = {}) {
  const api = fakeCasesApi(cases, {}, extra);
  const hashes: string[] = [];
  const app = renderApp(api.client, { hash: '#/cases', setHash: (hash) => hashes.push(hash) });
  return { ...api, ...app, hashes };
}

const rows = () => screen.queryAllByTestId('case-row');
const row = (id: string) => rows().find((r) => r.dataset.id === id)!;
const ids = () => rows().map((r) => r.dataset.id);

describe('the list', () => {
  it('shows the open cases newest first, each with title, customer, ticket, status, conclusion and time', async () => {
    const { inputsOf } = open();
    await vi.waitFor(() => expect(ids()).toEqual(['c', 'a']));
    expect(inputsOf('cases.list')[0]).toEqual({ status: 'open', limit: CASES_PAGE });

    const a = row('a');
    const link = within(a).getByTestId('case-open');
    expect(visible(link)).toBe('OWA shows no presence');
    expect(link.getAttribute('href')).toBe('#/case/a');
    expect(visible(within(a).getByTestId('case-customer'))).toBe('Contoso');
    expect(visible(within(a).getByTestId('case-ticket'))).toBe('INC-1001');
    expect(visible(within(a).getByTestId('case-status'))).toBe('Open');
    expect(visible(within(a).getByTestId('case-conclusion'))).toBe('5. Hosting provider for Exchange Online');
    const time = within(a).getByTestId('case-updated');
    expect(time.getAttribute('datetime')).toMatch(/^2025-03-04T/);
    expect(visible(time)).toBe(
      new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(
        Date.parse(time.getAttribute('datetime')!),
      ),
    );
    expect(visible(within(row('c')).getByTestId('case-conclusion'))).toBe('not concluded yet');
    expect(visible(screen.getByTestId('cases-status'))).toBe('2 cases');
  });

  it('names an untitled case by its date, and shows closed cases under "All"', async () => {
    open();
    await vi.waitFor(() => expect(ids()).toEqual(['c', 'a']));
    await fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'all' } });
    await vi.waitFor(() => expect(ids()).toEqual(['c', 'b', 'a']));
    const b = row('b');
    expect(visible(within(b).getByTestId('case-open'))).toMatch(/^Untitled case — \w{3} \d+, 2025/);
    expect(visible(within(b).getByTestId('case-status'))).toBe('Closed');
    expect(visible(within(b).getByTestId('case-customer'))).toBe('not given');
    expect(within(b).getByTestId('case-reopen')).toBeTruthy();
  });

  it('sends what is typed and chosen in the filters to cases.list', async () => {
    const { inputsOf } = open();
    await vi.waitFor(() => expect(ids()).toEqual(['c', 'a']));

    await fireEvent.input(screen.getByLabelText('Search cases'), { target: { value: 'owa' } });
    await vi.waitFor(() => expect(ids()).toEqual(['a']));
    expect(inputsOf('cases.list').at(-1)).toEqual({ status: 'open', query: 'owa', limit: CASES_PAGE });

    await fireEvent.input(screen.getByLabelText('Search cases'), { target: { value: '' } });
    await fireEvent.input(screen.getByLabelText('Customer'), { target: { value: 'fabri' } });
    await vi.waitFor(() => expect(ids()).toEqual(['c']));
    await fireEvent.input(screen.getByLabelText('Ticket'), { target: { value: 'INC-1002' } });
    await fireEvent.change(screen.getByLabelText('Updated from'), { target: { value: '2025-03-01' } });
    await fireEvent.change(screen.getByLabelText('Updated until'), { target: { value: '2025-03-31' } });
    await vi.waitFor(() =>
      expect(inputsOf('cases.list').at(-1)).toEqual({
        status: 'open',
        customer: 'fabri',
        ticket: 'INC-1002',
        from: new Date(2025, 2, 1).toISOString(),
        to: new Date(2025, 2, 31, 23, 59, 59, 999).toISOString(),
        limit: CASES_PAGE,
      }),
    );

    await fireEvent.click(screen.getByTestId('cases-filter-clear'));
    await vi.waitFor(() => expect(ids()).toEqual(['c', 'a']));
    expect(inputsOf('cases.list').at(-1)).toEqual({ status: 'open', limit: CASES_PAGE });
  });

  it('offers the conclusions the cases reached as a filter', async () => {
    const { inputsOf } = open();
    await vi.waitFor(() => expect(ids()).toEqual(['c', 'a']));
    const select = screen.getByLabelText('Conclusion') as HTMLSelectElement;
    await vi.waitFor(() => expect(select.options).toHaveLength(2));
    expect([...select.options].map((o) => [o.value, o.text])).toEqual([
      ['', 'Any conclusion'],
      ['step-5-hosting-provider', '5. Hosting provider for Exchange Online'],
    ]);
    await fireEvent.change(select, { target: { value: 'step-5-hosting-provider' } });
    await vi.waitFor(() => expect(ids()).toEqual(['a']));
    expect(inputsOf('cases.list').at(-1)).toEqual({
      status: 'open',
      conclusion: 'step-5-hosting-provider',
      limit: CASES_PAGE,
    });
  });

  it('says when nothing matches, and when there are no cases yet offers a new one', async () => {
    open();
    await vi.waitFor(() => expect(ids()).toHaveLength(2));
    await fireEvent.input(screen.getByLabelText('Search cases'), { target: { value: 'zzz' } });
    expect(visible(await screen.findByTestId('cases-no-match'))).toContain('No case matches');
    cleanup();

    const { inputsOf, hashes } = open([]);
    const empty = await screen.findByTestId('cases-empty');
    expect(visible(empty)).toContain('No cases yet');
    await fireEvent.click(within(empty).getByRole('button', { name: 'New case' }));
    await vi.waitFor(() => expect(hashes).toEqual(['#/case/new-1']));
    expect(inputsOf('cases.create')).toEqual([{ lang: 'en' }]);
  });

  it('shows more cases on demand, up to the total', async () => {
    const many = Array.from({ length: CASES_PAGE + 3 }, (_, i) => ({ id: `k${i}`, title: `Case ${i}` }));
    open(many);
    await vi.waitFor(() => expect(rows()).toHaveLength(CASES_PAGE));
    expect(visible(screen.getByTestId('cases-status'))).toBe(`${CASES_PAGE + 3} cases · Showing ${CASES_PAGE} of 28`);
    await fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await vi.waitFor(() => expect(rows()).toHaveLength(CASES_PAGE + 3));
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('names a list that could not be read, and Try again reads it', async () => {
    let broken = true;
    const api = fakeCasesApi(CASES);
    const base = api.callCatch.getMockImplementation()!;
    api.callCatch.mockImplementation(async (name, input) =>
      name === 'cases.list' && broken
        ? { ok: false, error: { code: 'database-error', message: 'disk I/O error' } }
        : base(name, input),
    );
    renderApp(api.client, { hash: '#/cases' });
    const error = await screen.findByTestId('cases-list-error');
    expect(visible(error)).toContain('disk I/O error');
    broken = false;
    await fireEvent.click(within(error).getByRole('button', { name: 'Try again' }));
    await vi.waitFor(() => expect(ids()).toEqual(['c', 'a']));
  });
});

describe('actions', () => {
  it('deletes with Undo: the case leaves the list, Undo restores it', async () => {
    const { inputsOf } = open();
    await vi.waitFor(() => expect(ids()).toEqual(['c', 'a']));
    const del = within(row('a')).getByTestId('case-delete');
    del.focus();
    await fireEvent.click(del);

    await vi.waitFor(() => expect(ids()).toEqual(['c']));
    const notice = screen.getByTestId('cases-notice');
    expect(notice.getAttribute('role')).toBe('status');
    expect(visible(notice)).toContain('Deleted “OWA shows no presence”.');
    const undo = within(notice).getByRole('button', { name: 'Undo' });
    await vi.waitFor(() => expect(document.activeElement).toBe(undo));

    await fireEvent.click(undo);
    await vi.waitFor(() => expect(ids()).toEqual(['c', 'a']));
    expect(inputsOf('cases.restore')).toEqual([{ id: 'a' }]);
    expect(visible(screen.getByTestId('cases-notice'))).toContain('Restored “OWA shows no presence”.');
  });

  it('lists recently deleted cases, and Restore brings one back', async () => {
    open([...CASES, { id: 'old', title: 'Old case', deletedAt: '2025-03-01T10:00:00.000Z' }]);
    await vi.waitFor(() => expect(ids()).toEqual(['c', 'a']));
    const deletedView = screen.getByTestId('cases-view-deleted');
    await fireEvent.click(deletedView);
    expect(deletedView.getAttribute('aria-pressed')).toBe('true');
    const item = await screen.findByTestId('deleted-case');
    expect(visible(item)).toContain('Old case');
    expect(visible(item)).toContain('Deleted Mar 1, 2025');
    await fireEvent.click(within(item).getByRole('button', { name: 'Restore' }));
    expect(await screen.findByTestId('cases-deleted-empty')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('cases-view-live'));
    await vi.waitFor(() => expect(ids()).toContain('old'));
  });

  it('renames inline: Enter saves, Escape gives up', async () => {
    const { inputsOf } = open();
    await vi.waitFor(() => expect(ids()).toEqual(['c', 'a']));
    await fireEvent.click(within(row('a')).getByRole('button', { name: 'Rename' }));
    const input = within(row('a')).getByLabelText('New title') as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    expect(input.value).toBe('OWA shows no presence');
    await fireEvent.keyDown(input, { key: 'Escape' });
    expect(within(row('a')).queryByLabelText('New title')).toBeNull();
    expect(inputsOf('cases.update')).toEqual([]);

    await fireEvent.click(within(row('a')).getByRole('button', { name: 'Rename' }));
    const again = within(row('a')).getByLabelText('New title') as HTMLInputElement;
    await fireEvent.input(again, { target: { value: 'Presence in OWA (Contoso)' } });
    await fireEvent.submit(again.form!);
    await vi.waitFor(() =>
      expect(visible(within(row('a')).getByTestId('case-open'))).toBe('Presence in OWA (Contoso)'),
    );
    expect(inputsOf('cases.update')).toEqual([{ id: 'a', title: 'Presence in OWA (Contoso)' }]);
    expect(ids()).toEqual(['a', 'c']);
  });

  it('closes a case; it leaves the open list and Undo reopens it', async () => {
    const { inputsOf } = open();
    await vi.waitFor(() => expect(ids()).toEqual(['c', 'a']));
    await fireEvent.click(within(row('c')).getByRole('button', { name: 'Close' }));
    await vi.waitFor(() => expect(ids()).toEqual(['a']));
    expect(inputsOf('cases.setStatus')).toEqual([{ id: 'c', status: 'closed' }]);
    await fireEvent.click(within(screen.getByTestId('cases-notice')).getByRole('button', { name: 'Undo' }));
    await vi.waitFor(() => expect(ids()).toEqual(['c', 'a']));
    expect(inputsOf('cases.setStatus').at(-1)).toEqual({ id: 'c', status: 'open' });
  });

  it('imports a chosen case file and links to it; a bad file shows the reason', async () => {
    const { inputsOf } = open();
    await vi.waitFor(() => expect(ids()).toEqual(['c', 'a']));
    const picker = screen.getByTestId('cases-import-file') as HTMLInputElement;

    const good = new File([JSON.stringify({ lexo: { title: 'From the night shift' } })], 'night.json', {
      type: 'application/json',
    });
    await fireEvent.change(picker, { target: { files: [good] } });
    const notice = await screen.findByText(/Imported “From the night shift” from night\.json\./);
    expect(within(notice).getByRole('link', { name: 'Open it' }).getAttribute('href')).toMatch(/^#\/case\/imported-/);
    await vi.waitFor(() => expect(ids()[0]).toMatch(/^imported-/));

    const bad = new File(['not json at all'], 'broken.json', { type: 'application/json' });
    await fireEvent.change(picker, { target: { files: [bad] } });
    const error = await screen.findByTestId('cases-error');
    expect(error.closest('[role="alert"]')).toBeTruthy();
    expect(visible(error)).toContain('Could not import broken.json (invalid-input): The case file is not valid JSON');
    expect(visible(error)).toContain('(file) not JSON');
    expect(inputsOf('cases.import').map((i) => i.name)).toEqual(['night.json', 'broken.json']);
  });

  it('imports a file dropped on the list', async () => {
    const { inputsOf } = open();
    await vi.waitFor(() => expect(ids()).toEqual(['c', 'a']));
    const file = new File([JSON.stringify({ lexo: { title: 'Dropped' } })], 'dropped.json');
    const list = screen.getByTestId('cases-screen');
    await fireEvent.drop(list, { dataTransfer: { files: [file], types: ['Files'] } });
    await vi.waitFor(() => expect(inputsOf('cases.import')).toHaveLength(1));
    expect(inputsOf('cases.import')[0]?.name).toBe('dropped.json');
  });

  it('exports a case file as a download', async () => {
    const { download } = open();
    await vi.waitFor(() => expect(ids()).toEqual(['c', 'a']));
    await fireEvent.click(within(row('a')).getByRole('button', { name: 'Export JSON' }));
    await vi.waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    expect(download).toHaveBeenCalledWith(
      'lexo-case-a.json',
      JSON.stringify({ lexo: { title: 'OWA shows no presence' } }),
    );
    expect(visible(screen.getByTestId('cases-notice'))).toContain('Exported lexo-case-a.json.');
  });

  it('starts a new case in the interface language and opens it', async () => {
    const { inputsOf, hashes } = open();
    await vi.waitFor(() => expect(ids()).toEqual(['c', 'a']));
    await fireEvent.change(screen.getByTestId('lang-select'), { target: { value: 'fr' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Nouveau dossier' }));
    await vi.waitFor(() => expect(hashes).toEqual(['#/case/new-1']));
    expect(inputsOf('cases.create')).toEqual([{ lang: 'fr' }]);
  });

  it('groups each case’s actions under its title, for screen readers', async () => {
    open();
    await vi.waitFor(() => expect(ids()).toEqual(['c', 'a']));
    expect(within(row('a')).getByRole('group', { name: 'Actions for OWA shows no presence' })).toBeTruthy();
  });
});

describe('home', () => {
  it('opens on the case list when cases are open and no route was asked for', async () => {
    const api = fakeCasesApi(CASES);
    const hashes: string[] = [];
    renderApp(api.client, { hash: '', setHash: (hash) => hashes.push(hash) });
    await vi.waitFor(() => expect(hashes).toEqual(['#/cases']));
    await vi.waitFor(() => expect(ids()).toEqual(['c', 'a']));
    expect(api.inputsOf('cases.list')[0]).toEqual({ status: 'open', limit: 1 });
  });

  it('stays on search when no case is open, or when search was asked for', async () => {
    const api = fakeCasesApi([{ id: 'x', title: 'Done', status: 'closed' }]);
    renderApp(api.client, { hash: '' });
    await vi.waitFor(() => expect(api.inputsOf('cases.list')).toHaveLength(1));
    expect(screen.getByTestId('search-input')).toBeTruthy();
    expect(window.location.hash).toBe('');
    cleanup();

    const busy = fakeCasesApi(CASES);
    renderApp(busy.client, { hash: '#/search' });
    // The app decides at start, synchronously, whether to ask at all.
    expect(busy.inputsOf('cases.list')).toEqual([]);
    expect(screen.getByTestId('search-input')).toBeTruthy();
  });
});

describe('starting a case from a search result', () => {
  function searchApi(extra: Parameters<typeof fakeCasesApi>[2] = {}) {
    return fakeCasesApi(
      [],
      {},
      {
        'kb.search': () => value({ results: RESULTS }),
        'kb.get': ({ kind, id }) =>
          kind === 'symptom' && id === SYMPTOM.id ? value(SYMPTOM) : fail({ code: 'not-found', message: id }),
        ...extra,
      },
    );
  }

  it('stores a new case with the symptom and its features marked broken, then opens it', async () => {
    const api = searchApi();
    const hashes: string[] = [];
    renderApp(api.client, { hash: '#/search', setHash: (hash) => hashes.push(hash) });
    await fireEvent.input(screen.getByTestId('search-input'), { target: { value: 'presence' } });
    const buttons = await screen.findAllByTestId('start-case');
    expect(buttons).toHaveLength(1);
    expect(buttons[0]!.getAttribute('aria-label')).toBe('Start a case from this symptom: OWA shows no presence');
    await fireEvent.click(buttons[0]!);

    await vi.waitFor(() => expect(hashes).toEqual(['#/case/new-1']));
    expect(api.inputsOf('kb.get')).toEqual([{ kind: 'symptom', id: SYMPTOM.id, lang: 'en' }]);
    expect(api.inputsOf('cases.create')).toEqual([
      { file: { symptom: 'OWA shows no presence', features: { 'owa-im-presence': 'broken' } }, lang: 'en' },
    ]);
    expect(api.store.get('new-1')?.file).toEqual({
      symptom: 'OWA shows no presence',
      features: { 'owa-im-presence': 'broken' },
    });
  });

  it('names the call that failed and stays on search', async () => {
    const api = searchApi({ 'cases.create': () => fail({ code: 'database-error', message: 'disk is full' }) });
    const hashes: string[] = [];
    renderApp(api.client, { hash: '#/search', setHash: (hash) => hashes.push(hash) });
    await fireEvent.input(screen.getByTestId('search-input'), { target: { value: 'presence' } });
    await fireEvent.click(await screen.findByTestId('start-case'));
    const error = await screen.findByTestId('start-case-error');
    expect(visible(error)).toBe('Could not start the case (cases.create, database-error): disk is full');
    expect(hashes).toEqual([]);
  });
});
