// The case state on its own, over the real case store (in-memory database) and a stand-in engine: which case
// it opens, what it saves and when, what a failed save does, what it sends to engine.diagnose, which answers it
// drops, notes, status, export, and the move of the old local draft into the store.
import { describe, expect, it, vi } from 'vitest';
import type { ApiResult, CaseInput, DiagnoseResult } from '../../src-main/core/contract';
import {
  CASE_STORAGE_KEY,
  CaseState,
  NOTE_DRAFTS_KEY,
  answersFrom,
  draftOf,
  emptyDraft,
  nameProblem,
  parseDraft,
  savedTime,
  toCaseInput,
} from '../../src-renderer/lib/case.svelte';
import { fakeDiagnose, storeApi, tickingClock } from './case-engine';
import { deferred, fail, memoryStorage, type Handler, type Handlers } from './helpers';

function setup({
  storage = memoryStorage(),
  handlers = {},
  diagnose = fakeDiagnose,
  lang = 'en',
}: {
  storage?: ReturnType<typeof memoryStorage>;
  handlers?: Handlers;
  diagnose?: Handler<'engine.diagnose'>;
  lang?: 'en' | 'fr' | 'zh-TW';
} = {}) {
  const api = storeApi({ 'engine.diagnose': diagnose, ...handlers }, { now: tickingClock() });
  const download = vi.fn<(fileName: string, text: string) => void>();
  // A long delay: text is saved when the test flushes it (or a blur, or leaving), never by the clock.
  const state = new CaseState({ client: api.client, storage, lang, delay: 60_000, retryDelay: 60_000, download });
  const sent = () => api.inputsOf('engine.diagnose');
  const last = () => sent().at(-1);
  return { ...api, state, storage, sent, last, download };
}

/** A state with a new, empty stored case open. */
async function opened(options: Parameters<typeof setup>[0] = {}) {
  const s = setup(options);
  await s.state.open(null);
  const id = s.state.id!;
  return { ...s, id, saved: () => s.stored(id) };
}

function question(state: CaseState): string | null {
  return state.result?.status === 'needs-answer' ? state.result.question.id : null;
}

