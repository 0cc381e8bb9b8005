// The case screen on the case store (real store over an in-memory database, stand-in engine): the header
// (rename, customer, ticket, close / reopen, exports), the save status, notes, the case's history, nothing typed
// lost (blur, leaving the screen, the page going), unknown cases, and the old local draft moved into the store.
import { cleanup, fireEvent, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseInput, CaseRecord, ReportText } from '../../src-main/core/contract';
import { CASE_STORAGE_KEY } from '../../src-renderer/lib/case.svelte';
import { storeApi, tickingClock } from './case-engine';
import { fail, memoryStorage, value, type Handlers } from './helpers';
import { go, renderApp, visible } from './render';

beforeEach(() => {
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  document.documentElement.lang = '';
});

/**
 * Opens #/case/<id> on a stored case. Text waits a minute before it is saved on its own, so what the store holds
 * was saved by a blur, by leaving, or by the page going.
 */
async function openCase(
  stored: CaseInput & { title?: string; customer?: string; ticket?: string } = {},
  {
    handlers = {},
    language = 'en-US',
    storage = memoryStorage(),
  }: { handlers?: Handlers; language?: string; storage?: ReturnType<typeof memoryStorage> } = {},
) {
  const api = storeApi(handlers, { now: tickingClock() });
  const record = await api.seed(stored);
  window.location.hash = `#/case/${record.id}`;
  const rendered = renderApp(api.client, { hash: `#/case/${record.id}`, caseDelay: 60_000, language, storage });
  await screen.findByTestId('case-header');
  return { ...api, ...rendered, id: record.id, saved: () => api.stored(record.id) };
}

const header = () => screen.getByTestId('case-header');

describe('the case header', () => {
  it('shows the title, or “Untitled case”, and renames in place: Enter saves, focus returns to Rename', async () => {
    const { saved } = await openCase();
    expect(visible(screen.getByTestId('case-title'))).toBe('Untitled case');
    expect(screen.getByRole('heading', { level: 1 })).toBe(screen.getByTestId('case-title'));
    await fireEvent.click(screen.getByRole('button', { name: 'Rename the case' }));
    const input = screen.getByLabelText('Case title') as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    await fireEvent.input(input, { target: { value: 'Contoso: no presence in OWA' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(visible(screen.getByTestId('case-title'))).toBe('Contoso: no presence in OWA');
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('case-rename')));
    await vi.waitFor(async () => expect((await saved()).title).toBe('Contoso: no presence in OWA'));
    expect((await saved()).history.filter((e) => e.type === 'renamed').map((e) => e.detail)).toEqual([
      'Contoso: no presence in OWA',
    ]);
  });

  it('Escape leaves the title as it was', async () => {
    const { saved } = await openCase({ title: 'Kept title' });
    await fireEvent.click(screen.getByTestId('case-rename'));
    const input = screen.getByTestId('case-title-input');
    await fireEvent.input(input, { target: { value: 'Typo' } });
    await fireEvent.keyDown(input, { key: 'Escape' });
    expect(visible(screen.getByTestId('case-title'))).toBe('Kept title');
    await vi.waitFor(() => expect(screen.getByTestId('case-save').dataset.status).toBe('saved'));
    expect((await saved()).title).toBe('Kept title');
  });

  it('customer and ticket are saved when the field is left', async () => {
    const { saved } = await openCase();
    const customer = screen.getByLabelText('Customer');
    const ticket = screen.getByLabelText('Ticket');
    await fireEvent.input(customer, { target: { value: 'Contoso Ltd' } });
    await fireEvent.input(ticket, { target: { value: 'SR-2041' } });
    expect(screen.getByTestId('case-save').dataset.status).toBe('saving');
    expect((await saved()).customer).toBe('');
    await fireEvent.blur(ticket);
    await vi.waitFor(async () => {
      const c = await saved();
      expect([c.customer, c.ticket]).toEqual(['Contoso Ltd', 'SR-2041']);
    });
    await vi.waitFor(() => expect(screen.getByTestId('case-save').dataset.status).toBe('saved'));
  });

  it('Close and Reopen change the status, in the store and on screen', async () => {
    const { saved } = await openCase();
    expect(visible(screen.getByTestId('case-status'))).toBe('Open');
    expect(screen.queryByTestId('case-closed')).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Close the case' }));
    await vi.waitFor(() => expect(visible(screen.getByTestId('case-status'))).toBe('Closed'));
    expect(header().dataset.status).toBe('closed');
    expect(visible(screen.getByTestId('case-closed'))).toContain('This case was closed on');
    expect((await saved()).status).toBe('closed');
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('case-reopen')));

    await fireEvent.click(screen.getByRole('button', { name: 'Reopen the case' }));
    await vi.waitFor(() => expect(visible(screen.getByTestId('case-status'))).toBe('Open'));
    expect(screen.queryByTestId('case-closed')).toBeNull();
    expect((await saved()).status).toBe('open');
  });

  it('shows the case’s own language, which a change of the UI language leaves alone', async () => {
    const { saved } = await openCase();
    expect(visible(screen.getByTestId('case-lang'))).toBe('Case language (reports): English');
    await fireEvent.change(screen.getByTestId('lang-select'), { target: { value: 'zh-TW' } });
    await vi.waitFor(() => expect(visible(screen.getByTestId('case-lang'))).toBe('案例語言 (報告)：English'));
    expect((await saved()).lang).toBe('en');
  });

  it('“Export case (JSON)” downloads the case file with what was just typed', async () => {
    const { download } = await openCase({ ticket: 'SR-9' });
    await fireEvent.input(screen.getByLabelText('What the customer reports'), { target: { value: 'Typed last' } });
    await fireEvent.click(screen.getByTestId('case-export-json'));
    await vi.waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    const [fileName, text] = download.mock.calls[0]!;
    expect(fileName).toBe('lexo-case-SR-9.json');
    const file = JSON.parse(text) as CaseInput;
    expect(file.symptom).toBe('Typed last');
    expect(file.lexo).toMatchObject({ format: 'lexo-case', ticket: 'SR-9', status: 'open' });
  });

  it('“Export report…” saves what was typed, then opens the export dialog on this case; closing returns focus', async () => {
    // What the preview was rendered from: the stored case, at the time of the call.
    const rendered: { caseId?: string; symptom?: string }[] = [];
    let stored: () => Promise<CaseRecord> = () => Promise.reject(new Error('not open yet'));
    const opened = await openCase(
      {},
      {
        handlers: {
          'report.render': async (input) => {
            rendered.push({ caseId: input.caseId, symptom: (await stored()).file.symptom });
            return value<ReportText>({ fileName: 'lexo-report.html', mime: 'text/html', text: '<h1>Report</h1>' });
          },
        },
      },
    );
    stored = opened.saved;
    await fireEvent.input(screen.getByLabelText('What the customer reports'), { target: { value: 'Before export' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Export report…' }));
    const dialog = await screen.findByTestId('export-dialog');
    expect(dialog.tagName).toBe('DIALOG');
    expect(screen.getByTestId('export-dialog')).toBeTruthy();
    await vi.waitFor(() => expect(rendered[0]).toEqual({ caseId: opened.id, symptom: 'Before export' }));
    await vi.waitFor(() =>
      expect(within(dialog).getByTestId('export-preview-html').getAttribute('srcdoc')).toBe('<h1>Report</h1>'),
    );
    await fireEvent.click(within(dialog).getByTestId('export-close'));
    await vi.waitFor(() => expect(screen.queryByTestId('export-dialog')).toBeNull());
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('case-export')));
  });
});

