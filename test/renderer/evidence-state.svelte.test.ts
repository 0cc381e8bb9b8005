// Evidence in the case state (added, validated, kept, sent to the engine, removed) and the helpers the evidence
// panel uses to show fact names, values and the conclusion a finding points at.
import { describe, expect, it, vi } from 'vitest';
import type { EvidenceAnalysisView } from '../../src-main/core/contract';
import {
  CASE_STORAGE_KEY,
  CaseState,
  EVIDENCE_TEXT_MAX,
  defaultEvidenceName,
  emptyDraft,
  parseDraft,
} from '../../src-renderer/lib/case.svelte';
import {
  bySeverity,
  conclusionLink,
  EvidenceAnalysis,
  evidenceContext,
  factLabel,
  factValue,
  fillNames,
} from '../../src-renderer/lib/evidence.svelte';
import { fakeDiagnose } from './case-engine';
import { deferred, memoryStorage, stubApi, value } from './helpers';

function setup(storage = memoryStorage()) {
  const api = stubApi({ 'engine.diagnose': fakeDiagnose });
  const state = new CaseState({ client: api.client, storage, lang: 'en', delay: 0 });
  const last = () => api.inputsOf('engine.diagnose').at(-1);
  return { ...api, state, storage, last };
}

const stored = (storage: ReturnType<typeof memoryStorage>) =>
  JSON.parse(storage.map.get(CASE_STORAGE_KEY) ?? '{}') as { evidence?: unknown };

describe('CaseState: evidence', () => {
  it('adds pieces to the case, keeps them in storage and sends them to engine.diagnose', async () => {
    const { state, storage, last } = setup();
    const result = state.addEvidence([
      { name: ' Edge ', text: 'Get-CsAccessEdgeConfiguration' },
      { name: '', text: 'Resolve-DnsName' },
    ]);
    expect(result).toEqual({ added: 2, problems: [] });
    expect(state.draft.evidence).toEqual([
      { name: 'Edge', text: 'Get-CsAccessEdgeConfiguration' },
      { name: 'Paste 2', text: 'Resolve-DnsName' },
    ]);
    expect(stored(storage).evidence).toEqual(state.draft.evidence);
    await vi.waitFor(() => expect(last()?.case.evidence).toEqual(state.draft.evidence));
    expect(state.empty).toBe(false);
    expect(parseDraft(storage.map.get(CASE_STORAGE_KEY) ?? null).evidence).toEqual(state.draft.evidence);
  });

  it('refuses empty and oversized pieces, and says why', () => {
    const { state } = setup();
    const result = state.addEvidence([
      { name: 'blank', text: '  \n ' },
      { name: 'huge', text: 'x'.repeat(EVIDENCE_TEXT_MAX + 1) },
      { name: 'fine', text: 'Get-CsUser' },
    ]);
    expect(result).toEqual({
      added: 1,
      problems: [
        { name: 'blank', problem: 'empty' },
        { name: 'huge', problem: 'too-large' },
      ],
    });
    expect(state.draft.evidence.map((e) => e.name)).toEqual(['fine']);
  });

  it('refuses a piece that would take the case over 20 MB', () => {
    const { state } = setup();
    const big = 'y'.repeat(EVIDENCE_TEXT_MAX);
    const pieces = [1, 2, 3, 4, 5].map((n) => ({ name: `part ${n}`, text: big }));
    const result = state.addEvidence(pieces);
    expect(result.added).toBe(4);
    expect(result.problems).toEqual([{ name: 'part 5', problem: 'case-full' }]);
  });

  it('removes a piece; the engine gets the case without it', async () => {
    const { state, storage, last } = setup();
    state.addEvidence([
      { name: 'a', text: 'one' },
      { name: 'b', text: 'two' },
    ]);
    await state.removeEvidence(0);
    expect(state.draft.evidence).toEqual([{ name: 'b', text: 'two' }]);
    expect(last()?.case.evidence).toEqual([{ name: 'b', text: 'two' }]);
    await state.removeEvidence(0);
    expect(last()?.case.evidence).toBeUndefined();
    expect(stored(storage).evidence).toEqual([]);
  });

  it('says when the case could not be kept (storage full) and keeps it in memory', () => {
    const storage = memoryStorage();
    const full = {
      getItem: storage.getItem,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    };
    const state = new CaseState({
      client: stubApi({ 'engine.diagnose': fakeDiagnose }).client,
      storage: full,
      lang: 'en',
      delay: 0,
    });
    expect(state.saveFailed).toBe(false);
    state.addEvidence([{ name: 'a', text: 'one' }]);
    expect(state.saveFailed).toBe(true);
    expect(state.draft.evidence).toHaveLength(1);
  });

  it('reads back only well-formed evidence', () => {
    const draft = parseDraft(
      JSON.stringify({ evidence: [{ name: 'ok', text: 'x' }, { name: 3, text: 'y' }, 'junk', { name: 'n' }] }),
    );
    expect(draft).toEqual({ ...emptyDraft(), evidence: [{ name: 'ok', text: 'x' }] });
  });

  it('names pastes Paste 1, Paste 2… skipping names already taken', () => {
    expect(defaultEvidenceName([])).toBe('Paste 1');
    expect(defaultEvidenceName([{ name: 'Paste 2', text: '' }])).toBe('Paste 3');
    expect(defaultEvidenceName([{ name: 'x', text: '' }], (n) => `Collage ${n}`)).toBe('Collage 2');
  });
});