describe('CaseState: which case', () => {
  it('#/case with no case yet creates one, in the UI language, and diagnoses it', async () => {
    const { state, api, last } = setup({ lang: 'fr' });
    await state.open(null);
    const { cases } = await api.call('cases.list', { status: 'all' });
    expect(cases).toHaveLength(1);
    expect(state.id).toBe(cases[0]!.id);
    expect(state.record?.lang).toBe('fr');
    expect(state.load).toEqual({ status: 'ready' });
    expect(last()).toEqual({ case: {}, lang: 'fr' });
  });

  it('#/case opens the most recently updated open case, not a closed one', async () => {
    const { state, seed, api } = setup();
    const older = await seed({ title: 'older', topology: 'sfb-online' });
    const newer = await seed({ title: 'newer', topology: 'lync2013-onprem' });
    await api.call('cases.update', { id: older.id, customer: 'Contoso' });
    await api.call('cases.setStatus', { id: newer.id, status: 'closed' });
    await state.open(null);
    expect(state.id).toBe(older.id);
    expect(state.details).toEqual({ title: 'older', customer: 'Contoso', ticket: '' });
    expect(state.draft.topology).toBe('sfb-online');
  });

  it('#/case/<id> loads that case with its file, evidence, notes and history', async () => {
    const { state, seed, api } = setup();
    const c = await seed({
      symptom: 'No presence',
      topology: 'lync2013-onprem',
      dirsync: false,
      features: { 'free-busy': 'broken', voicemail: 'unknown' },
      names: { sipDomain: 'contoso.com' },
      answers: { 'p-provider': 'yes' },
      facts: { area: 'owa-im' },
      evidence: [{ name: 'provider', text: 'Get-CsHostingProvider' }],
    });
    await api.call('cases.addNote', { id: c.id, text: 'Called the customer' });
    await state.open(c.id);
    expect(state.draft).toEqual({
      ...emptyDraft(),
      symptom: 'No presence',
      topology: 'lync2013-onprem',
      dirsync: 'no',
      features: { 'free-busy': 'broken' },
      names: { sipDomain: 'contoso.com' },
      answers: { 'p-provider': 'yes' },
      facts: { area: 'owa-im' },
      evidence: [{ name: 'provider', text: 'Get-CsHostingProvider' }],
    });
    expect(state.notes.map((n) => n.text)).toEqual(['Called the customer']);
    expect(state.history.map((e) => e.type).filter((t) => t !== 'concluded')).toEqual([
      'created',
      'evidence-added',
      'note-added',
    ]);
    expect(state.input.facts).toEqual({ area: 'owa-im' });
  });

  it('an unknown or deleted case is a load error with the store’s message', async () => {
    const { state, seed, api } = setup();
    await state.open('nope');
    expect(state.load).toMatchObject({ status: 'error', id: 'nope', error: { code: 'not-found' } });
    const c = await seed();
    await api.call('cases.delete', { id: c.id });
    await state.open(c.id);
    expect(state.load.status === 'error' && state.load.error.message).toContain('deleted');
  });

  it('#/case keeps the open case on screen rather than switching, and reads it again', async () => {
    const { state, seed, api } = setup();
    const a = await seed({ title: 'A' });
    await state.open(a.id);
    await seed({ title: 'B, updated later' });
    // The case list renamed it meanwhile.
    await api.call('cases.update', { id: a.id, title: 'A, renamed in the list' });
    await state.open(null);
    expect(state.id).toBe(a.id);
    expect(state.details.title).toBe('A, renamed in the list');
  });

  it('reading the case on screen again keeps names typed that break the rule, and unsaved text', async () => {
    const { state, seed } = setup();
    const a = await seed({ names: { sipDomain: 'contoso.com' } });
    await state.open(a.id);
    state.setName('edgePoolFqdn', 'edge;pool');
    state.setSymptom('typing');
    await state.open(a.id);
    expect(state.draft.names).toEqual({ sipDomain: 'contoso.com', edgePoolFqdn: 'edge;pool' });
    expect(state.draft.symptom).toBe('typing');
    expect(state.result).not.toBeNull();
  });
  it('#/case goes on with another case when the one on screen was deleted from the list', async () => {
    const { state, seed, api } = setup();
    const other = await seed({ title: 'other' });
    const shown = await seed({ title: 'shown' });
    await state.open(shown.id);
    state.setSymptom('typed before the delete');
    await api.call('cases.delete', { id: shown.id });
    await state.open(null);
    expect(state.id).toBe(other.id);
    expect(state.load).toEqual({ status: 'ready' });
    // The change to the deleted case went with it: nothing waits, nothing is reported as failing.
    expect(state.save.status).toBe('saved');
  });
});