describe('the save status', () => {
  it('says when the case was last saved, in the UI language', async () => {
    const { saved } = await openCase();
    const status = screen.getByTestId('case-save');
    const at = new Date((await saved()).updatedAt);
    const time = new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(at);
    const today = at.toDateString() === new Date().toDateString();
    expect(visible(within(status).getByRole('status'))).toBe(
      today
        ? `Saved ${time}`
        : `Saved ${new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(at)}`,
    );
  });

  it('a refused save says why, keeps what was typed, and Retry saves it', async () => {
    let refuse = true;
    const { saved, forward } = await openCase(
      {},
      {
        handlers: {
          'cases.update': (input) =>
            refuse ? fail({ code: 'write-error', message: 'The disk is full' }) : forward('cases.update', input),
        },
      },
    );
    await fireEvent.change(screen.getByLabelText('Topology'), { target: { value: 'lync2013-hybrid' } });
    const alert = await screen.findByTestId('case-save-error');
    expect(visible(alert)).toBe('Not saved: The disk is full. What you typed is kept here.');
    expect(alert.closest('[role="alert"]')).not.toBeNull();
    expect((screen.getByLabelText('Topology') as HTMLSelectElement).value).toBe('lync2013-hybrid');
    expect((await saved()).file).toEqual({});
    refuse = false;
    await fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await vi.waitFor(async () => expect((await saved()).file).toEqual({ topology: 'lync2013-hybrid' }));
    await vi.waitFor(() => expect(screen.queryByTestId('case-save-error')).toBeNull());
    expect(screen.getByTestId('case-save').dataset.status).toBe('saved');
  });
});

