// The guided flow at #/case over the real case store with a stubbed engine.diagnose: the form, the question
// (choices, "Not sure", why), the conclusion (commands, values to fill in, how to confirm), the trail, the
// checklist and the diagram. The stored case itself (header, autosave, notes, history) is in case-store.test.ts.
import { cleanup, fireEvent, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseInput } from '../../src-main/core/contract';
import { fakeDiagnose, storeApi } from './case-engine';
import { SYMPTOM } from './fixtures';
import { value } from './helpers';
import { renderApp, visible } from './render';

let writeText: ReturnType<typeof vi.fn<(text: string) => Promise<void>>>;

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  writeText = vi.fn(async (_text: string) => {});
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});

afterEach(() => {
  cleanup();
  document.documentElement.lang = '';
});

function caseApi() {
  return storeApi({
    'kb.get': ({ kind, id }) =>
      kind === 'symptom' && id === SYMPTOM.id
        ? value(SYMPTOM)
        : { ok: false, error: { code: 'not-found', message: `No ${kind} "${id}"` } },
  });
}

/** Opens #/case/<id> on a stored case (as a reload would find it). */
async function openCase(stored: CaseInput = {}, env: { language?: string } = {}) {
  const api = caseApi();
  const record = await api.seed(stored);
  const rendered = renderApp(api.client, { hash: `#/case/${record.id}`, caseDelay: 0, ...env });
  const lastCase = () => api.inputsOf('engine.diagnose').at(-1);
  return { ...api, ...rendered, id: record.id, lastCase, saved: () => api.stored(record.id) };
}

const choiceButtons = () => screen.getAllByTestId('choice');

describe('the question', () => {
  it('shows the text, the help, one button per choice and always “Not sure”', async () => {
    await openCase();
    const question = await screen.findByTestId('case-question');
    expect(visible(within(question).getByTestId('question-text'))).toBe('Where do the users sign in?');
    expect(visible(within(question).getByTestId('question-help'))).toBe(
      'Look at the user’s sign-in address in the client.',
    );
    expect(choiceButtons().map((b) => [b.dataset.choice, visible(b)])).toEqual([
      ['onprem', 'Lync Server on-premises'],
      ['online', 'Skype for Business Online'],
      ['unsure', 'Not sure'],
    ]);
    expect(choiceButtons().every((b) => b.tagName === 'BUTTON')).toBe(true);
    expect(visible(question)).toContain('Question 1');
  });

  it('“Why this question?” gives the reason and what each answer would rule out, as links', async () => {
    await openCase({ topology: 'lync2013-onprem' });
    const why = await screen.findByTestId('question-why');
    expect(why.tagName).toBe('DETAILS');
    expect(visible(why.querySelector('summary'))).toBe('Why this question?');
    expect(visible(within(why).getByTestId('why-text'))).toBe(
      'Still possible: steps 1 and 5. The answer tells which of them is the first one missing.',
    );
    const rules = within(why).getAllByTestId('rules-out');
    expect(rules.map((r) => r.dataset.choice)).toEqual(['yes', 'no']);
    expect(visible(rules[0]!)).toBe('If the answer is “Yes” rules out 5. Hosting provider');
    const link = within(rules[0]!).getByTestId('rules-out-link');
    expect(link.getAttribute('href')).toBe('#/kb/step/step-5-hosting-provider');
    expect(visible(within(rules[1]!).getByTestId('rules-out-link'))).toBe('1. DNS records');
  });

  it('answering sends the answer, moves focus to the next question and announces it', async () => {
    const { lastCase } = await openCase();
    await screen.findByTestId('case-question');
    await fireEvent.click(choiceButtons()[0]!);
    await vi.waitFor(() => expect(screen.getByTestId('case-question').dataset.id).toBe('p-provider'));
    expect(lastCase()?.case.answers).toEqual({ root: 'onprem' });
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('question-text')));
    expect(visible(screen.getByTestId('question-text'))).toBe('Does Get-CsHostingProvider list Exchange Online?');
    const live = screen.getByTestId('case-announce');
    expect(live.getAttribute('role')).toBe('status');
    expect(visible(live)).toBe('Next question: Does Get-CsHostingProvider list Exchange Online?');
  });

  it('“Not sure” is an answer like the others', async () => {
    const { lastCase } = await openCase({ topology: 'lync2013-onprem' });
    await screen.findByTestId('case-question');
    await fireEvent.click(choiceButtons().at(-1)!);
    await vi.waitFor(() => expect(screen.getByTestId('case-question').dataset.id).toBe('p-dns'));
    expect(lastCase()?.case.answers).toEqual({ 'p-provider': 'unsure' });
  });
});

