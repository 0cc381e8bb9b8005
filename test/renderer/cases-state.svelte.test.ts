// The case list's state over a fake store: what each filter sends to cases.list, paging, the actions and undo.
import { describe, expect, it, vi } from 'vitest';
import {
  CASES_PAGE,
  CasesState,
  DEFAULT_FILTERS,
  isDefaultFilters,
  listInput,
  localDayBound,
} from '../../src-renderer/lib/cases.svelte';
import { fakeCasesApi, type FakeCase } from './cases-fake';
import { deferred, value } from './helpers';

const CASES: FakeCase[] = [
  { id: 'a', title: 'OWA presence', customer: 'Contoso', ticket: 'INC-1', conclusion: 'step-1-dns' },
  { id: 'b', title: 'Free/busy', customer: 'Fabrikam', ticket: 'INC-2', status: 'closed' },
  { id: 'c', title: 'Voicemail', customer: 'Contoso Ltd', ticket: 'INC-3', conclusion: 'step-5-hosting-provider' },
];

function state(cases = CASES, download = vi.fn<(fileName: string, text: string) => void>()) {
  const api = fakeCasesApi(cases);
  return { api, download, cases: new CasesState({ client: api.client, delay: 0, download }) };
}

describe('listInput', () => {
  it('sends only what narrows the list, trimmed', () => {
    expect(listInput({ ...DEFAULT_FILTERS }, 'live', 0, 25)).toEqual({ status: 'open', limit: 25 });
    expect(
      listInput(
        { ...DEFAULT_FILTERS, query: '  owa  ', status: 'all', customer: ' Contoso ', ticket: 'INC', conclusion: 'x' },
        'live',
        50,
        25,
      ),
    ).toEqual({
      status: 'all',
      query: 'owa',
      customer: 'Contoso',
      ticket: 'INC',
      conclusion: 'x',
      limit: 25,
      offset: 50,
    });
  });

  it('turns the date range into the local start of the first day and end of the last', () => {
    const input = listInput({ ...DEFAULT_FILTERS, from: '2025-03-04', to: '2025-03-06' }, 'live', 0, 25);
    expect(input.from).toBe(new Date(2025, 2, 4).toISOString());
    expect(input.to).toBe(new Date(2025, 2, 6, 23, 59, 59, 999).toISOString());
    expect(Date.parse(input.to!) - Date.parse(input.from!)).toBe(3 * 86_400_000 - 1);
  });

  it('ignores a day that is not yyyy-mm-dd', () => {
    expect(localDayBound('', false)).toBeNull();
    expect(localDayBound('04/03/2025', false)).toBeNull();
    expect(listInput({ ...DEFAULT_FILTERS, from: 'soon' }, 'live', 0, 25)).toEqual({ status: 'open', limit: 25 });
  });

  it('asks for the deleted cases, whatever the filters, in the deleted view', () => {
    expect(listInput({ ...DEFAULT_FILTERS, query: 'owa' }, 'deleted', 0, 25)).toEqual({
      deleted: true,
      status: 'all',
      limit: 25,
    });
  });

  it('knows the default filters', () => {
    expect(isDefaultFilters({ ...DEFAULT_FILTERS })).toBe(true);
    expect(isDefaultFilters({ ...DEFAULT_FILTERS, query: '   ' })).toBe(true);
    expect(isDefaultFilters({ ...DEFAULT_FILTERS, status: 'all' })).toBe(false);
    expect(isDefaultFilters({ ...DEFAULT_FILTERS, to: '2025-01-01' })).toBe(false);
  });
});

