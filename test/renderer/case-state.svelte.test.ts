// The case state on its own: what it sends to engine.diagnose, what it keeps, and which answers it drops.
import { describe, expect, it } from 'vitest';
import type { ApiResult, CaseInput, DiagnoseResult } from '../../src-main/core/contract';
import {
  CASE_STORAGE_KEY,
  CaseState,
  answersFrom,
  emptyDraft,
  nameProblem,
  parseDraft,
  toCaseInput,
} from '../../src-renderer/lib/case.svelte';
import { fakeDiagnose } from './case-engine';
import { deferred, fail, memoryStorage, stubApi, type Handler } from './helpers';

function setup(storage = memoryStorage(), handler: Handler<'engine.diagnose'> = fakeDiagnose) {
  const api = stubApi({ 'engine.diagnose': handler });
  const state = new CaseState({ client: api.client, storage, lang: 'en', delay: 0 });
  const sent = () => api.inputsOf('engine.diagnose');
  const last = () => sent().at(-1);
  return { ...api, state, storage, sent, last };
}

function question(state: CaseState): string | null {
  return state.result?.status === 'needs-answer' ? state.result.question.id : null;
}

describe('CaseState: persistence', () => {
  it('keeps the whole case under one key, and a new state (a reload) reads it back', async () => {
    const { state, storage } = setup();
    await state.setTopology('lync2013-onprem');
    await state.setFeature('free-busy', 'broken');
    await state.setDirsync('yes');
    await state.setCloud('gcc-high');
    await state.setExchange('exchange-hybrid');
    state.setName('sipDomain', 'contoso.com');
    state.setSymptom('No presence in OWA');
    await state.flush();
    await state.answer('p-provider', 'yes');
    state.addEvidence([{ name: 'Paste 1', text: 'Get-CsHostingProvider' }]);

    expect([...storage.map.keys()]).toEqual([CASE_STORAGE_KEY]);
    const reloaded = new CaseState({ client: stubApi().client, storage, lang: 'en' });
    expect(reloaded.draft).toEqual({
      symptom: 'No presence in OWA',
      topology: 'lync2013-onprem',
      exchange: 'exchange-hybrid',
      cloud: 'gcc-high',
      dirsync: 'yes',
      features: { 'free-busy': 'broken' },
      names: { sipDomain: 'contoso.com' },
      answers: { 'p-provider': 'yes' },
      evidence: [{ name: 'Paste 1', text: 'Get-CsHostingProvider' }],
    });
  });

  it('reads back only what it understands from storage', () => {
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

  it('"New case" clears everything, in memory and in storage', async () => {
    const { state, storage } = setup();
    await state.setTopology('sfb-online');
    await state.answer('p-dns', 'no');
    expect(state.empty).toBe(false);
    await state.newCase();
    expect(state.empty).toBe(true);
    expect(JSON.parse(storage.map.get(CASE_STORAGE_KEY) ?? '')).toEqual(emptyDraft());
    expect(question(state)).toBe('root');
  });
});

describe('CaseState: diagnosing', () => {
  it('asks engine.diagnose again on every change, with the case as the engine accepts it', async () => {
    const { state, sent, last } = setup();
    await state.ensure();
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

  it('waits for typing to pause before asking again, and sends only valid names, trimmed', async () => {
    const { state, sent, last } = setup();
    await state.ensure();
    state.setName('sipDomain', ' contoso.com ');
    state.setName('edgePoolFqdn', 'edge"; Remove-Item');
    state.setSymptom('  OWA has no presence  ');
    expect(state.pending).toBe(true);
    expect(sent()).toHaveLength(1);
    await state.flush();
    expect(sent()).toHaveLength(2);
    expect(last()?.case).toEqual({ symptom: 'OWA has no presence', names: { sipDomain: 'contoso.com' } });
    expect(state.nameProblems).toEqual({ edgePoolFqdn: { kind: 'characters', chars: ['"', ';'] } });
  });

  it('re-asks in the new language, keeping the case', async () => {
    const { state, last } = setup();
    await state.setTopology('lync2013-onprem');
    await state.setLang('fr');
    expect(last()).toEqual({ case: { topology: 'lync2013-onprem' }, lang: 'fr' });
    expect(state.result?.status === 'needs-answer' && state.result.question.text).toContain('[fr]');
    expect(state.draft.topology).toBe('lync2013-onprem');
  });

  it('does not ask before the screen opens; a language change then is only remembered', async () => {
    const { state, sent } = setup();
    await state.setLang('zh-TW');
    await state.knowledgeChanged();
    expect(sent()).toEqual([]);
    await state.ensure();
    await state.ensure();
    expect(sent()).toEqual([{ case: {}, lang: 'zh-TW' }]);
    await state.knowledgeChanged();
    expect(sent()).toHaveLength(2);
  });

  it('the latest call wins: an older answer arriving late is ignored', async () => {
    const first = deferred<ApiResult<DiagnoseResult>>();
    const second = deferred<ApiResult<DiagnoseResult>>();
    const queue = [first, second];
    const { state } = setup(memoryStorage(), (input) => {
      void input;
      return queue.shift()!.promise;
    });
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
    const { state } = setup(memoryStorage(), (input) => (++calls === 1 ? fakeDiagnose(input) : later.promise));
    await state.ensure();
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
    const { state } = setup(memoryStorage(), (input) =>
      broken ? fail({ code: 'pack-error', message: 'The diagnostic tree has no node "root"' }) : fakeDiagnose(input),
    );
    await state.ensure();
    expect(state.error).toEqual({ code: 'pack-error', message: 'The diagnostic tree has no node "root"' });
    expect(state.result).toBeNull();
    broken = false;
    await state.refresh();
    expect(state.error).toBeNull();
    expect(question(state)).toBe('root');
  });
});

describe('CaseState: answers', () => {
  it('drops answers the walk no longer uses, e.g. one the case form now gives', async () => {
    const { state, last } = setup();
    await state.answer('root', 'onprem');
    await state.answer('p-provider', 'yes');
    expect(state.draft.answers).toEqual({ root: 'onprem', 'p-provider': 'yes' });

    // The topology is now in the form: the answer to "where do the users sign in?" is stale.
    await state.setTopology('lync2013-onprem');
    expect(state.result?.trail.find((e) => e.id === 'root')?.source).toBe('case');
    expect(state.draft.answers).toEqual({ 'p-provider': 'yes' });

    // An answer to a question the path never reaches (online: no hosting-provider question) is dropped too.
    await state.setTopology('sfb-online');
    expect(state.draft.answers).toEqual({});
    await state.setTopology(null);
    expect(last()?.case).toEqual({});
  });

  it('changing an earlier answer drops it and every later one, and asks that question again', async () => {
    const { state, last } = setup();
    await state.answer('root', 'onprem');
    await state.answer('p-provider', 'yes');
    await state.answer('p-dns', 'no');
    expect(state.result?.status).toBe('concluded');
    expect(state.result?.trail.map((e) => e.id)).toEqual(['root', 'p-provider', 'p-dns']);

    await state.reopen('p-provider');
    expect(state.draft.answers).toEqual({ root: 'onprem' });
    expect(last()?.case.answers).toEqual({ root: 'onprem' });
    expect(question(state)).toBe('p-provider');

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

  it('a symptom starts a new case: its text, its features broken, no answers', async () => {
    const { state, last } = setup();
    await state.setTopology('lync2013-onprem');
    await state.answer('p-provider', 'no');
    await state.startFromSymptom('OWA shows no presence', ['owa-im-presence', 'free-busy']);
    expect(state.draft).toEqual({
      ...emptyDraft(),
      symptom: 'OWA shows no presence',
      features: { 'owa-im-presence': 'broken', 'free-busy': 'broken' },
    });
    expect(last()?.case).toEqual({
      symptom: 'OWA shows no presence',
      features: { 'owa-im-presence': 'broken', 'free-busy': 'broken' },
    });
  });

  it('clearAnswers recovers from answers the knowledge base no longer accepts', async () => {
    const storage = memoryStorage({ [CASE_STORAGE_KEY]: JSON.stringify({ answers: { root: 'elsewhere' } }) });
    const { state } = setup(storage);
    await state.ensure();
    expect(state.error?.code).toBe('invalid-input');
    await state.clearAnswers();
    expect(state.error).toBeNull();
    expect(question(state)).toBe('root');
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