describe('the conclusion', () => {
  const concluded = { topology: 'lync2013-onprem' as const, answers: { 'p-provider': 'no' } };

  it('shows the title, KB badges, summary and the explanation in paragraphs', async () => {
    await openCase(concluded);
    const conclusion = await screen.findByTestId('case-conclusion');
    expect(visible(within(conclusion).getByTestId('conclusion-title'))).toBe('Hosting provider missing');
    expect(within(conclusion).getAllByTestId('conclusion-kb').map(visible)).toEqual(['KB 2614614', 'KB 2565604']);
    expect(visible(within(conclusion).getByTestId('conclusion-summary'))).toBe(
      'The Edge does not know where Exchange Online is.',
    );
    const paragraphs = within(conclusion).getByTestId('conclusion-explanation').querySelectorAll('p');
    expect([...paragraphs].map((p) => p.textContent)).toEqual([
      'Lync routes presence for OWA through a hosting provider.',
      'Create it on a Front End server.\nThen wait for replication.',
    ]);
    expect(visible(conclusion)).toContain('Conclusion after 1 question');
    expect(visible(screen.getByTestId('case-announce'))).toBe('Conclusion: Hosting provider missing');
  });

  it('lists fix and verify commands with copy buttons that copy them as shown', async () => {
    await openCase(concluded);
    const fix = await screen.findByTestId('conclusion-fix');
    const verify = screen.getByTestId('conclusion-verify');
    expect(visible(fix.querySelector('h3'))).toBe('Fix');
    expect(visible(verify.querySelector('h3'))).toBe('Verify');
    expect(within(fix).getAllByTestId('command')).toHaveLength(2);
    const [test] = within(verify).getAllByTestId('command');
    expect(within(test!).getByTestId('command-text').textContent).toBe(
      'Test-CsFederatedPartner -TargetFqdn <edgePoolFqdn> -Domain <sipDomain>',
    );
    expect(within(test!).getAllByTestId('command-placeholder')).toHaveLength(2);
    await fireEvent.click(within(test!).getByTestId('copy-command'));
    expect(writeText).toHaveBeenCalledWith('Test-CsFederatedPartner -TargetFqdn <edgePoolFqdn> -Domain <sipDomain>');
    expect(visible(within(fix).getAllByTestId('command')[0]!)).toContain('Run in: Lync Server Management Shell');
  });

  it('lists the values still to fill in, leads to the form, and the commands update once they are entered', async () => {
    const { lastCase } = await openCase(concluded);
    const unfilled = await screen.findByTestId('conclusion-unfilled');
    expect(visible(unfilled)).toContain('Values still to fill in');
    expect(visible(unfilled)).toContain('Enter the values in the case form');
    expect(
      within(unfilled)
        .getAllByTestId('unfilled')
        .map((li) => [li.dataset.name, visible(li)]),
    ).toEqual([
      ['edgePoolFqdn', '<edgePoolFqdn> Edge pool FQDN Enter it'],
      ['sipDomain', '<sipDomain> SIP domain Enter it'],
    ]);

    await fireEvent.click(within(unfilled).getAllByTestId('unfilled-enter')[1]!);
    const input = screen.getByLabelText('SIP domain') as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    await fireEvent.input(input, { target: { value: 'contoso.com' } });
    await vi.waitFor(() => expect(lastCase()?.case.names).toEqual({ sipDomain: 'contoso.com' }));
    await vi.waitFor(() =>
      expect(
        within(screen.getByTestId('conclusion-unfilled'))
          .getAllByTestId('unfilled')
          .map((li) => li.dataset.name),
      ).toEqual(['edgePoolFqdn']),
    );
    const verify = screen.getByTestId('conclusion-verify');
    expect(within(verify).getByTestId('command-text').textContent).toBe(
      'Test-CsFederatedPartner -TargetFqdn <edgePoolFqdn> -Domain contoso.com',
    );
  });

  it('says how to confirm it works again, and links the KB articles', async () => {
    await openCase(concluded);
    const confirm = await screen.findByTestId('conclusion-confirm');
    expect(visible(confirm.querySelector('h3'))).toBe('How to confirm it works again');
    expect(visible(confirm)).toContain('Sign in to OWA again after a minute: presence shows.');
    const links = within(screen.getByTestId('conclusion-articles')).getAllByTestId('entry-link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#/kb/article/kb-2614614', '#/kb/article/kb-2565604']);
  });

  it('moves focus to the conclusion after the last answer', async () => {
    await openCase({ topology: 'lync2013-onprem' });
    await screen.findByTestId('case-question');
    await fireEvent.click(choiceButtons()[1]!);
    const title = await screen.findByTestId('conclusion-title');
    await vi.waitFor(() => expect(document.activeElement).toBe(title));
  });
});

