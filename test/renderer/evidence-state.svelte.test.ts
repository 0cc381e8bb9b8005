// Evidence in the case state (added, validated, kept, sent to the engine, removed) and the helpers the evidence
// panel uses to show fact names, values and the conclusion a finding points at.
import { describe, expect, it, vi } from 'vitest';
import type { EvidenceAnalysisView } from '../../src-main/core/contract';
import {
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
import { storeApi } from './case-engine';
import { deferred, fail, stubApi, value, type Handlers } from './helpers';

async function setup(handlers: Handlers = {}) {
  const api = storeApi(handlers);
  const state = new CaseState({ client: api.client, lang: 'en', delay: 0 });
  await state.open(null);
  const last = () => api.inputsOf('engine.diagnose').at(-1);
  const stored = () => api.stored(state.id!);
  return { ...api, state, last, stored };
}

describe('CaseState: evidence', () => {
  it('adds pieces to the stored case and sends them to engine.diagnose', async () => {
    const { state, stored, last } = await setup();
    const result = await state.addEvidence([
      { name: ' Edge ', text: 'Get-CsAccessEdgeConfiguration' },
      { name: '', text: 'Resolve-DnsName' },
    ]);
    expect(result).toEqual({ added: 2, problems: [] });
    expect(state.draft.evidence).toEqual([
      { name: 'Edge', text: 'Get-CsAccessEdgeConfiguration' },
      { name: 'Paste 2', text: 'Resolve-DnsName' },
    ]);
    const saved = await stored();
    expect(saved.evidence.map(({ name, text }) => ({ name, text }))).toEqual(state.draft.evidence);
    expect(state.evidence.map((e) => e.id)).toEqual(saved.evidence.map((e) => e.id));
    expect(saved.history.filter((e) => e.type === 'evidence-added').map((e) => e.detail)).toEqual(['Edge', 'Paste 2']);
    await vi.waitFor(() => expect(last()?.case.evidence).toEqual(state.draft.evidence));
    expect(state.empty).toBe(false);
  });

  it('refuses empty and oversized pieces before sending them, and says why', async () => {
    const { state, count } = await setup();
    const result = await state.addEvidence([
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
    expect(count('cases.addEvidence')).toBe(1);
    expect(state.draft.evidence.map((e) => e.name)).toEqual(['fine']);
  });

  it('refuses a piece that would take the case over 20 MB', async () => {
    const { state } = await setup();
    const big = 'y'.repeat(EVIDENCE_TEXT_MAX);
    const pieces = [1, 2, 3, 4, 5].map((n) => ({ name: `part ${n}`, text: big }));
    const result = await state.addEvidence(pieces);
    expect(result.added).toBe(4);
    expect(result.problems).toEqual([{ name: 'part 5', problem: 'case-full' }]);
  });

  it('a piece the store refuses comes back with the store’s message, and is not in the case', async () => {
    const { state, stored, forward } = await setup({
      'cases.addEvidence': (input) =>
        input.name === 'b'
          ? fail({ code: 'database-error', message: 'disk I/O error' })
          : forward('cases.addEvidence', input),
    });
    const result = await state.addEvidence([
      { name: 'a', text: 'one' },
      { name: 'b', text: 'two' },
    ]);
    expect(result).toEqual({ added: 1, problems: [{ name: 'b', problem: 'save', message: 'disk I/O error' }] });
    expect(state.draft.evidence).toEqual([{ name: 'a', text: 'one' }]);
    expect((await stored()).evidence.map((e) => e.name)).toEqual(['a']);
  });

  it('removes a piece by its id; the engine gets the case without it', async () => {
    const { state, stored, last } = await setup();
    await state.addEvidence([
      { name: 'a', text: 'one' },
      { name: 'b', text: 'two' },
    ]);
    expect(await state.removeEvidence(state.evidence[0]!.id)).toBeNull();
    expect(state.draft.evidence).toEqual([{ name: 'b', text: 'two' }]);
    await vi.waitFor(() => expect(last()?.case.evidence).toEqual([{ name: 'b', text: 'two' }]));
    expect(await state.removeEvidence(state.evidence[0]!.id)).toBeNull();
    await vi.waitFor(() => expect(last()?.case.evidence).toBeUndefined());
    expect((await stored()).evidence).toEqual([]);
    const missing = await state.removeEvidence('no-such-piece');
    expect(missing?.code).toBe('not-found');
  });

  it('reads back only well-formed evidence from the old local draft', () => {
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