describe('nothing typed is lost', () => {
  it('text is saved when its field is left', async () => {
    const { saved } = await openCase();
    const symptom = screen.getByLabelText('What the customer reports');
    await fireEvent.input(symptom, { target: { value: 'IM button missing in OWA' } });
    await fireEvent.input(screen.getByLabelText('SIP domain'), { target: { value: 'fabrikam.com' } });
    expect((await saved()).file).toEqual({});
    await fireEvent.blur(symptom);
    await vi.waitFor(async () =>
      expect((await saved()).file).toEqual({
        symptom: 'IM button missing in OWA',
        names: { sipDomain: 'fabrikam.com' },
      }),
    );
  });

  it('leaving the screen saves what waits for typing to pause', async () => {
    const { saved } = await openCase();
    await fireEvent.input(screen.getByLabelText('What the customer reports'), {
      target: { value: 'Typed, then left' },
    });
    await fireEvent.input(screen.getByLabelText('Ticket'), { target: { value: 'SR-5' } });
    go('#/search');
    await vi.waitFor(async () => {
      const c = await saved();
      expect([c.file.symptom, c.ticket]).toEqual(['Typed, then left', 'SR-5']);
    });
  });

  it('the page going (reload, closing the tab) saves it, and a browser asks before leaving unsaved work', async () => {
    const { saved } = await openCase();
    await fireEvent.input(screen.getByLabelText('What the customer reports'), { target: { value: 'Closing the tab' } });
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    await vi.waitFor(async () => expect((await saved()).file.symptom).toBe('Closing the tab'));
    const later = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(later);
    expect(later.defaultPrevented).toBe(false);
  });

  it('a note typed but not added is still there after a reload', async () => {
    const storage = memoryStorage();
    const { unmount, client } = await openCase({}, { storage });
    await fireEvent.input(screen.getByLabelText('New note'), { target: { value: 'Customer will call back at 3' } });
    unmount();
    renderApp(client, { hash: '#/case', caseDelay: 60_000, storage });
    const note = (await screen.findByLabelText('New note')) as HTMLTextAreaElement;
    expect(note.value).toBe('Customer will call back at 3');
  });
});