describe('the trail', () => {
  it('lists every answer with its source, and “Change” asks that question again without the later answers', async () => {
    const { lastCase } = await openCase({
      features: { 'free-busy': 'broken' },
      answers: { root: 'onprem', 'p-provider': 'yes', 'p-dns': 'no' },
    });
    await screen.findByTestId('case-conclusion');
    const entries = () => screen.getAllByTestId('trail-entry');
    expect(entries().map((e) => [e.dataset.id, visible(within(e).getByTestId('trail-source'))])).toEqual([
      ['feature.free-busy', 'Case'],
      ['root', 'You'],
      ['p-provider', 'You'],
      ['p-dns', 'You'],
    ]);
    expect(visible(within(entries()[2]!).getByTestId('trail-answer'))).toBe('yes');

    const change = within(entries()[2]!).getByTestId('trail-change');
    expect(change.getAttribute('aria-label')).toBe(
      'Change the answer to: Does Get-CsHostingProvider list Exchange Online?',
    );
    await fireEvent.click(change);
    await vi.waitFor(() => expect(screen.getByTestId('case-question').dataset.id).toBe('p-provider'));
    expect(lastCase()?.case.answers).toEqual({ root: 'onprem' });
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('question-text')));
    expect(entries().map((e) => e.dataset.id)).toEqual(['feature.free-busy', 'root']);
  });

  it('only answers the engineer gave can be changed there; a fact repeated from an answer cannot', async () => {
    await openCase({ topology: 'lync2013-onprem', answers: { 'p-provider': 'no' } });
    await screen.findByTestId('case-conclusion');
    const entries = screen.getAllByTestId('trail-entry');
    expect(entries.map((e) => [e.dataset.id, e.dataset.source, !!within(e).queryByTestId('trail-change')])).toEqual([
      ['root', 'case', false],
      ['p-provider', 'user', true],
      ['feature.owa-im-presence', 'user', false],
    ]);
  });

  it('an answer from the case form is changed in the form', async () => {
    await openCase({ topology: 'lync2013-onprem', exchange: 'exchange-hybrid', features: { 'free-busy': 'broken' } });
    await screen.findByTestId('case-question');
    const [feature, exchange, root] = screen.getAllByTestId('trail-entry');
    await fireEvent.click(within(exchange!).getByTestId('trail-edit'));
    expect(document.activeElement).toBe(screen.getByTestId('case-exchange'));
    expect(within(feature!).queryByTestId('trail-change')).toBeNull();
    await fireEvent.click(within(feature!).getByTestId('trail-edit'));
    expect(document.activeElement?.id).toBe('case-feature-free-busy-broken');
    await fireEvent.click(within(root!).getByTestId('trail-edit'));
    expect(document.activeElement).toBe(screen.getByTestId('case-topology'));
  });
});