describe('CaseState: autosave', () => {
  it('saves a choice at once, with a line in the case’s history', async () => {
    const { state, saved } = await opened();
    await state.setTopology('lync2013-onprem');
    await state.setFeature('free-busy', 'broken');
    await state.setDirsync('yes');
    await state.answer('p-provider', 'yes');
    await state.flush();
    const c = await saved();
    expect(c.file).toEqual({
      topology: 'lync2013-onprem',
      features: { 'free-busy': 'broken' },
      dirsync: true,
      answers: { 'p-provider': 'yes' },
    });
    // (The store also notes the conclusion its own engine reaches: not what this test is about.)
    expect(c.history.filter((e) => e.type !== 'concluded').map((e) => `${e.type} ${e.detail}`)).toEqual([
      'created ',
      'environment-changed topology=lync2013-onprem',
      'environment-changed features.free-busy=broken',
      'environment-changed dirsync=true',
      'answered p-provider=yes',
    ]);
    expect(state.save).toEqual({ status: 'saved', at: c.updatedAt });
  });

  it('text waits for typing to pause, then saves only valid names, trimmed; flush saves at once', async () => {
    const { state, saved, count } = await opened();
    const updates = count('cases.update');
    state.setSymptom('  OWA has no presence  ');
    state.setName('sipDomain', ' contoso.com ');
    state.setName('edgePoolFqdn', 'edge"; Remove-Item');
    expect(count('cases.update')).toBe(updates);
    expect(state.save.status).toBe('saving');
    expect(state.unsaved).toBe(true);
    await state.flush();
    expect(count('cases.update')).toBe(updates + 1);
    expect((await saved()).file).toEqual({ symptom: 'OWA has no presence', names: { sipDomain: 'contoso.com' } });
    expect(state.nameProblems).toEqual({ edgePoolFqdn: { kind: 'characters', chars: ['"', ';'] } });
    expect(state.unsaved).toBe(false);
    expect(state.save.status).toBe('saved');
    // What was typed stays on screen as typed.
    expect(state.draft.names.edgePoolFqdn).toBe('edge"; Remove-Item');
  });

  it('clearing a field clears it in the store', async () => {
    const { state, saved } = await opened();
    await state.setTopology('sfb-online');
    state.setSymptom('x');
    await state.flush();
    await state.setTopology(null);
    state.setSymptom('');
    await state.flush();
    expect((await saved()).file).toEqual({});
  });

  it('title, customer and ticket are saved as typed, once typing pauses', async () => {
    const { state, saved } = await opened();
    state.setTitle('OWA presence');
    state.setCustomer('Contoso');
    state.setTicket('SR-1042');
    expect(state.details).toEqual({ title: 'OWA presence', customer: 'Contoso', ticket: 'SR-1042' });
    await state.flush();
    const c = await saved();
    expect([c.title, c.customer, c.ticket]).toEqual(['OWA presence', 'Contoso', 'SR-1042']);
    expect(c.history.slice(1).map((e) => e.type)).toEqual(['renamed', 'details-changed', 'details-changed']);
  });

  it('a refused save keeps the value, says why, and goes through on retry', async () => {
    let refuse = true;
    const { state, saved, forward } = await opened({
      handlers: {
        'cases.update': (input) =>
          refuse ? fail({ code: 'database-error', message: 'The database is locked' }) : forward('cases.update', input),
      },
    });
    await state.setTopology('lync2013-onprem');
    state.setSymptom('No presence');
    await state.flush();
    expect(state.save).toEqual({
      status: 'error',
      error: { code: 'database-error', message: 'The database is locked' },
    });
    expect(state.unsaved).toBe(true);
    expect(state.draft.topology).toBe('lync2013-onprem');
    expect(state.draft.symptom).toBe('No presence');
    expect((await saved()).file).toEqual({});

    // A later edit does not lose the refused one: both go together.
    await state.setCloud('gcc-high');
    refuse = false;
    await state.retrySave();
    expect((await saved()).file).toEqual({ topology: 'lync2013-onprem', symptom: 'No presence', cloud: 'gcc-high' });
    expect(state.save.status).toBe('saved');
    expect(state.unsaved).toBe(false);
  });

  it('a save refused for a passing reason is tried again by itself', async () => {
    let refusals = 1;
    const s = setup({
      handlers: {
        'cases.update': (input) =>
          refusals-- > 0
            ? fail({ code: 'unavailable', message: 'Cannot reach the LEXO service' })
            : s.forward('cases.update', input),
      },
    });
    const state = new CaseState({ client: s.client, lang: 'en', delay: 60_000, retryDelay: 0 });
    await state.open(null);
    await state.setTopology('sfb-online');
    await vi.waitFor(async () => expect((await s.stored(state.id!)).file).toEqual({ topology: 'sfb-online' }));
    await vi.waitFor(() => expect(state.save.status).toBe('saved'));
  });

  it('leaving a case for another saves what was typed in the first, in the first', async () => {
    const { state, seed, stored } = setup();
    const a = await seed({ title: 'A' });
    const b = await seed({ title: 'B', topology: 'sfb-online' });
    await state.open(a.id);
    state.setSymptom('typed in A');
    state.setTicket('SR-A');
    await state.open(b.id);
    expect(state.id).toBe(b.id);
    expect(state.draft.symptom).toBe('');
    expect((await stored(a.id)).file).toEqual({ symptom: 'typed in A' });
    expect((await stored(a.id)).ticket).toBe('SR-A');
    expect((await stored(b.id)).file).toEqual({ topology: 'sfb-online' });
  });

  it('a case left with a refused save shows the unsaved values when opened again, and keeps retrying', async () => {
    let refuse = true;
    const { state, seed, stored, forward } = setup({
      handlers: {
        'cases.update': (input) =>
          refuse ? fail({ code: 'database-error', message: 'locked' }) : forward('cases.update', input),
      },
    });
    const a = await seed({ title: 'A' });
    const b = await seed({ title: 'B' });
    await state.open(a.id);
    await state.setTopology('lync2013-hybrid');
    await state.open(b.id);
    await state.open(a.id);
    expect(state.draft.topology).toBe('lync2013-hybrid');
    refuse = false;
    await state.retrySave();
    expect((await stored(a.id)).file).toEqual({ topology: 'lync2013-hybrid' });
  });
});