describe('EvidenceAnalysis', () => {
  const view = (name: string): EvidenceAnalysisView => ({
    facts: {},
    findings: [],
    items: [{ name, parts: [] }],
    names: {},
  });

  it('asks evidence.analyze with the items and context; the latest call wins; no items, no call', async () => {
    const first = deferred<ReturnType<typeof value<EvidenceAnalysisView>>>();
    const api = stubApi({
      'evidence.analyze': ({ items }) => (items[0]?.name === 'slow' ? first.promise : value(view(items[0]!.name))),
    });
    const analysis = new EvidenceAnalysis(api.client);
    const slow = analysis.analyze([{ name: 'slow', text: 'a' }], { topology: 'sfb-online' });
    await analysis.analyze([{ name: 'fast', text: 'b' }], {});
    first.resolve(value(view('slow')));
    await slow;
    expect(analysis.result?.items[0]?.name).toBe('fast');
    expect(api.inputsOf('evidence.analyze')).toEqual([
      { items: [{ name: 'slow', text: 'a' }], context: { topology: 'sfb-online' } },
      { items: [{ name: 'fast', text: 'b' }], context: {} },
    ]);
    await analysis.analyze([], {});
    expect(analysis.result).toBeNull();
    expect(api.inputsOf('evidence.analyze')).toHaveLength(2);
  });

  it('keeps the error of a failed call', async () => {
    const api = stubApi({
      'evidence.analyze': () => ({ ok: false, error: { code: 'invalid-input', message: 'too big' } }),
    });
    const analysis = new EvidenceAnalysis(api.client);
    await analysis.analyze([{ name: 'a', text: 'b' }], {});
    expect(analysis.error).toEqual({ code: 'invalid-input', message: 'too big' });
  });
});

describe('evidence helpers', () => {
  it('builds the context from what the case states', () => {
    expect(evidenceContext({})).toEqual({});
    expect(evidenceContext({ topology: 'lync2013-onprem', cloud: '21vianet', exchange: 'exchange-online' })).toEqual({
      topology: 'lync2013-onprem',
      cloud: '21vianet',
      exchange: 'exchange-online',
    });
  });

  it('has words for the common facts and values', () => {
    expect(factLabel('step.5')).toEqual({ key: 'evidence.fact.step', params: { number: '5' } });
    expect(factLabel('provider.proxyFqdn')).toEqual({ key: 'evidence.fact.provider.proxyFqdn' });
    expect(factLabel('something.new')).toBeNull();
    expect(factValue('wrong')).toBe('evidence.value.wrong');
    expect(factValue('maybe')).toBeNull();
  });

  it('links a step or a KB article, nothing else', () => {
    expect(conclusionLink('step-5-hosting-provider')).toEqual({
      kind: 'step',
      href: '#/kb/step/step-5-hosting-provider',
    });
    expect(conclusionLink('kb-2614614')).toEqual({ kind: 'article', href: '#/kb/article/kb-2614614', kb: '2614614' });
    expect(conclusionLink('hosted-um-edge')).toBeNull();
  });

  it('fills the case names into fix commands and leaves the other placeholders', () => {
    expect(fillNames('Set-X -Domain {{sipDomain}} -Proxy "{{proxyFqdn}}"', { sipDomain: 'contoso.com' })).toBe(
      'Set-X -Domain contoso.com -Proxy "{{proxyFqdn}}"',
    );
  });

  it('orders findings errors first, keeping the order within a severity', () => {
    const f = (id: string, severity: 'error' | 'warning' | 'info') => ({
      id,
      severity,
      conclusion: '',
      message: '',
      kb: [],
      fix: [],
    });
    expect(bySeverity([f('a', 'info'), f('b', 'error'), f('c', 'warning'), f('d', 'error')]).map((x) => x.id)).toEqual([
      'b',
      'd',
      'c',
      'a',
    ]);
  });
});