describe('loading', () => {
  it('reads the open cases, newest first, and reads again when a filter changes', async () => {
    const { api, cases } = state();
    await cases.load();
    expect(cases.cases.map((c) => c.id)).toEqual(['c', 'a']);
    expect(cases.total).toBe(2);
    expect(cases.anyCases).toBe(true);

    cases.setFilter('status', 'all');
    await vi.waitFor(() => expect(cases.cases.map((c) => c.id)).toEqual(['c', 'b', 'a']));
    cases.setFilter('customer', 'contoso');
    await vi.waitFor(() => expect(cases.cases.map((c) => c.id)).toEqual(['c', 'a']));
    cases.setFilter('conclusion', 'step-1-dns');
    await vi.waitFor(() => expect(cases.cases.map((c) => c.id)).toEqual(['a']));
    expect(api.inputsOf('cases.list').at(-1)).toEqual({
      status: 'all',
      customer: 'contoso',
      conclusion: 'step-1-dns',
      limit: CASES_PAGE,
    });
  });

  it('waits for typing to pause before it searches, and only the last text is asked for', async () => {
    const api = fakeCasesApi(CASES);
    const cases = new CasesState({ client: api.client, delay: 30 });
    await cases.load();
    const before = api.inputsOf('cases.list').length;
    cases.setFilter('query', 'v');
    cases.setFilter('query', 'vo');
    cases.setFilter('query', 'voice');
    expect(cases.loading).toBe(true);
    await vi.waitFor(() => expect(cases.cases.map((c) => c.id)).toEqual(['c']));
    const sent = api.inputsOf('cases.list').slice(before);
    expect(sent.filter((i) => i.query !== undefined).map((i) => i.query)).toEqual(['voice']);
  });

  it('keeps the answer to the latest request when an older one arrives late', async () => {
    const slow = deferred<ReturnType<typeof value<{ cases: never[]; total: number }>>>();
    const api = fakeCasesApi(CASES, {}, {});
    const base = api.callCatch.getMockImplementation()!;
    let first = true;
    api.callCatch.mockImplementation(async (name, input) => {
      if (name === 'cases.list' && first) {
        first = false;
        return slow.promise;
      }
      return base(name, input);
    });
    const cases = new CasesState({ client: api.client, delay: 0 });
    const stale = cases.load();
    cases.setFilter('status', 'closed');
    await vi.waitFor(() => expect(cases.cases.map((c) => c.id)).toEqual(['b']));
    slow.resolve(value({ cases: [], total: 0 }));
    await stale;
    expect(cases.cases.map((c) => c.id)).toEqual(['b']);
  });

  it('tells an empty store from filters that hide every case', async () => {
    const empty = state([]);
    await empty.cases.load();
    expect(empty.cases.anyCases).toBe(false);

    const closedOnly = state([{ id: 'x', title: 'Done', status: 'closed' }]);
    await closedOnly.cases.load();
    expect(closedOnly.cases.cases).toEqual([]);
    expect(closedOnly.cases.anyCases).toBe(true);
  });

  it('reads the next page with "more", from where the list stops', async () => {
    const many = Array.from({ length: CASES_PAGE + 5 }, (_, i) => ({ id: `k${i}`, title: `Case ${i}` }));
    const { api, cases } = state(many);
    await cases.load();
    expect(cases.cases).toHaveLength(CASES_PAGE);
    expect(cases.hasMore).toBe(true);
    await cases.more();
    expect(api.inputsOf('cases.list').at(-1)).toMatchObject({ offset: CASES_PAGE, limit: CASES_PAGE });
    expect(cases.cases).toHaveLength(CASES_PAGE + 5);
    expect(new Set(cases.cases.map((c) => c.id)).size).toBe(CASES_PAGE + 5);
    expect(cases.hasMore).toBe(false);
  });

  it('names a failed read', async () => {
    const api = fakeCasesApi(
      CASES,
      {},
      {
        'cases.list': () => ({ ok: false, error: { code: 'database-error', message: 'disk I/O error' } }),
      },
    );
    const cases = new CasesState({ client: api.client, delay: 0 });
    await cases.load();
    expect(cases.error).toEqual({ code: 'database-error', message: 'disk I/O error' });
  });

  it('collects the conclusions the stored cases reached, once each', async () => {
    const { cases } = state([
      ...CASES,
      { id: 'd', title: 'Again', conclusion: 'step-1-dns', conclusionTitle: '1. DNS records' },
    ]);
    await cases.loadConclusions();
    expect(cases.conclusions.map((c) => c.id).sort()).toEqual(['step-1-dns', 'step-5-hosting-provider']);
  });
});

