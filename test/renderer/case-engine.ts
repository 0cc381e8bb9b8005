// A small stand-in for `engine.diagnose`, stateless like the real one: the case (fields and answers) is the
// whole state. Root question (topology, or the case's topology), then probes, then a conclusion. Texts carry
// the language so tests can tell which language was asked for. And `storeApi`: a client over the real case
// store (an in-memory database), with this stand-in as the engine.
import { createApi, type LexoApi } from '../../src-main/core/api';
import {
  API_NAMES,
  type ApiName,
  type ApiOutput,
  type ApiResult,
  type CaseFields,
  type CaseInput,
  type CaseRecord,
  type DiagnoseResult,
  type KbKind,
  type KbListItem,
  type Lang,
  type PendingQuestion,
  type StepCheck,
  type StepStatus,
  type Topology,
  type TrailEntry,
} from '../../src-main/core/contract';
import { loadPackFolder } from '../../src-main/core/kb/pack';
import { memoryDb, MINI_PACK_DIR } from '../helpers/db';
import { fail, stubApi, value, type Handlers } from './helpers';

export const STEP_IDS = [
  'step-1-dns',
  'step-2-sip-proxy-address',
  'step-3-mail-attribute',
  'step-4-shared-sip-address-space',
  'step-5-hosting-provider',
  'step-6-oauth-partner-apps',
  'step-7-office365-auth-trust',
] as const;

const STEP_TITLES = [
  'DNS records',
  'Exchange Online knows the SIP address',
  'Lync knows the email address',
  'Shared SIP address space',
  'Hosting provider',
  'OAuth and partner applications',
  'Office 365 authentication trust',
];

/** The seven steps with the given statuses (by number), `unknown` where none is given. */
export function steps(statuses: Partial<Record<number, StepStatus>> = {}): StepCheck[] {
  return STEP_IDS.map((id, i) => ({
    id,
    number: i + 1,
    title: `${i + 1}. ${STEP_TITLES[i]}`,
    status: statuses[i + 1] ?? 'unknown',
  }));
}

/** Lists for the case form: titles of topologies, Exchange sides, clouds, features and steps. */
export const OPTION_LISTS: Record<string, KbListItem[]> = {
  topology: [
    ['sfb-online', 'Skype for Business Online only'],
    ['lync2013-onprem', 'Lync Server 2013 on-premises only'],
    ['lync2013-hybrid', 'Lync Server 2013 hybrid'],
    ['sfb-server-onprem', 'Skype for Business Server on-premises only'],
    ['sfb-server-hybrid', 'Skype for Business Server hybrid'],
  ].map(([id, title]) => ({ kind: 'topology', id: id!, title: title!, summary: '', kb: null })),
  exchange: [
    ['exchange-online', 'Exchange Online only'],
    ['exchange-hybrid', 'Exchange hybrid'],
    ['exchange-onprem', 'Exchange Server on-premises only'],
  ].map(([id, title]) => ({ kind: 'exchange', id: id!, title: title!, summary: '', kb: null })),
  cloud: [
    ['worldwide', 'Office 365 worldwide'],
    ['21vianet', 'Office 365 operated by 21Vianet'],
    ['gcc-high', 'GCC High'],
  ].map(([id, title]) => ({ kind: 'cloud', id: id!, title: title!, summary: '', kb: null })),
  feature: [
    ['free-busy', 'Free/Busy information'],
    ['owa-im-presence', 'IM and presence in Outlook Web App'],
    ['voicemail', 'Voice mail'],
  ].map(([id, title]) => ({ kind: 'feature', id: id!, title: title!, summary: '', kb: null })),
  step: STEP_IDS.map((id, i) => ({
    kind: 'step' as const,
    id,
    title: `${i + 1}. ${STEP_TITLES[i]} (list)`,
    summary: '',
    kb: null,
  })),
};

const stepLink = (n: number) => ({ kind: 'step' as const, id: STEP_IDS[n - 1]!, title: `${n}. ${STEP_TITLES[n - 1]}` });