describe('the checklist and the diagram', () => {
  it('shows each step’s status with an icon and a word', async () => {
    await openCase({ topology: 'lync2013-onprem', answers: { 'p-provider': 'no' } });
    await screen.findByTestId('case-conclusion');
    // Titles come from the knowledge base in the UI language (kb.list), and link to the step.
    await vi.waitFor(() =>
      expect(visible(screen.getAllByTestId('checklist-step')[4]!.querySelector('a'))).toBe(
        '5. Hosting provider (list)',
      ),
    );
    const items = screen.getAllByTestId('checklist-step');
    expect(items.map((li) => [li.dataset.status, visible(within(li).getByTestId('checklist-status'))])).toEqual([
      ['done', 'Done'],
      ['unknown', 'Unknown'],
      ['unknown', 'Unknown'],
      ['unknown', 'Unknown'],
      ['missing', 'Missing'],
      ['not-applicable', 'Not applicable'],
      ['unknown', 'Unknown'],
    ]);
    for (const li of items) expect(within(li).getByTestId('checklist-status').querySelector('svg')).not.toBeNull();
    expect(items[4]!.querySelector('a')?.getAttribute('href')).toBe('#/kb/step/step-5-hosting-provider');
  });

  it('on-premises: the Edge ↔ Exchange Online link breaks in red, Skype for Business Online is greyed out', async () => {
    await openCase({ topology: 'lync2013-onprem', answers: { 'p-provider': 'no' } });
    const diagram = await screen.findByTestId('case-diagram');
    const svg = within(diagram).getByTestId('diagram-svg');
    expect(svg.getAttribute('role')).toBe('img');
    await vi.waitFor(() =>
      expect(svg.getAttribute('aria-label')).toBe(
        'Topology diagram: Lync Server 2013 on-premises only. Not in this topology: Skype for Business Online. ' +
          'The chain breaks between Edge Server and Exchange Online: step 5, 5. Hosting provider (list).',
      ),
    );
    const link = (id: string) =>
      within(diagram)
        .getAllByTestId('diagram-link')
        .find((l) => l.dataset.id === id)!;
    expect(link('federation').dataset.status).toBe('missing');
    expect(within(link('federation')).getByTestId('diagram-break')).toBeTruthy();
    expect(visible(link('federation'))).toContain('Breaks here: step 5');
    expect(link('oauth').dataset.status).toBe('not-applicable');
    expect(within(diagram).getAllByTestId('diagram-break')).toHaveLength(1);
    const box = (id: string) =>
      within(diagram)
        .getAllByTestId('diagram-box')
        .find((b) => b.dataset.id === id)!;
    expect(box('sfbo').dataset.status).toBe('absent');
    expect(box('fe').dataset.status).not.toBe('absent');
    expect(visible(within(diagram).getByTestId('diagram-caption'))).toBe(
      'The chain breaks between Edge Server and Exchange Online: step 5, 5. Hosting provider (list).',
    );
    expect(visible(within(diagram).getByTestId('diagram-text'))).toContain(
      'Edge Server ↔ Exchange Online, Shared SIP address space + hosting provider (steps 4, 5): Missing',
    );
  });

  it('Skype for Business Online only: no on-premises boxes, the DNS link to Skype for Business Online breaks', async () => {
    await openCase({ topology: 'sfb-online', answers: { 'p-dns': 'no' } });
    const diagram = await screen.findByTestId('case-diagram');
    const box = (id: string) =>
      within(diagram)
        .getAllByTestId('diagram-box')
        .find((b) => b.dataset.id === id)!;
    expect(box('fe').dataset.status).toBe('absent');
    expect(box('edge').dataset.status).toBe('absent');
    expect(visible(box('fe'))).toContain('Not in this topology');
    expect(box('sfbo').dataset.status).not.toBe('absent');
    const links = within(diagram).getAllByTestId('diagram-link');
    expect(links.filter((l) => l.dataset.status === 'missing').map((l) => l.dataset.id)).toEqual(['dns']);
    expect(links.filter((l) => l.dataset.status === 'absent').map((l) => l.dataset.id)).toEqual([
      'internal',
      'federation',
      'oauth',
      'o365auth',
    ]);
    await vi.waitFor(() =>
      expect(within(diagram).getByTestId('diagram-svg').getAttribute('aria-label')).toBe(
        'Topology diagram: Skype for Business Online only. Not in this topology: Lync on-premises (Front End), Edge Server. ' +
          'The chain breaks between Skype for Business Online and Exchange Online: step 1, 1. DNS records (list).',
      ),
    );
  });

  it('says no break is found while the diagnosis goes on', async () => {
    await openCase({ topology: 'lync2013-hybrid' });
    const diagram = await screen.findByTestId('case-diagram');
    expect(within(diagram).queryByTestId('diagram-break')).toBeNull();
    expect(visible(within(diagram).getByTestId('diagram-caption'))).toBe('No break found so far.');
  });
});