describe('CaseState: diagnosing', () => {
  it('asks engine.diagnose again on every change, with the case as the engine accepts it', async () => {
    const { state, sent, last } = await opened();
    expect(sent()).toEqual([{ case: {}, lang: 'en' }]);
    expect(question(state)).toBe('root');

    await state.setTopology('lync2013-onprem');
    expect(last()).toEqual({ case: { topology: 'lync2013-onprem' }, lang: 'en' });
    expect(question(state)).toBe('p-provider');

    await state.setFeature('free-busy', 'broken');
    await state.setFeature('voicemail', 'works');
    await state.setFeature('voicemail', 'unknown');
    await state.setDirsync('no');
    expect(last()?.case).toEqual({ topology: 'lync2013-onprem', features: { 'free-busy': 'broken' }, dirsync: false });

    await state.answer('p-provider', 'no');
    expect(last()?.case.answers).toEqual({ 'p-provider': 'no' });
    expect(state.result?.status).toBe('concluded');
  });

  it('waits for typing to pause before asking again', async () => {
    const { state, sent, last } = await opened();
    state.setName('sipDomain', ' contoso.com ');
    state.setSymptom('  OWA has no presence  ');
    expect(state.pending).toBe(true);
    expect(sent()).toHaveLength(1);
    await state.flush();
    expect(sent()).toHaveLength(2);
    expect(last()?.case).toEqual({ symptom: 'OWA has no presence', names: { sipDomain: 'contoso.com' } });
  });

  it('re-asks in the new UI language, keeping the case and the case’s own language', async () => {
    const { state, last } = await opened();
    await state.setTopology('lync2013-onprem');
    await state.setLang('fr');
    expect(last()).toEqual({ case: { topology: 'lync2013-onprem' }, lang: 'fr' });
    expect(state.result?.status === 'needs-answer' && state.result.question.text).toContain('[fr]');
    expect(state.draft.topology).toBe('lync2013-onprem');
    expect(state.caseLang).toBe('en');
    expect(state.record?.lang).toBe('en');
  });

  it('does not ask before a case is open; a language change then is only remembered', async () => {
    const { state, sent } = setup();
    await state.setLang('zh-TW');
    await state.knowledgeChanged();
    await state.ensure();
    expect(sent()).toEqual([]);
    await state.open(null);
    await state.ensure();
    expect(sent()).toEqual([{ case: {}, lang: 'zh-TW' }]);
    await state.knowledgeChanged();
    expect(sent()).toHaveLength(2);
  });

  it('the latest call wins: an older answer arriving late is ignored', async () => {
    const first = deferred<ApiResult<DiagnoseResult>>();
    const second = deferred<ApiResult<DiagnoseResult>>();
    const queue = [first, second];
    let opening = true;
    const { state } = setup({
      diagnose: (input) => (opening ? fakeDiagnose(input) : queue.shift()!.promise),
    });
    await state.open(null);
    opening = false;
    const a = state.setTopology('sfb-online');
    const b = state.setTopology('lync2013-onprem');
    second.resolve(fakeDiagnose({ case: { topology: 'lync2013-onprem' } }));
    await b;
    first.resolve(fakeDiagnose({ case: { topology: 'sfb-online' } }));
    await a;
    expect(question(state)).toBe('p-provider');
    expect(state.pending).toBe(false);
  });

  it('keeps the previous result on screen while the next one is on its way', async () => {
    const later = deferred<ApiResult<DiagnoseResult>>();
    let calls = 0;
    const { state } = setup({ diagnose: (input) => (++calls === 1 ? fakeDiagnose(input) : later.promise) });
    await state.open(null);
    const shown = state.result;
    const next = state.setTopology('lync2013-onprem');
    expect(state.pending).toBe(true);
    expect(state.result).toBe(shown);
    later.resolve(fakeDiagnose({ case: { topology: 'lync2013-onprem' } }));
    await next;
    expect(question(state)).toBe('p-provider');
  });

  it('shows an error with its message, and clears it once a call succeeds', async () => {
    let broken = true;
    const { state } = await opened({
      diagnose: (input) =>
        broken ? fail({ code: 'pack-error', message: 'The diagnostic tree has no node "root"' }) : fakeDiagnose(input),
    });
    expect(state.error).toEqual({ code: 'pack-error', message: 'The diagnostic tree has no node "root"' });
    expect(state.result).toBeNull();
    broken = false;
    await state.refresh();
    expect(state.error).toBeNull();
    expect(question(state)).toBe('root');
  });
});

