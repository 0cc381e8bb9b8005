// The evidence panel of #/case over the real case store, with stubbed evidence.analyze and engine.diagnose:
// pasting and adding files saves the pieces in the case, each change of the pieces or of the case's context
// reads them again, and what was read is shown (parts, facts, findings with their step, KB numbers and fixes).
import { cleanup, fireEvent, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  CaseInput,
  DiagnoseResult,
  EvidenceAnalysisView,
  EvidenceContextInput,
  EvidencePartView,
  Finding,
} from '../../src-main/core/contract';
import { fakeDiagnose, storeApi } from './case-engine';
import { fail, value } from './helpers';
import { renderApp, visible } from './render';

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  Object.defineProperty(navigator, 'clipboard', { value: { writeText: vi.fn(async () => {}) }, configurable: true });
});

afterEach(() => {
  cleanup();
  document.documentElement.lang = '';
});

const PROVIDER = [
  'PS C:\\> Get-CsHostingProvider -Identity "Exchange Online"',
  'Identity  : Exchange Online',
  'ProxyFqdn : exap.um.outlook.cn',
].join('\r\n');
const UNKNOWN = 'PS C:\\> Get-CsClientPolicy -Identity Global\r\nDisableFreeBusyInfo : False';
const NOT_RECOGNIZED_MESSAGE =
  'LEXO does not read the output of "Get-CsClientPolicy -Identity Global" (lines 1–2). LEXO reads the output of Get-CsHostingProvider, Get-CsAccessEdgeConfiguration…';

/** A stand-in for the analyzers: the hosting provider is read; the shared-address-space warning depends on the topology. */
function fakeAnalyze({
  items,
  context = {},
}: {
  items: { name: string; text: string }[];
  context?: EvidenceContextInput;
}) {
  const findings: Finding[] = [];
  const facts: Record<string, string> = {};
  const views = items.map(({ name, text }) => {
    const parts: EvidencePartView[] = [];
    if (text.includes('Get-CsHostingProvider')) {
      const partFacts = {
        'provider.exists': 'yes',
        'provider.proxyFqdn': 'wrong',
        'step.5': 'missing',
        'x.new': 'odd',
      };
      Object.assign(facts, partFacts);
      parts.push({
        kind: 'hosting-provider',
        command: 'Get-CsHostingProvider -Identity "Exchange Online"',
        incomplete: text.includes('…'),
        lines: { from: 1, to: 3 },
        errors: text.includes('ERR') ? ['Get-CsHostingProvider : Access denied'] : [],
        facts: partFacts,
        records: [],
      });
      findings.push({
        id: 'provider-proxyfqdn-wrong',
        severity: 'error',
        conclusion: 'step-5-hosting-provider',
        message: 'The hosting provider "Exchange Online" has ProxyFqdn "exap.um.outlook.cn".',
        kb: ['2614614'],
        fix: [
          'Remove-CsHostingProvider -Identity "Exchange Online"',
          'New-CsHostingProvider -Identity "Exchange Online" -ProxyFqdn "{{proxyFqdn}}" # {{sipDomain}}',
        ],
      });
      if (context.topology === 'lync2013-onprem') {
        findings.push({
          id: 'provider-shared-address-space',
          severity: 'warning',
          conclusion: 'kb-2614614',
          message: 'EnabledSharedAddressSpace True with Lync Server 2013 on-premises.',
          kb: ['2614614'],
          fix: [],
        });
      }
    }
    if (text.includes('Get-CsClientPolicy')) {
      parts.push({
        kind: 'not-recognized',
        command: 'Get-CsClientPolicy -Identity Global',
        incomplete: false,
        lines: { from: 1, to: 2 },
        message: NOT_RECOGNIZED_MESSAGE,
        facts: {},
        records: [],
      });
    }
    return { name, parts };
  });
  return value<EvidenceAnalysisView>({ facts, findings, items: views, names: {} });
}

/** As the engine does: the provider fact read from the evidence answers p-provider, which is then not asked. */
function diagnoseWithEvidence(input: { case: CaseInput; lang?: 'en' | 'fr' | 'zh-TW' }) {
  const fromEvidence = (input.case.evidence ?? []).some((e) => e.text.includes('Get-CsHostingProvider'));
  if (!fromEvidence) return fakeDiagnose(input);
  const result = fakeDiagnose({ ...input, case: { ...input.case, answers: { 'p-provider': 'no' } } });
  if (!result.ok) return result;
  // Every answer the stand-in credits to the engineer came from the evidence here (no answer was given).
  const trail = result.value.trail.map((e) => (e.source === 'user' ? { ...e, source: 'evidence' as const } : e));
  return value<DiagnoseResult>({
    ...result.value,
    trail,
    questionsAsked: trail.filter((e) => e.source === 'user').length,
  });
}