describe('the case form', () => {
  it('offers the five topologies by title, Exchange side, cloud, directory synchronization and feature ticks', async () => {
    const { lastCase } = await openCase();
    await screen.findByTestId('case-question');
    const topology = screen.getByLabelText('Topology') as HTMLSelectElement;
    await vi.waitFor(() => expect(topology.options).toHaveLength(6));
    expect([...topology.options].map((o) => [o.value, o.textContent])).toEqual([
      ['', 'Not known yet'],
      ['sfb-online', 'Skype for Business Online only'],
      ['lync2013-onprem', 'Lync Server 2013 on-premises only'],
      ['lync2013-hybrid', 'Lync Server 2013 hybrid'],
      ['sfb-server-onprem', 'Skype for Business Server on-premises only'],
      ['sfb-server-hybrid', 'Skype for Business Server hybrid'],
    ]);
    await fireEvent.change(topology, { target: { value: 'sfb-server-hybrid' } });
    await fireEvent.change(screen.getByLabelText('Where the mailboxes are'), { target: { value: 'exchange-hybrid' } });
    await fireEvent.change(screen.getByLabelText('Office 365 cloud'), { target: { value: '21vianet' } });
    const dirsync = screen.getByTestId('case-dirsync');
    await fireEvent.click(within(dirsync).getByLabelText('No'));

    const rows = screen.getAllByTestId('case-feature');
    expect(rows.map((r) => r.dataset.id)).toEqual(['free-busy', 'owa-im-presence', 'voicemail']);
    const freeBusy = rows[0]!;
    expect(freeBusy.getAttribute('role')).toBe('radiogroup');
    expect(
      within(freeBusy)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('aria-label') ?? visible(r.parentElement)),
    ).toEqual(['Works', 'Broken', 'Not sure']);
    expect((within(freeBusy).getByLabelText('Not sure') as HTMLInputElement).checked).toBe(true);
    await fireEvent.click(within(freeBusy).getByLabelText('Broken'));
    await fireEvent.click(within(rows[2]!).getByLabelText('Works'));

    await vi.waitFor(() =>
      expect(lastCase()?.case).toEqual({
        topology: 'sfb-server-hybrid',
        exchange: 'exchange-hybrid',
        cloud: '21vianet',
        dirsync: false,
        features: { 'free-busy': 'broken', voicemail: 'works' },
      }),
    );
  });

  it('checks names as they are typed, says why one is refused, and leaves it out of the case', async () => {
    const { lastCase, saved } = await openCase();
    await screen.findByTestId('case-question');
    const input = screen.getByLabelText('Edge pool FQDN') as HTMLInputElement;
    await fireEvent.input(input, { target: { value: 'edge.contoso.com"; Remove-Item' } });
    const field = input.closest<HTMLElement>('[data-testid="case-name"]')!;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const error = within(field).getByTestId('case-name-error');
    expect(visible(error)).toBe(
      'Only letters, digits, spaces and . @ _ : / \\ - are allowed: remove “"”, “;”. Not saved or used in the commands until corrected.',
    );
    expect(input.getAttribute('aria-describedby')).toBe(error.parentElement?.id);
    await fireEvent.input(screen.getByLabelText('SIP domain'), { target: { value: 'contoso.com' } });
    await vi.waitFor(() => expect(lastCase()?.case.names).toEqual({ sipDomain: 'contoso.com' }));
    await vi.waitFor(async () => expect((await saved()).file.names).toEqual({ sipDomain: 'contoso.com' }));

    await fireEvent.input(input, { target: { value: 'edge.contoso.com' } });
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(within(field).queryByTestId('case-name-error')).toBeNull();
    await vi.waitFor(() =>
      expect(lastCase()?.case.names).toEqual({ sipDomain: 'contoso.com', edgePoolFqdn: 'edge.contoso.com' }),
    );
    await vi.waitFor(async () =>
      expect((await saved()).file.names).toEqual({ sipDomain: 'contoso.com', edgePoolFqdn: 'edge.contoso.com' }),
    );
  });

  it('warns when a SIP address is typed with its sip: prefix', async () => {
    await openCase();
    await screen.findByTestId('case-question');
    await fireEvent.input(screen.getByLabelText('User’s SIP address (without sip:)'), {
      target: { value: 'sip:user@contoso.com' },
    });
    expect(visible(screen.getByTestId('case-name-warning'))).toContain('without “sip:”');
  });

  it('keeps the case across a reload: #/case resumes it from the store', async () => {
    const { unmount, client, saved } = await openCase();
    await screen.findByTestId('case-question');
    await fireEvent.change(screen.getByLabelText('Topology'), { target: { value: 'lync2013-onprem' } });
    await fireEvent.input(screen.getByLabelText('SIP domain'), { target: { value: 'contoso.com' } });
    await vi.waitFor(() => expect(screen.getByTestId('case-question').dataset.id).toBe('p-provider'));
    await vi.waitFor(async () =>
      expect((await saved()).file).toEqual({ topology: 'lync2013-onprem', names: { sipDomain: 'contoso.com' } }),
    );
    unmount();
    renderApp(client, { hash: '#/case', caseDelay: 0 });
    await vi.waitFor(() => expect(screen.getByTestId('case-question').dataset.id).toBe('p-provider'));
    expect((screen.getByLabelText('Topology') as HTMLSelectElement).value).toBe('lync2013-onprem');
    expect((screen.getByLabelText('SIP domain') as HTMLInputElement).value).toBe('contoso.com');
  });

  it('“New case” starts a new stored case at once (nothing to confirm: the one left is kept)', async () => {
    const { lastCase, id, saved, api } = await openCase({ topology: 'lync2013-onprem', symptom: 'OWA' });
    await screen.findByTestId('case-question');
    await fireEvent.click(screen.getByTestId('case-new'));
    await vi.waitFor(() => expect(window.location.hash).toMatch(/^#\/case\/[0-9a-f-]{36}$/));
    const newId = decodeURIComponent(window.location.hash.slice('#/case/'.length));
    expect(newId).not.toBe(id);
    await vi.waitFor(() => expect(lastCase()?.case).toEqual({}));
    expect((screen.getByLabelText('What the customer reports') as HTMLTextAreaElement).value).toBe('');
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('case-symptom')));
    expect((await saved()).file).toEqual({ topology: 'lync2013-onprem', symptom: 'OWA' });
    expect((await api.call('cases.get', { id: newId })).file).toEqual({});
    expect(screen.queryByTestId('case-confirm-new')).toBeNull();
  });
});