describe('CaseState: answers', () => {
  it('drops answers the walk no longer uses, in the store too', async () => {
    const { state, last, saved } = await opened();
    await state.answer('root', 'onprem');
    await state.answer('p-provider', 'yes');
    expect(state.draft.answers).toEqual({ root: 'onprem', 'p-provider': 'yes' });

    // The topology is now in the form: the answer to "where do the users sign in?" is stale.
    await state.setTopology('lync2013-onprem');
    expect(state.result?.trail.find((e) => e.id === 'root')?.source).toBe('case');
    expect(state.draft.answers).toEqual({ 'p-provider': 'yes' });
    await state.flush();
    expect((await saved()).file.answers).toEqual({ 'p-provider': 'yes' });

    // An answer to a question the path never reaches (online: no hosting-provider question) is dropped too.
    await state.setTopology('sfb-online');
    expect(state.draft.answers).toEqual({});
    await state.setTopology(null);
    expect(last()?.case).toEqual({});
    await state.flush();
    expect((await saved()).file).toEqual({});
  });

  it('changing an earlier answer drops it and every later one, and asks that question again', async () => {
    const { state, last, saved } = await opened();
    await state.answer('root', 'onprem');
    await state.answer('p-provider', 'yes');
    await state.answer('p-dns', 'no');
    expect(state.result?.status).toBe('concluded');
    expect(state.result?.trail.map((e) => e.id)).toEqual(['root', 'p-provider', 'p-dns']);

    await state.reopen('p-provider');
    expect(state.draft.answers).toEqual({ root: 'onprem' });
    expect(last()?.case.answers).toEqual({ root: 'onprem' });
    expect(question(state)).toBe('p-provider');
    await state.flush();
    const history = (await saved()).history.map((e) => `${e.type} ${e.detail}`);
    expect(history.slice(-2)).toEqual(['answer-cleared p-provider', 'answer-cleared p-dns']);

    await state.reopen('root');
    expect(state.draft.answers).toEqual({});
    expect(question(state)).toBe('root');
  });

  it('answersFrom keeps answers the case gave out of it', () => {
    const trail = [
      { id: 'feature.free-busy', question: 'Free/busy', answer: 'broken', choice: 'broken', source: 'case' as const },
      { id: 'a', question: 'A', answer: 'Yes', choice: 'yes', source: 'user' as const },
      { id: 'b', question: 'B', answer: 'No', choice: 'no', source: 'evidence' as const },
      { id: 'c', question: 'C', answer: 'No', choice: 'no', source: 'user' as const },
    ];
    expect(answersFrom(trail, 'a')).toEqual(['a', 'c']);
    expect(answersFrom(trail, 'c')).toEqual(['c']);
    expect(answersFrom(trail, 'gone')).toEqual(['gone']);
  });

  it('clearAnswers recovers from answers the knowledge base no longer accepts', async () => {
    // The engine refuses the answer to a question its tree no longer has (the store's tree does not know it).
    const { state, seed } = setup({
      diagnose: (input) =>
        input.case.answers?.['q-gone']
          ? fail({ code: 'invalid-input', message: '"x" is not an answer to question q-gone' })
          : fakeDiagnose(input),
    });
    const c = await seed({ answers: { 'q-gone': 'x' } });
    await state.open(c.id);
    expect(state.error?.code).toBe('invalid-input');
    await state.clearAnswers();
    expect(state.error).toBeNull();
    expect(question(state)).toBe('root');
  });
});