describe('actions', () => {
  it('deletes, then Undo restores the case and the list shows it again', async () => {
    const { api, cases } = state();
    await cases.load();
    const a = cases.cases.find((c) => c.id === 'a')!;
    expect(await cases.remove(a)).toBe(true);
    expect(cases.cases.map((c) => c.id)).toEqual(['c']);
    expect(cases.notice).toMatchObject({ kind: 'deleted', summary: { id: 'a' } });

    expect(await cases.undo()).toBe(true);
    expect(api.inputsOf('cases.restore')).toEqual([{ id: 'a' }]);
    expect(cases.notice).toMatchObject({ kind: 'restored', summary: { id: 'a' } });
    expect(cases.cases.map((c) => c.id).sort()).toEqual(['a', 'c']);
  });

  it('closes and reopens; Undo of a close reopens', async () => {
    const { api, cases } = state();
    await cases.load();
    await cases.setStatus(cases.cases[0]!, 'closed');
    expect(api.inputsOf('cases.setStatus')).toEqual([{ id: 'c', status: 'closed' }]);
    expect(cases.cases.map((c) => c.id)).toEqual(['a']);
    await cases.undo();
    expect(api.inputsOf('cases.setStatus').at(-1)).toEqual({ id: 'c', status: 'open' });
    expect(cases.cases.map((c) => c.id)).toEqual(['c', 'a']);
  });

  it('renames through cases.update, trimmed', async () => {
    const { api, cases } = state();
    await cases.load();
    expect(await cases.rename(cases.cases[1]!, '  Presence in OWA  ')).toBe(true);
    expect(api.inputsOf('cases.update')).toEqual([{ id: 'a', title: 'Presence in OWA' }]);
    expect(cases.cases[0]).toMatchObject({ id: 'a', title: 'Presence in OWA' });
    expect(cases.notice).toMatchObject({ kind: 'renamed' });
  });

  it('keeps the host message when an action fails', async () => {
    const api = fakeCasesApi(
      CASES,
      {},
      {
        'cases.delete': () => ({ ok: false, error: { code: 'database-error', message: 'database is locked' } }),
      },
    );
    const cases = new CasesState({ client: api.client, delay: 0 });
    await cases.load();
    expect(await cases.remove(cases.cases[0]!)).toBe(false);
    expect(cases.notice).toEqual({
      kind: 'failed',
      action: 'delete',
      error: { code: 'database-error', message: 'database is locked' },
    });
    expect(cases.cases.map((c) => c.id)).toEqual(['c', 'a']);
  });

  it('imports a case file and shows the imported case; a bad file keeps the message and issues', async () => {
    const { api, cases } = state();
    await cases.load();
    const good = { name: 'case.json', size: 30, text: async () => JSON.stringify({ lexo: { title: 'From Bob' } }) };
    const imported = await cases.importFile(good);
    expect(imported?.title).toBe('From Bob');
    expect(api.inputsOf('cases.import')[0]).toEqual({ text: await good.text(), name: 'case.json' });
    expect(cases.notice).toMatchObject({ kind: 'imported', fileName: 'case.json', summary: { title: 'From Bob' } });
    expect(cases.cases[0]?.title).toBe('From Bob');

    const bad = { name: 'notes.txt', size: 5, text: async () => 'hello' };
    expect(await cases.importFile(bad)).toBeNull();
    expect(cases.notice).toMatchObject({
      kind: 'failed',
      action: 'import',
      name: 'notes.txt',
      error: { code: 'invalid-input', message: 'The case file is not valid JSON: Unexpected token.' },
    });
  });

  it('refuses a file over 30 MB without reading it', async () => {
    const { api, cases } = state();
    const text = vi.fn(async () => '{}');
    expect(await cases.importFile({ name: 'huge.json', size: 31 * 1024 * 1024, text })).toBeNull();
    expect(text).not.toHaveBeenCalled();
    expect(api.inputsOf('cases.import')).toEqual([]);
    expect(cases.notice).toMatchObject({ kind: 'failed', action: 'import', name: 'huge.json' });
  });

  it('exports a case file through the download', async () => {
    const { cases, download } = state();
    await cases.load();
    expect(await cases.exportCase(cases.cases[1]!)).toBe(true);
    expect(download).toHaveBeenCalledWith('lexo-case-a.json', JSON.stringify({ lexo: { title: 'OWA presence' } }));
    expect(cases.notice).toEqual({ kind: 'exported', fileName: 'lexo-case-a.json' });
  });

  it('lists the deleted cases in the deleted view, and Restore brings one back', async () => {
    const { api, cases } = state([...CASES, { id: 'gone', title: 'Old one', deletedAt: '2025-03-01T10:00:00.000Z' }]);
    await cases.load();
    cases.setView('deleted');
    await vi.waitFor(() => expect(cases.cases.map((c) => c.id)).toEqual(['gone']));
    expect(api.inputsOf('cases.list').at(-1)).toEqual({ deleted: true, status: 'all', limit: CASES_PAGE });
    await cases.restore(cases.cases[0]!);
    expect(cases.cases).toEqual([]);
    cases.setView('live');
    await vi.waitFor(() => expect(cases.cases.map((c) => c.id)).toContain('gone'));
  });

  it('creates a case in the given language', async () => {
    const { api, cases } = state();
    expect(await cases.create('fr')).toBe('new-1');
    expect(api.inputsOf('cases.create')).toEqual([{ lang: 'fr' }]);
  });
});
