// Views shaped as the contract describes them, with content close to the real pack, for the page tests.
import type {
  ArticleView,
  CmdletView,
  KbListItem,
  PackInfo,
  SearchResult,
  StepView,
  SupportMatrix,
  SymptomView,
  TopicView,
} from '../../src-main/core/contract';

export const ARTICLE: ArticleView = {
  kind: 'article',
  id: 'kb-2565604',
  packId: 'lexo-core',
  lang: 'en',
  kb: '2565604',
  title: "Can't schedule meetings, see presence info, or send IMs from Outlook Web App",
  summary: 'OWA in Microsoft 365 shows no presence, no IM and no online meeting button.',
  appliesTo: {
    topologies: [{ kind: 'topology', id: 'sfb-online', title: 'Skype for Business Online only' }],
    exchange: [{ kind: 'exchange', id: 'exchange-online', title: 'Exchange Online only' }],
    clouds: [{ kind: 'cloud', id: 'worldwide', title: 'Office 365 worldwide' }],
    clients: ['Outlook Web App'],
    products: ['Skype for Business Online', 'Exchange Online'],
  },
  symptoms: 'You cannot see presence information for contacts in Outlook Web App.',
  errors: [
    'Instant Messaging isn’t available right now. The Contact List will appear when the services become available.',
  ],
  cause: 'The DNS records for federation and LyncDiscover are missing.',
  resolution: 'Create the federation SRV record.\nCreate the lyncdiscover CNAME record.',
  commands: [
    {
      command: 'Resolve-DnsName -Type SRV _sipfederationtls._tcp.{{sipDomain}}',
      caption: 'Check the federation SRV record',
      runOn: 'Any Windows PowerShell',
    },
  ],
  verify: 'Sign out of OWA and back in: presence appears.',
  steps: [{ kind: 'step', id: 'step-1-dns', title: '1. DNS records for federation and client discovery' }],
  features: [{ kind: 'feature', id: 'owa-im-presence', title: 'IM and presence in Outlook on the web' }],
  cmdlets: [{ kind: 'cmdlet', id: 'get-cshostingprovider', title: 'Get-CsHostingProvider' }],
  related: [{ kind: 'article', id: 'kb-2566790', title: 'Troubleshooting DNS configuration issues', kb: '2566790' }],
  status: 'removed',
  link: 'https://support.microsoft.com/help/2565604',
  removed: {
    repo: 'MicrosoftDocs/OfficeDocs-Support',
    path: 'SkypeforBusiness/SkypeOnline/online-meetings/schedule-online-meetings-from-owa.md',
    commit: 'f418d15d2efc131fe5dd17bab9d5ebf478143cd7',
    date: '2023-04-18',
  },
  retiredProduct: true,
  sources: [
    {
      title: 'MicrosoftDocs/OfficeDocs-Support',
      path: 'SkypeforBusiness/SkypeOnline/online-meetings/schedule-online-meetings-from-owa.md',
      url: 'https://github.com/MicrosoftDocs/OfficeDocs-Support',
    },
    { title: 'KB 2565604', url: 'https://support.microsoft.com/help/2565604' },
  ],
};

export const STEP: StepView = {
  kind: 'step',
  id: 'step-5-hosting-provider',
  packId: 'lexo-core',
  lang: 'en',
  number: 5,
  title: '5. Hosting provider for Exchange Online',
  summary: 'The Edge knows where to route Exchange Online traffic.',
  explanation: 'Lync routes presence and IM for OWA through a hosting provider named Exchange Online.',
  enables: [{ kind: 'feature', id: 'owa-im-presence', title: 'IM and presence in Outlook on the web' }],
  variants: [
    {
      id: 'onprem',
      topologies: [
        { kind: 'topology', id: 'lync2013-onprem', title: 'Lync Server 2013 on-premises only' },
        { kind: 'topology', id: 'lync2013-hybrid', title: 'Lync Server 2013 hybrid' },
      ],
      exchange: [{ kind: 'exchange', id: 'exchange-online', title: 'Exchange Online only' }],
      dirsync: true,
      action: 'configure',
      text: 'Create the hosting provider on a Front End server.',
      fix: [
        {
          command:
            'New-CsHostingProvider -Identity "Exchange Online" -Enabled $True -EnabledSharedAddressSpace $True -HostsOCSUsers $False -ProxyFqdn "{{proxyFqdn}}" -IsLocal $False -VerificationLevel UseSourceVerification',
          runOn: 'Lync Server Management Shell',
        },
      ],
      verify: [{ command: 'Get-CsHostingProvider -Identity "Exchange Online"' }],
    },
    {
      id: 'online',
      topologies: [{ kind: 'topology', id: 'sfb-online', title: 'Skype for Business Online only' }],
      action: 'nothing-to-do',
      text: 'Microsoft manages the hosting provider.',
      fix: [],
      verify: [],
    },
  ],
  cmdlets: [{ kind: 'cmdlet', id: 'new-cshostingprovider', title: 'New-CsHostingProvider' }],
  articles: [{ kind: 'article', id: 'kb-2614614', title: 'IM and presence not available in OWA', kb: '2614614' }],
  topics: [{ kind: 'topic', id: 'topic-owa-integration', title: 'OWA integration' }],
  sources: [{ title: 'Configure integration between Lync Server 2013 and Outlook Web App', path: 'Lync/owa.md' }],
};