describe('CaseState: new cases', () => {
  it('“New case” stores a new empty case and keeps the one left as it was', async () => {
    const { state, api, id: first } = await opened();
    await state.setTopology('sfb-online');
    state.setSymptom('left behind');
    const created = await state.newCase();
    expect(created.ok && created.value).toBe(state.id);
    expect(state.id).not.toBe(first);
    expect(state.empty).toBe(true);
    expect(question(state)).toBe('root');
    expect((await api.call('cases.get', { id: first })).file).toEqual({
      topology: 'sfb-online',
      symptom: 'left behind',
    });
    expect((await api.call('cases.list', {})).total).toBe(2);
  });

  it('a symptom starts a new stored case: its text, its features broken, no answers', async () => {
    const { state, last, stored } = await opened();
    await state.setTopology('lync2013-onprem');
    await state.answer('p-provider', 'no');
    const created = await state.startFromSymptom('OWA shows no presence', ['owa-im-presence', 'free-busy']);
    expect(created.ok).toBe(true);
    expect(state.draft).toEqual({
      ...emptyDraft(),
      symptom: 'OWA shows no presence',
      features: { 'owa-im-presence': 'broken', 'free-busy': 'broken' },
    });
    expect(last()?.case).toEqual({
      symptom: 'OWA shows no presence',
      features: { 'owa-im-presence': 'broken', 'free-busy': 'broken' },
    });
    expect((await stored(state.id!)).title).toBe('OWA shows no presence');
  });

  it('a case started from a symptom while #/case opens is the one shown', async () => {
    const { state, seed } = setup();
    const old = await seed({ title: 'old' });
    await state.open(old.id);
    const starting = state.startFromSymptom('No free/busy', []);
    const opening = state.open(null);
    await Promise.all([starting, opening]);
    expect(state.draft.symptom).toBe('No free/busy');
  });

  it('says why a new case could not be created, and keeps the current one', async () => {
    const { state, seed } = setup({
      handlers: { 'cases.create': () => fail({ code: 'database-error', message: 'disk full' }) },
    });
    const c = await seed({ title: 'kept' });
    await state.open(c.id);
    expect(await state.newCase()).toEqual({ ok: false, error: { code: 'database-error', message: 'disk full' } });
    expect(state.id).toBe(c.id);
    expect(state.load.status).toBe('ready');
  });

  it('#/case with no open case and a store that cannot create one is a load error', async () => {
    const { state } = setup({
      handlers: { 'cases.create': () => fail({ code: 'database-error', message: 'disk full' }) },
    });
    await state.open(null);
    expect(state.load).toMatchObject({ status: 'error', id: null, error: { message: 'disk full' } });
  });
});

