// English messages: the reference language. Its keys define `MessageKey`; every other language must have them all.
// `{name}` is replaced by the parameter of that name.
export const en = {
  'app.tagline': 'Exchange Online integration for Lync Server 2013 and Skype for Business',
  'app.skipToContent': 'Skip to main content',
  'header.language': 'Language',

  'nav.label': 'Main',
  'nav.search': 'Search',
  'nav.cases': 'Cases',
  'nav.case': 'Current case',
  'nav.kb': 'Knowledge base',
  'nav.settings': 'Settings',

  'search.title': 'Search',
  'search.intro':
    'Start from what the customer sees: an error message, a feature that stopped working, a client that shows the wrong status.',
  'search.label': 'Symptom or error message',
  'search.placeholder': 'e.g. Presence is not shown in Outlook Web App',
  'search.hint': 'Exact error text works best. Feature names such as free/busy, voicemail or contact card help too.',
  'search.results': 'Results',
  'search.empty.title': 'Type what the customer reports',
  'search.empty.body': 'Matching symptoms appear here, with the configuration steps and cmdlets to check for each.',
  'search.noMatch.title': 'No match for “{query}”',
  'search.noMatch.body':
    'Nothing in the loaded knowledge base matches this text. Try the exact error message or the name of the feature that fails.',

  'cases.title': 'Cases',
  'cases.intro':
    'A case keeps the customer’s topology, the evidence you collect and the checks you make, in one place.',
  'cases.empty.title': 'No cases yet',
  'cases.empty.body': 'Cases you open on this computer are listed here, most recent first.',

  'case.title': 'Current case',
  'case.empty.title': 'No case open',
  'case.empty.body': 'Open a case from the Cases list to follow its checks, evidence and conclusions here.',
  'case.unknown.title': 'Case “{id}” is not available',
  'case.unknown.body': 'No case with this reference is stored in this workspace.',
  'case.backToCases': 'Go to Cases',

  'kb.title': 'Knowledge base',
  'kb.intro': 'Content of the knowledge pack loaded in this workspace.',
  'kb.pack': 'Pack',
  'kb.packVersion': 'Pack version',
  'kb.loadedAt': 'Loaded',
  'kb.languages': 'Languages',
  'kb.notLoaded': 'No pack loaded',
  'kb.contents': 'Contents',
  'kb.total': 'Entries in total: {count}',
  'kb.kind.topology': 'Topologies',
  'kb.kind.feature': 'Features',
  'kb.kind.step': 'Configuration steps',
  'kb.kind.symptom': 'Symptoms',
  'kb.kind.cmdlet': 'Cmdlets',
  'kb.kind.article': 'Articles',
  'kb.kindHint.topology': 'Deployment models: online, on-premises or hybrid.',
  'kb.kindHint.feature': 'Integration features such as free/busy, presence or voicemail.',
  'kb.kindHint.step': 'The configuration steps each topology requires.',
  'kb.kindHint.symptom': 'What customers report, linked to the steps to check.',
  'kb.kindHint.cmdlet': 'PowerShell cmdlets used to check and fix the configuration.',
  'kb.kindHint.article': 'Microsoft support articles and documentation referenced by the pack.',

  'settings.title': 'Settings',
  'settings.language': 'Language',
  'settings.languageHint': 'Applies immediately and is remembered on this computer.',
  'settings.theme': 'Theme',
  'settings.themeHint': 'System follows the appearance chosen in the operating system.',

  'theme.system': 'System',
  'theme.light': 'Light',
  'theme.dark': 'Dark',

  'info.title': 'About LEXO',
  'info.statusTitle': 'Workspace status',
  'info.loading': 'Loading application information…',
  'info.error': 'Could not load application information (app.info, {code}): {message}',
  'info.retry': 'Retry',
  'info.version': 'Version',
  'info.host': 'Running as',
  'info.schemaVersion': 'Database schema',
  'info.dataDir': 'Data folder',
  'info.databasePath': 'Database file',
  'info.sqliteVersion': 'SQLite',
  'info.nodeVersion': 'Node.js',
  'info.electronVersion': 'Electron',
  'info.chromeVersion': 'Chromium',
  'info.packVersion': 'Knowledge pack',
  'info.packId': 'Pack ID',
  'info.kbCounts': 'Knowledge base content',
  'info.none': 'none',
  'info.seeAll': 'Knowledge base details',

  'host.electron': 'Desktop application',
  'host.web': 'Local web server',
  'host.cli': 'Command line',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