export function fakeDiagnose({ case: c, lang = 'en' }: { case: CaseInput; lang?: Lang }): ApiResult<DiagnoseResult> {
  const L = (text: string) => (lang === 'en' ? text : `${text} [${lang}]`);
  const answers = c.answers ?? {};
  const trail: TrailEntry[] = [];
  let asked = 0;
  const user = (id: string, question: string, answer: string, choice: string) => {
    trail.push({ id, question: L(question), answer: L(answer), choice, source: 'user' });
    asked++;
  };
  const ask = (question: Omit<PendingQuestion, 'choices'> & { choices: PendingQuestion['choices'] }, s: StepCheck[]) =>
    value<DiagnoseResult>({
      status: 'needs-answer',
      question: {
        ...question,
        text: L(question.text),
        why: L(question.why),
        choices: [...question.choices, { id: 'unsure', label: L('Not sure'), rulesOut: [] }],
      },
      trail,
      findings: [],
      questionsAsked: asked,
      steps: s,
    });
  const bad = (id: string) =>
    fail({ code: 'invalid-input', message: `"${answers[id]}" is not an answer to question ${id}` });

  for (const [feature, state] of Object.entries(c.features ?? {})) {
    if (state !== 'unknown')
      trail.push({ id: `feature.${feature}`, question: L(feature), answer: L(state), choice: state, source: 'case' });
  }

  // Checks of case facts use the fact's values as choice ids, as the real tree does.
  if (c.exchange) {
    trail.push({
      id: 'ex-check',
      question: L('Where do the mailboxes live?'),
      answer: L(c.exchange),
      choice: c.exchange,
      source: 'case',
    });
  }
  let topology: Topology | null = c.topology ?? null;
  if (topology) {
    trail.push({
      id: 'root',
      question: L('Where do the users sign in?'),
      answer: L(topology),
      choice: topology,
      source: 'case',
    });
  } else if (answers.root) {
    if (!['onprem', 'online', 'unsure'].includes(answers.root)) return bad('root');
    user('root', 'Where do the users sign in?', answers.root, answers.root);
    topology = answers.root === 'online' ? 'sfb-online' : 'lync2013-onprem';
  } else {
    return ask(
      {
        id: 'root',
        text: 'Where do the users sign in?',
        help: 'Look at the user’s sign-in address in the client.',
        why: 'The answer decides which part of the integration to look at next.',
        choices: [
          { id: 'onprem', label: L('Lync Server on-premises'), rulesOut: [] },
          { id: 'online', label: L('Skype for Business Online'), rulesOut: [stepLink(5), stepLink(6)] },
        ],
      },
      steps(),
    );
  }

  const online = topology === 'sfb-online';
  const base: Partial<Record<number, StepStatus>> = online
    ? {
        2: 'not-applicable',
        3: 'not-applicable',
        4: 'not-applicable',
        5: 'not-applicable',
        6: 'not-applicable',
        7: 'not-applicable',
      }
    : { 6: 'not-applicable' };

  if (!online) {
    const provider = answers['p-provider'];
    if (!provider) {
      return ask(
        {
          id: 'p-provider',
          text: 'Does Get-CsHostingProvider list Exchange Online?',
          why: 'Still possible: steps 1 and 5. The answer tells which of them is the first one missing.',
          choices: [
            { id: 'yes', label: L('Yes'), rulesOut: [stepLink(5)] },
            { id: 'no', label: L('No'), rulesOut: [stepLink(1)] },
          ],
        },
        steps(base),
      );
    }
    if (!['yes', 'no', 'unsure'].includes(provider)) return bad('p-provider');
    user('p-provider', 'Does Get-CsHostingProvider list Exchange Online?', provider, provider);
    // As the real engine does, a fact an answer established can reappear as an entry of its own.
    if (provider === 'no') {
      trail.push({
        id: 'feature.owa-im-presence',
        question: L('IM and presence'),
        answer: L('broken'),
        choice: 'broken',
        source: 'user',
      });
    }
    if (provider === 'no') return conclude('step-5', { ...base, 5: 'missing', 1: 'done' });
    if (provider === 'yes') base[5] = 'done';
  }

  const dns = answers['p-dns'];
  if (!dns) {
    return ask(
      {
        id: 'p-dns',
        text: 'Does _sipfederationtls._tcp resolve to the right host?',
        why: 'Still possible: step 1.',
        choices: [
          { id: 'yes', label: L('Yes'), rulesOut: [stepLink(1)] },
          { id: 'no', label: L('No'), rulesOut: [] },
        ],
      },
      steps(base),
    );
  }
  if (!['yes', 'no', 'unsure'].includes(dns)) return bad('p-dns');
  user('p-dns', 'Does _sipfederationtls._tcp resolve to the right host?', dns, dns);
  return conclude('step-1', { ...base, 1: 'missing' });

  function conclude(which: 'step-1' | 'step-5', statuses: Partial<Record<number, StepStatus>>) {
    const names = c.names ?? {};
    const unfilled = new Set<string>();
    const fill = (command: string) =>
      command.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
        const given = names[name as keyof typeof names];
        if (given) return given;
        unfilled.add(name);
        return whole;
      });
    const step5 = which === 'step-5';
    const fix = step5
      ? [
          {
            command: fill(
              'New-CsHostingProvider -Identity "Exchange Online" -Enabled $True -ProxyFqdn "exap.um.outlook.com"',
            ),
            caption: L('Create the hosting provider'),
            runOn: L('Lync Server Management Shell'),
          },
          { command: fill('Set-CsAccessEdgeConfiguration -AllowFederatedUsers $True # {{sipDomain}}') },
        ]
      : [{ command: fill('Add-DnsServerResourceRecord -Srv -Name _sipfederationtls._tcp -ZoneName {{sipDomain}}') }];
    const verify = step5
      ? [
          {
            command: fill('Test-CsFederatedPartner -TargetFqdn {{edgePoolFqdn}} -Domain {{sipDomain}}'),
            caption: L('Test it'),
          },
        ]
      : [{ command: fill('Resolve-DnsName -Type SRV _sipfederationtls._tcp.{{sipDomain}}') }];
    return value<DiagnoseResult>({
      status: 'concluded',
      conclusion: {
        id: step5 ? 'step-5-hosting-provider' : 'step-1-dns',
        title: L(step5 ? 'Hosting provider missing' : 'Federation DNS record missing'),
        kb: step5 ? ['2614614', '2565604'] : [],
        summary: L(
          step5 ? 'The Edge does not know where Exchange Online is.' : 'Exchange Online cannot find the SIP domain.',
        ),
        explanation: `${L('Lync routes presence for OWA through a hosting provider.')}\n\n${L('Create it on a Front End server.\nThen wait for replication.')}`,
        confirm: L('Sign in to OWA again after a minute: presence shows.'),
        articles: step5
          ? [
              { kind: 'article', id: 'kb-2614614', title: L('IM and presence not available in OWA'), kb: '2614614' },
              { kind: 'article', id: 'kb-2565604', title: L('Can’t see presence in OWA'), kb: '2565604' },
            ]
          : [],
      },
      fix,
      verify,
      fixCommands: fix.map((f) => f.command.replace(/\{\{(\w+)\}\}/g, '<$1>')),
      verifyCommands: verify.map((f) => f.command.replace(/\{\{(\w+)\}\}/g, '<$1>')),
      unfilled: [...unfilled].sort(),
      trail,
      findings: [],
      questionsAsked: asked,
      steps: steps(statuses),
    });
  }
}