/** Opens #/case/<id> on a case stored with these fields and evidence. */
async function openCase(stored: CaseInput = {}, handlers: Parameters<typeof storeApi>[0] = {}) {
  const api = storeApi({ 'engine.diagnose': diagnoseWithEvidence, 'evidence.analyze': fakeAnalyze, ...handlers });
  const record = await api.seed(stored);
  const rendered = renderApp(api.client, { hash: `#/case/${record.id}`, caseDelay: 0 });
  const analyzed = () => api.inputsOf('evidence.analyze');
  const lastCase = () => api.inputsOf('engine.diagnose').at(-1)?.case;
  const saved = () => api.stored(record.id);
  return { ...api, ...rendered, id: record.id, analyzed, lastCase, saved };
}

const items = () => screen.queryAllByTestId('evidence-item');

async function paste(text: string, name?: string) {
  await screen.findByTestId('evidence-panel');
  if (name !== undefined) await fireEvent.input(screen.getByTestId('evidence-name'), { target: { value: name } });
  await fireEvent.input(screen.getByTestId('evidence-text'), { target: { value: text } });
  await fireEvent.click(screen.getByTestId('evidence-add'));
}

describe('adding evidence', () => {
  it('a paste goes into the case (kept and diagnosed) and is read with the case’s context', async () => {
    const { analyzed, lastCase, saved } = await openCase({ topology: 'lync2013-onprem', cloud: 'worldwide' });
    await screen.findByTestId('case-question');
    expect(analyzed()).toEqual([]);
    const name = (await screen.findByTestId('evidence-name')) as HTMLInputElement;
    expect(name.value).toBe('Paste 1');
    expect(screen.getByLabelText('Name')).toBe(name);
    expect(screen.getByLabelText('Command output')).toBe(screen.getByTestId('evidence-text'));

    await paste(PROVIDER);
    await vi.waitFor(() => expect(items().map((i) => i.dataset.name)).toEqual(['Paste 1']));
    expect(analyzed().at(-1)).toEqual({
      items: [{ name: 'Paste 1', text: PROVIDER }],
      context: { topology: 'lync2013-onprem', cloud: 'worldwide' },
    });
    await vi.waitFor(() => expect(lastCase()?.evidence).toEqual([{ name: 'Paste 1', text: PROVIDER }]));
    expect((await saved()).evidence.map(({ name, text }) => ({ name, text }))).toEqual([
      { name: 'Paste 1', text: PROVIDER },
    ]);
    expect((screen.getByTestId('evidence-text') as HTMLTextAreaElement).value).toBe('');
    expect(name.value).toBe('Paste 2');

    await paste(UNKNOWN, 'Client policy');
    await vi.waitFor(() => expect(items().map((i) => i.dataset.name)).toEqual(['Paste 1', 'Client policy']));
    expect(
      analyzed()
        .at(-1)
        ?.items.map((i) => i.name),
    ).toEqual(['Paste 1', 'Client policy']);
    expect(name.value).toBe('Paste 3');
  });

  it('an empty paste is not added, and says so', async () => {
    const { analyzed } = await openCase();
    await paste('   ');
    expect(visible(screen.getByTestId('evidence-problems'))).toBe('“Paste 1”: nothing to add, the text is empty.');
    expect(screen.getByTestId('evidence-problems').getAttribute('role')).toBe('alert');
    expect(items()).toHaveLength(0);
    expect(analyzed()).toEqual([]);
  });

  it('files are read as bytes and decoded (UTF-16LE with BOM here), under their own names', async () => {
    const { analyzed } = await openCase({ topology: 'lync2013-onprem' });
    const input = (await screen.findByTestId('evidence-file')) as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.multiple).toBe(true);
    expect(input.accept).toBe('.txt,.log,.csv,.xml,text/plain');
    expect(screen.getByLabelText('Add files')).toBe(input);
    const bytes = [0xff, 0xfe];
    for (const ch of PROVIDER) bytes.push(ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8);
    const file = new File([new Uint8Array(bytes)], 'provider.txt', { type: 'text/plain' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await fireEvent.change(input);
    await vi.waitFor(() => expect(items().map((i) => i.dataset.name)).toEqual(['provider.txt']));
    expect(analyzed().at(-1)?.items).toEqual([{ name: 'provider.txt', text: PROVIDER }]);
  });
});

describe('when the case cannot save a piece', () => {
  it('says why, and keeps the paste in the box to try again', async () => {
    let refuse = true;
    const { saved, forward } = await openCase(
      {},
      {
        'cases.addEvidence': (input) =>
          refuse
            ? fail({ code: 'database-error', message: 'database or disk is full' })
            : forward('cases.addEvidence', input),
      },
    );
    await paste(PROVIDER);
    await vi.waitFor(() =>
      expect(visible(screen.getByTestId('evidence-problems'))).toBe(
        '“Paste 1”: the case did not save it (database or disk is full).',
      ),
    );
    expect((screen.getByTestId('evidence-text') as HTMLTextAreaElement).value).toBe(PROVIDER);
    expect(items()).toHaveLength(0);
    refuse = false;
    await fireEvent.click(screen.getByTestId('evidence-add'));
    await vi.waitFor(() => expect(items().map((i) => i.dataset.name)).toEqual(['Paste 1']));
    expect((await saved()).evidence).toHaveLength(1);
    expect(visible(screen.getByTestId('evidence-problems'))).toBe('');
  });
});

describe('what the evidence shows', () => {
  const withProvider = {
    topology: 'lync2013-onprem' as const,
    names: { sipDomain: 'contoso.com' },
    evidence: [
      { name: 'provider', text: `${PROVIDER}\r\nERR …` },
      { name: 'policy', text: UNKNOWN },
    ],
  };

  it('shows each part: its kind, command, lines, cut values, errors, and the message of a part not recognized', async () => {
    await openCase(withProvider);
    await vi.waitFor(() => expect(screen.getAllByTestId('evidence-part')).toHaveLength(2));
    const [provider, policy] = items();
    const part = within(provider!).getByTestId('evidence-part');
    expect(part.dataset.kind).toBe('hosting-provider');
    expect(visible(part)).toContain('Hosting provider Get-CsHostingProvider -Identity "Exchange Online" Lines 1–3');
    expect(visible(within(part).getByTestId('part-incomplete'))).toContain('Some values were cut');
    expect(visible(within(part).getByTestId('part-errors'))).toBe(
      'Errors printed Get-CsHostingProvider : Access denied',
    );
    const unknown = within(policy!).getByTestId('evidence-part');
    expect(unknown.dataset.kind).toBe('not-recognized');
    expect(visible(unknown)).toContain('Not recognized');
    expect(visible(within(unknown).getByTestId('part-message'))).toBe(NOT_RECOGNIZED_MESSAGE);
  });

  it('shows the facts read as rows: words, the raw fact name, the value in words', async () => {
    await openCase(withProvider);
    const rows = await screen.findAllByTestId('evidence-fact');
    expect(rows.map((r) => [r.dataset.fact, visible(r)])).toEqual([
      ['provider.exists', 'Exchange Online hosting provider exists provider.exists Yes'],
      ['provider.proxyFqdn', 'Hosting provider ProxyFqdn provider.proxyFqdn Wrong'],
      ['step.5', 'Configuration step 5 step.5 Missing'],
      ['x.new', 'x.new odd'],
    ]);
    expect(rows[0]!.querySelector('dt')).not.toBeNull();
    expect(rows[0]!.querySelector('dd')).not.toBeNull();
  });

  it('shows the findings, errors first: severity, message, the step as a link, KB badges, fix commands', async () => {
    await openCase(withProvider);
    await vi.waitFor(() => expect(screen.getAllByTestId('evidence-finding')).toHaveLength(2));
    const findings = screen.getAllByTestId('evidence-finding');
    expect(findings.map((f) => [f.dataset.id, f.dataset.severity])).toEqual([
      ['provider-proxyfqdn-wrong', 'error'],
      ['provider-shared-address-space', 'warning'],
    ]);
    const [error, warning] = findings;
    expect(visible(within(error!).getByTestId('finding-severity'))).toBe('Error');
    expect(within(error!).getByTestId('finding-severity').querySelector('svg')).not.toBeNull();
    expect(within(error!).getAllByTestId('finding-kb').map(visible)).toEqual(['KB 2614614']);
    expect(visible(within(error!).getByTestId('finding-message'))).toBe(
      'The hosting provider "Exchange Online" has ProxyFqdn "exap.um.outlook.cn".',
    );
    const link = within(error!).getByTestId('finding-link');
    expect(link.getAttribute('href')).toBe('#/kb/step/step-5-hosting-provider');
    expect(visible(link)).toBe('5. Hosting provider (list)');
    const commands = within(within(error!).getByTestId('finding-fix')).getAllByTestId('command-text');
    expect(commands.map((c) => c.textContent)).toEqual([
      'Remove-CsHostingProvider -Identity "Exchange Online"',
      'New-CsHostingProvider -Identity "Exchange Online" -ProxyFqdn "<proxyFqdn>" # contoso.com',
    ]);
    expect(within(error!).getAllByTestId('command-placeholder').map(visible)).toEqual(['<proxyFqdn>']);
    expect(within(error!).getAllByTestId('copy-command')).toHaveLength(2);

    expect(visible(within(warning!).getByTestId('finding-severity'))).toBe('Warning');
    const article = within(warning!).getByTestId('finding-link');
    expect(article.getAttribute('href')).toBe('#/kb/article/kb-2614614');
    expect(within(warning!).queryByTestId('finding-fix')).toBeNull();

    const status = screen.getByTestId('evidence-status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(visible(status)).toBe('Evidence read: 2 findings.');
  });

  it('reads the evidence again when the topology changes, with the new context', async () => {
    const { analyzed } = await openCase(withProvider);
    await vi.waitFor(() => expect(screen.getAllByTestId('evidence-finding')).toHaveLength(2));
    const before = analyzed().length;
    await fireEvent.input(screen.getByTestId('case-symptom'), { target: { value: 'No presence' } });
    await fireEvent.change(screen.getByLabelText('Topology'), { target: { value: 'lync2013-hybrid' } });
    await vi.waitFor(() => expect(screen.getAllByTestId('evidence-finding')).toHaveLength(1));
    expect(analyzed().slice(before)).toEqual([
      { items: withProvider.evidence, context: { topology: 'lync2013-hybrid' } },
    ]);
    await fireEvent.change(screen.getByLabelText('Office 365 cloud'), { target: { value: '21vianet' } });
    await vi.waitFor(() =>
      expect(analyzed().at(-1)?.context).toEqual({ topology: 'lync2013-hybrid', cloud: '21vianet' }),
    );
  });

  it('removing a piece takes it out of the case and reads the rest again', async () => {
    const { analyzed, lastCase, saved } = await openCase(withProvider);
    await vi.waitFor(() => expect(items()).toHaveLength(2));
    const remove = within(items()[0]!).getByTestId('evidence-remove');
    expect(remove.getAttribute('aria-label')).toBe('Remove the evidence “provider”');
    await fireEvent.click(remove);
    await vi.waitFor(() => expect(items().map((i) => i.dataset.name)).toEqual(['policy']));
    expect(analyzed().at(-1)?.items).toEqual([{ name: 'policy', text: UNKNOWN }]);
    await vi.waitFor(() => expect(lastCase()?.evidence).toEqual([{ name: 'policy', text: UNKNOWN }]));
    await vi.waitFor(() => expect(screen.queryAllByTestId('evidence-finding')).toHaveLength(0));
    expect(visible(screen.getByTestId('evidence-status'))).toBe('Evidence read: nothing wrong found.');

    await fireEvent.click(within(items()[0]!).getByTestId('evidence-remove'));
    await vi.waitFor(() => expect(items()).toHaveLength(0));
    await vi.waitFor(() => expect(lastCase()?.evidence).toBeUndefined());
    const history = (await saved()).history.filter((e) => e.type.startsWith('evidence-'));
    expect(history.map((e) => `${e.type} ${e.detail}`)).toEqual([
      'evidence-added provider',
      'evidence-added policy',
      'evidence-removed provider',
      'evidence-removed policy',
    ]);
  });
});

describe('the diagnosis from evidence', () => {
  it('a conclusion the evidence reached shows 0 questions and “Evidence” in the trail', async () => {
    await openCase({ topology: 'lync2013-onprem' });
    await screen.findByTestId('case-question');
    await paste(PROVIDER);
    const conclusion = await screen.findByTestId('case-conclusion');
    expect(visible(conclusion)).toContain('Conclusion after 0 questions');
    const entry = screen.getAllByTestId('trail-entry').find((e) => e.dataset.id === 'p-provider');
    expect(entry?.dataset.source).toBe('evidence');
    expect(visible(within(entry!).getByTestId('trail-source'))).toBe('Evidence');
  });
});