describe('language and errors', () => {
  it('switching language keeps the case and asks the engine again in that language', async () => {
    const { lastCase } = await openCase({ topology: 'lync2013-onprem' });
    await screen.findByTestId('case-question');
    await fireEvent.change(screen.getByTestId('lang-select'), { target: { value: 'fr' } });
    await vi.waitFor(() => expect(lastCase()).toEqual({ case: { topology: 'lync2013-onprem' }, lang: 'fr' }));
    await vi.waitFor(() => expect(visible(screen.getByTestId('question-text'))).toContain('[fr]'));
    expect(visible(screen.getByRole('heading', { level: 1 }))).toBe('Dossier sans titre');
    expect(visible(screen.getByTestId('case-header'))).toContain('Dossier en cours');
    expect(screen.getByTestId('question-why').querySelector('summary')?.textContent).toBe(
      'Pourquoi cette question\u202f?',
    );
  });

  it('shows the engine’s error with its message and retries', async () => {
    let calls = 0;
    const api = storeApi({
      'engine.diagnose': (input) =>
        ++calls === 1 ? { ok: false, error: { code: 'pack-error', message: 'no node root' } } : fakeDiagnose(input),
    });
    renderApp(api.client, { hash: '#/case', caseDelay: 0 });
    const error = await screen.findByTestId('case-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(visible(error)).toContain('The diagnosis failed (engine.diagnose, pack-error): no node root');
    await fireEvent.click(within(error).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('case-question')).toBeTruthy();
  });
});

describe('starting a case from the home search', () => {
  it('the new stored case has the symptom and its features, opens, and the earlier case is kept', async () => {
    const api = caseApi();
    const base = api.callCatch.getMockImplementation()!;
    api.callCatch.mockImplementation(async (name, input) =>
      name === 'kb.search'
        ? value({
            results: [
              { kind: 'symptom', id: SYMPTOM.id, title: SYMPTOM.title, kb: null, score: 1, matched: ['words'] },
              { kind: 'article', id: 'kb-2565604', title: 'OWA article', kb: '2565604', score: 0.5, matched: [] },
            ],
          })
        : base(name, input),
    );
    const earlier = await api.seed({ topology: 'sfb-online' });
    renderApp(api.client, { caseDelay: 0, hash: '#/search' });
    await fireEvent.input(screen.getByTestId('search-input'), { target: { value: 'presence' } });
    await screen.findAllByTestId('search-result');
    const buttons = screen.getAllByTestId('start-case');
    expect(buttons).toHaveLength(1);
    await fireEvent.click(buttons[0]!);

    await screen.findByTestId('case-form');
    await vi.waitFor(() =>
      expect(api.inputsOf('engine.diagnose').at(-1)?.case).toEqual({
        symptom: 'OWA shows no presence',
        features: { 'owa-im-presence': 'broken' },
      }),
    );
    expect((screen.getByLabelText('What the customer reports') as HTMLTextAreaElement).value).toBe(
      'OWA shows no presence',
    );
    const row = screen.getAllByTestId('case-feature').find((r) => r.dataset.id === 'owa-im-presence')!;
    expect(row.dataset.state).toBe('broken');
    const { cases } = await api.api.call('cases.list', {});
    expect(cases).toHaveLength(2);
    expect((await api.stored(earlier.id)).file).toEqual({ topology: 'sfb-online' });
  });
});