/** A clock that starts at `start` and moves one second per reading: stored times are predictable. */
export function tickingClock(start = '2026-03-04T09:15:00.000Z') {
  let at = Date.parse(start);
  return () => new Date((at += 1000));
}

/**
 * A client whose `cases.*` calls go to the real API over a fresh in-memory database (the small test pack loaded,
 * for the store's own conclusion), `engine.diagnose` to the stand-in above and `kb.list` to OPTION_LISTS; any
 * method can be overridden. Every call is recorded, as with stubApi.
 */
export function storeApi(handlers: Handlers = {}, { now }: { now?: () => Date } = {}) {
  const db = memoryDb();
  loadPackFolder(db, MINI_PACK_DIR);
  const api: LexoApi = createApi({
    db,
    host: 'web',
    dataDir: '/data',
    databasePath: ':memory:',
    ...(now ? { now } : {}),
  });
  const real = Object.fromEntries(
    API_NAMES.filter((name) => name.startsWith('cases.')).map((name) => [
      name,
      (input: unknown) => api.dispatch(name, input),
    ]),
  ) as Handlers;
  const stub = stubApi({
    'engine.diagnose': fakeDiagnose,
    'kb.list': ({ kind }: { kind: KbKind }) => value({ items: OPTION_LISTS[kind] ?? [] }),
    ...real,
    ...handlers,
  });
  /** The real API's answer, for a handler that lets some calls through. */
  const forward = <N extends ApiName>(name: N, input: unknown) =>
    api.dispatch(name, input) as Promise<ApiResult<ApiOutput<N>>>;
  /** The case as stored now. */
  const stored = (id: string) => api.call('cases.get', { id });
  /** Calls made to `name` (e.g. how many saves). */
  const count = (name: ApiName) => stub.callCatch.mock.calls.filter(([n]) => n === name).length;
  /** Stores a case as a reload would find it: its file and evidence, created directly in the store. */
  async function seed(
    c: CaseInput & { title?: string; customer?: string; ticket?: string; lang?: Lang } = {},
  ): Promise<CaseRecord> {
    const { evidence, title, customer, ticket, lang, lexo: _lexo, ...file } = c;
    let record = await api.call('cases.create', {
      file: file as CaseFields,
      ...(title !== undefined ? { title } : {}),
      ...(customer !== undefined ? { customer } : {}),
      ...(ticket !== undefined ? { ticket } : {}),
      ...(lang ? { lang } : {}),
    });
    for (const e of evidence ?? []) record = await api.call('cases.addEvidence', { id: record.id, ...e });
    return record;
  }
  return { ...stub, api, db, stored, count, seed, forward };
}