describe('CaseState: notes, status, export', () => {
  it('adds, edits and removes notes, each saved with its time and a history line', async () => {
    const { state, saved } = await opened();
    expect(await state.addNote('Line one\nLine two')).toBeNull();
    expect(await state.addNote('Second')).toBeNull();
    const [first, second] = state.notes;
    expect(first).toMatchObject({ text: 'Line one\nLine two' });
    expect(first!.createdAt).toBe(first!.updatedAt);
    expect(await state.editNote(second!.id, 'Second, edited')).toBeNull();
    expect(state.notes[1]).toMatchObject({ text: 'Second, edited', createdAt: second!.createdAt });
    expect(state.notes[1]!.updatedAt > second!.updatedAt).toBe(true);
    expect(await state.removeNote(first!.id)).toBeNull();
    expect((await saved()).notes.map((n) => n.text)).toEqual(['Second, edited']);
    expect(state.history.slice(1).map((e) => e.type)).toEqual([
      'note-added',
      'note-added',
      'note-edited',
      'note-removed',
    ]);
  });

  it('a note refused by the store comes back as an error; the note being typed is kept', async () => {
    const { state, storage, id, client } = await opened();
    state.setNoteDraft('   ');
    const error = await state.addNote('   ');
    expect(error?.code).toBe('invalid-input');
    expect(error?.message).toContain('a note cannot be empty');
    state.setNoteDraft('half a thought');
    expect(JSON.parse(storage.map.get(NOTE_DRAFTS_KEY) ?? '{}')).toEqual({ [id]: 'half a thought' });
    expect(state.unsaved).toBe(true);
    // A reload finds it.
    const again = new CaseState({ client, storage, lang: 'en' });
    await again.open(id);
    expect(again.noteDraft).toBe('half a thought');
    expect(await state.addNote('half a thought')).toBeNull();
    expect(state.noteDraft).toBe('');
    expect(JSON.parse(storage.map.get(NOTE_DRAFTS_KEY) ?? '{}')).toEqual({});
  });

  it('closes and reopens the case', async () => {
    const { state, saved } = await opened();
    expect(state.status).toBe('open');
    expect(await state.setStatus('closed')).toBeNull();
    expect(state.status).toBe('closed');
    expect((await saved()).closedAt).not.toBeNull();
    expect(await state.setStatus('open')).toBeNull();
    expect((await saved()).status).toBe('open');
    expect(state.history.slice(-2).map((e) => e.type)).toEqual(['closed', 'reopened']);
  });

  it('exports the case file with what was just typed', async () => {
    const { state, download } = await opened();
    state.setTicket('SR 77/b');
    state.setSymptom('Typed just now');
    expect(await state.exportJson()).toBeNull();
    expect(download).toHaveBeenCalledTimes(1);
    const [fileName, text] = download.mock.calls[0]!;
    expect(fileName).toBe('lexo-case-SR-77-b.json');
    const file = JSON.parse(text) as CaseInput;
    expect(file.symptom).toBe('Typed just now');
    expect(file.lexo?.ticket).toBe('SR 77/b');
  });
});

describe('CaseState: the old local draft', () => {
  it('moves a draft with anything in it into the store on first start, evidence included, then forgets it', async () => {
    const storage = memoryStorage({
      [CASE_STORAGE_KEY]: JSON.stringify({
        symptom: 'OWA has no presence',
        topology: 'lync2013-onprem',
        dirsync: 'yes',
        features: { 'free-busy': 'broken' },
        names: { sipDomain: 'contoso.com', tenant: 'bad"name' },
        answers: { 'p-provider': 'no' },
        evidence: [{ name: 'Paste 1', text: 'Get-CsHostingProvider' }],
      }),
    });
    const removeItem = vi.fn((key: string) => void storage.map.delete(key));
    const { state, api } = setup({ storage: Object.assign(storage, { removeItem }) });
    await state.ready;
    expect(removeItem).toHaveBeenCalledWith(CASE_STORAGE_KEY);
    expect(storage.map.has(CASE_STORAGE_KEY)).toBe(false);
    const { cases } = await api.call('cases.list', {});
    expect(cases).toHaveLength(1);
    const c = await api.call('cases.get', { id: cases[0]!.id });
    expect(c.file).toEqual({
      symptom: 'OWA has no presence',
      topology: 'lync2013-onprem',
      dirsync: true,
      features: { 'free-busy': 'broken' },
      names: { sipDomain: 'contoso.com' },
      answers: { 'p-provider': 'no' },
    });
    expect(c.evidence.map((e) => [e.name, e.text])).toEqual([['Paste 1', 'Get-CsHostingProvider']]);
    // #/case then opens it.
    await state.open(null);
    expect(state.id).toBe(c.id);
  });

  it('an empty draft makes no case; a storage without removeItem gets the key emptied', async () => {
    const storage = memoryStorage({ [CASE_STORAGE_KEY]: JSON.stringify({ dirsync: 'unknown', answers: {} }) });
    const { state, api } = setup({ storage });
    await state.ready;
    expect((await api.call('cases.list', {})).total).toBe(0);
    expect(storage.map.get(CASE_STORAGE_KEY)).toBe('');
  });

  it('a draft the store could not take stays for the next start', async () => {
    const text = JSON.stringify({ topology: 'sfb-online' });
    const storage = memoryStorage({ [CASE_STORAGE_KEY]: text });
    const { state } = setup({
      storage,
      handlers: { 'cases.create': () => fail({ code: 'database-error', message: 'read-only database' }) },
    });
    await state.ready;
    expect(storage.map.get(CASE_STORAGE_KEY)).toBe(text);
  });

  it('reads back only what it understands from the old draft', () => {
    expect(parseDraft('not json')).toEqual(emptyDraft());
    expect(parseDraft(null)).toEqual(emptyDraft());
    const draft = parseDraft(
      JSON.stringify({
        symptom: 42,
        topology: 'lync2010',
        exchange: 'exchange-online',
        dirsync: 'maybe',
        features: { 'free-busy': 'broken', 'owa-im-presence': 'sideways', 'Bad Id': 'works' },
        names: { sipDomain: 'contoso.com', proxyFqdn: 'evil.example', tenant: 7 },
        answers: { root: 'onprem', 'p-dns': 'Yes!', 'bad id': 'no' },
      }),
    );
    expect(draft).toEqual({
      ...emptyDraft(),
      exchange: 'exchange-online',
      features: { 'free-busy': 'broken' },
      names: { sipDomain: 'contoso.com' },
      answers: { root: 'onprem' },
    });
  });
});