export const CMDLET: CmdletView = {
  kind: 'cmdlet',
  id: 'get-cshostingprovider',
  packId: 'lexo-core',
  lang: 'en',
  name: 'Get-CsHostingProvider',
  title: 'Get-CsHostingProvider',
  summary: 'Returns the hosting providers configured for your organization.',
  module: 'SkypeForBusiness',
  runOn: 'Lync Server Management Shell',
  syntax: ['Get-CsHostingProvider [[-Identity] <XdsGlobalRelativeIdentity>] [-LocalStore]'],
  parameters: [
    {
      name: 'Identity',
      type: 'XdsGlobalRelativeIdentity',
      summary: 'Name of the hosting provider.',
      integrationValue: 'Exchange Online',
      note: 'The name is the one chosen when it was created.',
    },
  ],
  notes: ['ProxyFqdn must be exap.um.outlook.com in the worldwide cloud.'],
  examples: [
    { command: 'Get-CsHostingProvider -Identity "Exchange Online"', caption: 'Show the Exchange Online provider' },
  ],
  link: 'https://learn.microsoft.com/powershell/module/skypeforbusiness/get-cshostingprovider',
  related: [{ kind: 'cmdlet', id: 'new-cshostingprovider', title: 'New-CsHostingProvider' }],
  articles: [],
  steps: [{ kind: 'step', id: 'step-5-hosting-provider', title: '5. Hosting provider for Exchange Online' }],
};

export const SYMPTOM: SymptomView = {
  kind: 'symptom',
  id: 'owa-no-presence',
  packId: 'lexo-core',
  lang: 'en',
  title: 'OWA shows no presence',
  summary: 'Contacts in Outlook on the web have no presence.',
  phrases: ['presence missing in OWA', 'no IM in Outlook Web App'],
  features: [{ kind: 'feature', id: 'owa-im-presence', title: 'IM and presence in Outlook on the web' }],
  steps: [{ kind: 'step', id: 'step-5-hosting-provider', title: '5. Hosting provider for Exchange Online' }],
  articles: [{ kind: 'article', id: 'kb-2565604', title: 'Can’t see presence in OWA', kb: '2565604' }],
};

export const TOPIC: TopicView = {
  kind: 'topic',
  id: 'topic-owa-integration',
  packId: 'lexo-core',
  lang: 'en',
  title: 'OWA integration',
  summary: 'How Outlook on the web shows presence and IM.',
  body: ['OWA signs in to Lync on behalf of the user.', 'The Edge forwards the traffic to Exchange Online.'],
  commands: [{ command: 'Get-CsAccessEdgeConfiguration' }],
  facts: {
    proxyFqdn: 'exap.um.outlook.com',
    sharedAddressSpace: true,
    minimumCu: 7,
    clouds: ['worldwide', 'gcc-high'],
  },
  steps: [],
  cmdlets: [],
  articles: [],
  sources: [{ title: 'OWA integration', url: 'http://example.com/not-microsoft' }],
};

export const MATRIX: SupportMatrix = {
  topologies: [
    { kind: 'topology', id: 'sfb-online', title: 'Skype for Business Online only' },
    { kind: 'topology', id: 'lync2013-onprem', title: 'Lync Server 2013 on-premises only' },
    { kind: 'topology', id: 'lync2013-hybrid', title: 'Lync Server 2013 hybrid' },
  ],
  features: [
    {
      kind: 'feature',
      id: 'free-busy',
      title: 'Free/Busy information',
      support: { 'sfb-online': 'yes', 'lync2013-onprem': 'yes', 'lync2013-hybrid': 'yes' },
    },
    {
      kind: 'feature',
      id: 'ucs',
      title: 'Unified Contact Store',
      support: { 'sfb-online': 'yes', 'lync2013-onprem': 'no', 'lync2013-hybrid': 'partial' },
      note: 'Not supported with Lync Server 2013 on-premises and Exchange Online.',
    },
  ],
};

export const PACKS: PackInfo[] = [
  {
    id: 'lexo-core',
    version: '0.2.0',
    source: 'builtin',
    languages: ['en', 'fr', 'zh-TW'],
    loadedAt: '2025-03-04T10:20:30.000Z',
    counts: { article: 12, step: 7 },
  },
  {
    id: 'team-contoso',
    version: '1.0.0',
    source: 'team',
    languages: ['en'],
    loadedAt: '2025-03-05T08:00:00.000Z',
    counts: { symptom: 2 },
  },
];

export const LIST: KbListItem[] = [
  { kind: 'symptom', id: 'owa-no-presence', title: 'OWA shows no presence', summary: 'No presence in OWA.', kb: null },
  { kind: 'symptom', id: 'no-free-busy', title: 'No free/busy', summary: 'Free/busy is empty.', kb: null },
];

export const RESULTS: SearchResult[] = [
  { kind: 'symptom', id: 'owa-no-presence', title: 'OWA shows no presence', kb: null, score: 1, matched: ['words'] },
  {
    kind: 'article',
    id: 'kb-2565604',
    title: "Can't see presence info in Outlook Web App",
    kb: '2565604',
    score: 0.8,
    matched: ['kb-number', 'words'],
  },
  {
    kind: 'cmdlet',
    id: 'get-cshostingprovider',
    title: 'Get-CsHostingProvider',
    kb: null,
    score: 0.5,
    matched: ['cmdlet-name'],
  },
  {
    kind: 'step',
    id: 'step-5-hosting-provider',
    title: '5. Hosting provider',
    kb: null,
    score: 0.4,
    matched: ['fuzzy'],
  },
];