describe('notes', () => {
  const HOSTILE = '<img src=x onerror=alert(1)>\nsecond line <b>not bold</b>';

  it('adds a note shown as text, never as HTML, with its line breaks and its time', async () => {
    const { saved } = await openCase();
    expect(visible(screen.getByTestId('notes-empty'))).toBe('No notes yet.');
    const box = screen.getByLabelText('New note') as HTMLTextAreaElement;
    await fireEvent.input(box, { target: { value: HOSTILE } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add the note' }));
    const note = await screen.findByTestId('case-note');
    const text = within(note).getByTestId('note-text');
    expect(text.textContent).toBe(HOSTILE);
    expect(note.querySelector('img, b')).toBeNull();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    await vi.waitFor(() => expect(box.value).toBe(''));
    const c = await saved();
    expect(c.notes.map((n) => n.text)).toEqual([HOSTILE]);
    const time = within(note).getByTestId('note-time');
    expect(time.getAttribute('datetime')).toBe(c.notes[0]!.createdAt);
    expect(visible(time)).toBe(
      new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(c.notes[0]!.createdAt),
      ),
    );
    expect(visible(screen.getAllByRole('status').find((s) => visible(s) === 'Note added.'))).toBe('Note added.');
  });

  it('Ctrl+Enter adds; an empty note is refused with a message', async () => {
    const { saved } = await openCase();
    const box = screen.getByLabelText('New note');
    await fireEvent.click(screen.getByTestId('note-add'));
    expect(visible(screen.getByTestId('note-error'))).toBe('Write the note first.');
    await fireEvent.input(box, { target: { value: 'Quick one' } });
    await fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    await vi.waitFor(async () => expect((await saved()).notes.map((n) => n.text)).toEqual(['Quick one']));
    expect(visible(screen.getByTestId('note-error'))).toBe('');
  });

  it('edits a note (saved, marked edited) and removes one after confirming', async () => {
    const { saved, api, id } = await openCase();
    await api.call('cases.addNote', { id, text: 'first' });
    await api.call('cases.addNote', { id, text: 'second' });
    go('#/search');
    go(`#/case/${id}`);
    await vi.waitFor(() => expect(screen.getAllByTestId('case-note')).toHaveLength(2));
    // Newest first.
    expect(screen.getAllByTestId('note-text').map((n) => n.textContent)).toEqual(['second', 'first']);

    const [second] = screen.getAllByTestId('case-note');
    await fireEvent.click(within(second!).getByTestId('note-edit'));
    const edit = screen.getByLabelText('Note text') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(edit);
    await fireEvent.input(edit, { target: { value: 'second, corrected' } });
    await fireEvent.click(screen.getByTestId('note-save'));
    await vi.waitFor(() =>
      expect(screen.getAllByTestId('note-text').map((n) => n.textContent)).toEqual(['second, corrected', 'first']),
    );
    expect(visible(screen.getAllByTestId('case-note')[0])).toContain('edited');

    const first = screen.getAllByTestId('case-note')[1]!;
    await fireEvent.click(within(first).getByTestId('note-remove'));
    expect(visible(first)).toContain('Remove this note? It cannot be brought back.');
    expect(document.activeElement).toBe(within(first).getByTestId('note-remove-confirm'));
    await fireEvent.click(within(first).getByTestId('note-remove-confirm'));
    await vi.waitFor(() => expect(screen.getAllByTestId('case-note')).toHaveLength(1));
    expect((await saved()).notes.map((n) => n.text)).toEqual(['second, corrected']);
  });

  it('an edit still open when the screen is left is saved', async () => {
    const { saved, api, id } = await openCase();
    await api.call('cases.addNote', { id, text: 'draft' });
    go('#/search');
    go(`#/case/${id}`);
    await fireEvent.click(await screen.findByTestId('note-edit'));
    await fireEvent.input(screen.getByLabelText('Note text'), { target: { value: 'draft, finished' } });
    go('#/search');
    await vi.waitFor(async () => expect((await saved()).notes.map((n) => n.text)).toEqual(['draft, finished']));
  });
});

describe('history', () => {
  it('lists what happened, newest first, worded in the UI language, details as stored', async () => {
    const { id, api } = await openCase({ title: 'T' }, { language: 'fr-FR' });
    await fireEvent.change(screen.getByLabelText('Topologie'), { target: { value: 'sfb-online' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Clore le dossier' }));
    await vi.waitFor(() => expect(screen.getAllByTestId('history-event')[0]!.dataset.type).toBe('closed'));
    const stored = await api.call('cases.get', { id });
    const events = screen.getAllByTestId('history-event');
    expect(events.map((e) => e.dataset.type)).toEqual(stored.history.map((e) => e.type).reverse());
    const topology = events.find((e) => e.dataset.type === 'environment-changed')!;
    expect(visible(within(topology).getByTestId('history-type'))).toBe('Détails du dossier modifiés');
    expect(visible(within(topology).getByTestId('history-detail'))).toBe('topology=sfb-online');
    expect(visible(within(events.at(-1)!).getByTestId('history-type'))).toBe('Dossier créé');
    const time = within(events.at(-1)!).getByTestId('history-time');
    expect(time.getAttribute('datetime')).toBe(stored.history[0]!.at);
    expect(visible(time)).toBe(
      new Intl.DateTimeFormat('fr', { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(stored.history[0]!.at),
      ),
    );
  });

  it('a long history shows the latest lines, and all on request', async () => {
    const { id, api } = await openCase();
    for (let i = 0; i < 20; i++) await api.call('cases.update', { id, ticket: `SR-${i}` });
    go('#/search');
    go(`#/case/${id}`);
    await vi.waitFor(() => expect(screen.getAllByTestId('history-event')).toHaveLength(15));
    const more = screen.getByTestId('history-more');
    expect(visible(more)).toBe('Show all 21 events');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    await fireEvent.click(more);
    expect(screen.getAllByTestId('history-event')).toHaveLength(21);
    expect(more.getAttribute('aria-expanded')).toBe('true');
  });
});

describe('opening cases', () => {
  it('an unknown case says so, with a way to the case list', async () => {
    const api = storeApi();
    renderApp(api.client, { hash: '#/case/INC-0042' });
    const unknown = await screen.findByTestId('case-unknown');
    expect(visible(unknown)).toContain('Case “INC-0042” is not available');
    expect(within(unknown).getByRole('link', { name: 'Go to the case list' }).getAttribute('href')).toBe('#/cases');
  });

  it('on first start, the old local draft becomes a stored case that #/case opens', async () => {
    const storage = memoryStorage({
      [CASE_STORAGE_KEY]: JSON.stringify({
        symptom: 'From before the store',
        topology: 'lync2013-onprem',
        evidence: [{ name: 'Paste 1', text: 'Get-CsHostingProvider' }],
      }),
    });
    const api = storeApi();
    renderApp(api.client, { hash: '#/case', storage, caseDelay: 0 });
    const symptom = (await screen.findByLabelText('What the customer reports')) as HTMLTextAreaElement;
    expect(symptom.value).toBe('From before the store');
    expect((screen.getByLabelText('Topology') as HTMLSelectElement).value).toBe('lync2013-onprem');
    expect(screen.getAllByTestId('evidence-item').map((e) => e.dataset.name)).toEqual(['Paste 1']);
    expect(storage.map.get(CASE_STORAGE_KEY) ?? '').toBe('');
    expect((await api.api.call('cases.list', {})).total).toBe(1);
  });
});