describe('drafts and times', () => {
  it('draftOf shows a stored file as the form does', () => {
    expect(draftOf({ dirsync: true, features: { a: 'unknown', b: 'works' } }, [])).toEqual({
      ...emptyDraft(),
      dirsync: 'yes',
      features: { b: 'works' },
    });
  });

  it('savedTime gives the time alone today, the date too otherwise, in the language asked', () => {
    const now = new Date(2026, 2, 4, 15, 0).getTime();
    const today = new Date(2026, 2, 4, 10, 42).toISOString();
    const before = new Date(2026, 2, 1, 10, 42).toISOString();
    expect(savedTime(today, 'en', now)).toMatch(/^10:42\s?AM$/);
    expect(savedTime(today, 'fr', now)).toBe('10:42');
    expect(savedTime(before, 'en', now)).toMatch(/^Mar 1, 2026, 10:42\s?AM$/);
    expect(savedTime('not a date', 'en', now)).toBe('not a date');
  });
});

describe('names: the host’s rule', () => {
  it.each([
    ['contoso.com', null],
    ['user@contoso.com', null],
    ['https://autodiscover.contoso.com/autodiscover/autodiscover.svc', null],
    ['CONTOSO\\lyncadmin', null],
    ['OWA Access_Policy-2', null],
    ['   ', null],
    ['', null],
    ['"contoso.com"', { kind: 'characters', chars: ['"'] }],
    ['contoso.com; Remove-Item C:\\', { kind: 'characters', chars: [';'] }],
    ['$(Get-Process)', { kind: 'characters', chars: ['$', '(', ')'] }],
    ["it's", { kind: 'characters', chars: ["'"] }],
    ['a`b|c', { kind: 'characters', chars: ['`', '|'] }],
    ['-contoso.com', { kind: 'start' }],
    ['.contoso', { kind: 'start' }],
    [`a${'b'.repeat(256)}`, { kind: 'too-long', max: 256 }],
  ])('%j → %j', (input, problem) => {
    expect(nameProblem(input)).toEqual(problem);
  });

  it('a valid name is sent trimmed; an invalid or empty one is not sent at all', () => {
    const input: CaseInput = toCaseInput({
      ...emptyDraft(),
      names: { sipDomain: '  contoso.com ', tenant: 'contoso"', edgePoolFqdn: '   ' },
    });
    expect(input.names).toEqual({ sipDomain: 'contoso.com' });
    expect(toCaseInput(emptyDraft())).toEqual({});
  });
});
