// The public contract between the core and every host (Electron IPC, web host, CLI) and the renderer.
// Types, constants and a few pure checks: the renderer imports this file, so it must stay free of Node and of the driver.

export const LANGS = ['en', 'fr', 'zh-TW'] as const;
export type Lang = (typeof LANGS)[number];

export const TOPOLOGIES = [
  'sfb-online',
  'lync2013-onprem',
  'lync2013-hybrid',
  'sfb-server-onprem',
  'sfb-server-hybrid',
] as const;
export type Topology = (typeof TOPOLOGIES)[number];

/** Kinds of knowledge-base entries. */
export const KB_KINDS = [
  'topology',
  'exchange',
  'cloud',
  'feature',
  'step',
  'symptom',
  'cmdlet',
  'article',
  'topic',
  'node',
  'conclusion',
] as const;
export type KbKind = (typeof KB_KINDS)[number];

/** Kinds that search returns (DESIGN.md's CLI contract, extended with topic). */
export const SEARCH_KINDS = ['symptom', 'article', 'step', 'cmdlet', 'topic'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Why a result matched, for the UI ("matched the KB number", …). */
export type MatchReason = 'kb-number' | 'cmdlet-name' | 'words' | 'fuzzy';

export interface SearchResult {
  kind: SearchKind;
  id: string;
  title: string;
  kb: string | null;
  /** 1 for the best result, lower for the others. */
  score: number;
  matched: MatchReason[];
}

export interface SearchInput {
  query: string;
  lang?: Lang;
  limit?: number;
  kinds?: SearchKind[];
}

/** A link from one entry to another, with the target's title in the requested language. */
export interface KbLink {
  kind: KbKind;
  id: string;
  title: string;
  kb?: string | null;
}

export interface CommandView {
  command: string;
  caption?: string;
  runOn?: string;
}

export interface SourceView {
  title: string;
  url?: string;
  path?: string;
}

interface EntryViewBase {
  id: string;
  packId: string;
  lang: Lang;
  title: string;
  summary: string;
}

export interface TopologyView extends EntryViewBase {
  kind: 'topology';
  product: string;
  accounts: string;
  dirsync: string;
  sso: string;
  supportLevel: string;
  lastStep: number;
}
export interface ExchangeView extends EntryViewBase {
  kind: 'exchange';
}
export interface CloudView extends EntryViewBase {
  kind: 'cloud';
  proxyFqdn: string;
}
export interface FeatureView extends EntryViewBase {
  kind: 'feature';
  group: string;
  enabledAfterStep: number | null;
  support: Record<string, 'yes' | 'no' | 'partial'>;
  supportNote?: string;
}
export interface StepVariantView {
  id: string;
  topologies: KbLink[];
  exchange?: KbLink[];
  dirsync?: boolean;
  action: 'configure' | 'check' | 'nothing-to-do' | 'not-applicable';
  text: string;
  fix: CommandView[];
  verify: CommandView[];
}
export interface StepView extends EntryViewBase {
  kind: 'step';
  number: number;
  explanation: string;
  enables: KbLink[];
  variants: StepVariantView[];
  cmdlets: KbLink[];
  articles: KbLink[];
  topics: KbLink[];
  sources: SourceView[];
}
export interface CmdletView extends EntryViewBase {
  kind: 'cmdlet';
  name: string;
  module: string;
  runOn?: string;
  syntax: string[];
  parameters: { name: string; type: string; summary: string; integrationValue?: string; note?: string }[];
  notes: string[];
  examples: CommandView[];
  link?: string;
  related: KbLink[];
  articles: KbLink[];
  steps: KbLink[];
}
export interface ArticleView extends EntryViewBase {
  kind: 'article';
  kb: string | null;
  appliesTo: { topologies: KbLink[]; exchange: KbLink[]; clouds: KbLink[]; clients: string[]; products: string[] };
  symptoms: string;
  errors: string[];
  cause: string;
  resolution: string;
  commands: CommandView[];
  verify?: string;
  steps: KbLink[];
  features: KbLink[];
  cmdlets: KbLink[];
  related: KbLink[];
  status: 'published' | 'removed';
  link?: string;
  removed?: { repo: string; path: string; commit: string; date: string };
  retiredProduct: boolean;
  sources: SourceView[];
}
export interface SymptomView extends EntryViewBase {
  kind: 'symptom';
  phrases: string[];
  features: KbLink[];
  steps: KbLink[];
  articles: KbLink[];
}
export interface TopicView extends EntryViewBase {
  kind: 'topic';
  body: string[];
  commands: CommandView[];
  facts: Record<string, string | number | boolean | string[]>;
  steps: KbLink[];
  cmdlets: KbLink[];
  articles: KbLink[];
  sources: SourceView[];
}
export type KbEntryView =
  TopologyView | ExchangeView | CloudView | FeatureView | StepView | CmdletView | ArticleView | SymptomView | TopicView;

export interface KbListItem {
  kind: KbKind;
  id: string;
  title: string;
  summary: string;
  kb: string | null;
}

/** The support matrix: which feature works in which topology. */
export interface SupportMatrix {
  topologies: KbLink[];
  features: (KbLink & { support: Record<string, 'yes' | 'no' | 'partial'>; note?: string })[];
}

export interface PackInfo {
  id: string;
  version: string;
  source: 'builtin' | 'team';
  languages: Lang[];
  loadedAt: string;
  counts: Partial<Record<KbKind, number>>;
}

export type HostKind = 'electron' | 'web' | 'cli';

export interface KbStats {
  packId: string | null;
  packVersion: string | null;
  loadedAt: string | null;
  languages: Lang[];
  counts: Record<KbKind, number>;
}

export interface AppInfo {
  name: 'LEXO';
  version: string;
  host: HostKind;
  versions: {
    node: string;
    sqlite: string;
    electron: string | null;
    chrome: string | null;
  };
  schemaVersion: number;
  dataDir: string;
  databasePath: string;
  kb: KbStats;
}

/** The customer's names a case may hold: they fill the placeholders of the fix and verify commands. */
export const CASE_NAME_FIELDS = [
  'sipDomain',
  'userSipAddress',
  'userPrincipalName',
  'userMail',
  'userIdentity',
  'edgePoolFqdn',
  'accessEdgeFqdn',
  'externalWebFqdn',
  'frontEndPoolFqdn',
  'tenant',
  'tenantDomain',
  'policyName',
  'exchangeAutodiscoverUrl',
  'exchangeServerFqdn',
  'lyncServerFqdn',
  'umProviderFqdn',
] as const;
export type CaseNameField = (typeof CASE_NAME_FIELDS)[number];

/**
 * What a name may contain. Names end up inside PowerShell commands the engineer copies, so only the characters
 * real names use: no quotes, backticks, $, ;, | or line breaks.
 */
export const CASE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 .@_:/\\-]*$/;
export const CASE_NAME_MAX = 256;

/** A case as DESIGN.md's case file: every field optional; what is missing the engine asks for. */
export interface CaseInput {
  symptom?: string;
  topology?: Topology;
  exchange?: 'exchange-online' | 'exchange-hybrid' | 'exchange-onprem';
  cloud?: 'worldwide' | '21vianet' | 'gcc-high';
  dirsync?: boolean;
  features?: Record<string, 'works' | 'broken' | 'unknown'>;
  answers?: Record<string, string>;
  evidence?: { name: string; text: string }[];
  names?: Partial<Record<CaseNameField, string>>;
  facts?: Record<string, string>;
  /** What a case exported by LEXO carries besides the case file (title, notes, history); ignored by the engine. */
  lexo?: CaseExportMeta;
}

/** Where an answer came from: the engineer, pasted evidence, or the case file itself. */
export type FactSource = 'user' | 'evidence' | 'case';

export interface TrailEntry {
  /** The question, check or probe id: changing `answers[id]` changes this answer. */
  id: string;
  /** The fact this answer gave or read (topology, feature.free-busy, step.5…), when it is one. */
  fact?: string;
  question: string;
  answer: string;
  choice: string;
  source: FactSource;
}

export interface QuestionChoice {
  id: string;
  label: string;
  /** What this answer would rule out: why the question is worth asking. */
  rulesOut: KbLink[];
}

export interface PendingQuestion {
  id: string;
  text: string;
  help?: string;
  /** The choices, "unsure" always last. */
  choices: QuestionChoice[];
  /** Why this question now, in one sentence. */
  why: string;
}

export type StepStatus = 'done' | 'missing' | 'unknown' | 'not-applicable';
export interface StepCheck {
  id: string;
  number: number;
  title: string;
  status: StepStatus;
}

/** Something wrong that the evidence shows, tied to the conclusion it points at. */
export interface Finding {
  id: string;
  severity: 'error' | 'warning' | 'info';
  conclusion: string;
  message: string;
  kb: string[];
  fix: string[];
  /** The pasted lines that show it (support-article findings: the error string, event or code that matched). */
  lines?: FindingLine[];
}

/** Lines of one evidence item: its name, 1-based first and last line, and an excerpt of them. */
export interface FindingLine {
  item: string;
  from: number;
  to: number;
  text: string;
}

interface DiagnoseBase {
  /** The topology the walk used (from the case or an answer), when known. */
  topology?: Topology;
  trail: TrailEntry[];
  /** What the pasted evidence showed (empty until evidence is given). */
  findings: Finding[];
  /** Questions the engineer had to answer (not those the case or evidence answered). */
  questionsAsked: number;
  /** The seven steps with what is known of each, for the checklist and the diagram. */
  steps: StepCheck[];
}

export interface DiagnoseConcluded extends DiagnoseBase {
  status: 'concluded';
  conclusion: {
    id: string;
    title: string;
    kb: string[];
    summary: string;
    explanation: string;
    confirm: string;
    articles: KbLink[];
  };
  /** Commands as text, placeholders the case does not fill shown as <name>. */
  fixCommands: string[];
  verifyCommands: string[];
  /** The same commands with captions; unfilled placeholders kept as {{name}} for the UI to mark. */
  fix: CommandView[];
  verify: CommandView[];
  /** Placeholders the engineer still has to fill. */
  unfilled: string[];
}

export interface DiagnoseNeedsAnswer extends DiagnoseBase {
  status: 'needs-answer';
  question: PendingQuestion;
}

export type DiagnoseResult = DiagnoseConcluded | DiagnoseNeedsAnswer;

/** The case context evidence is read in: it decides what is right (a ProxyFqdn for the cloud, DNS for the topology). */
export interface EvidenceContextInput {
  topology?: Topology;
  cloud?: 'worldwide' | '21vianet' | 'gcc-high';
  exchange?: 'exchange-online' | 'exchange-hybrid' | 'exchange-onprem';
}

/** One recognized part of a paste: which command's output, where, what it showed. */
export interface EvidencePartView {
  /** hosting-provider, access-edge, external-access-policy, cms-replication, synthetic-test, oauth-configuration, oauth-server, partner-application, user, mailbox, dns, or not-recognized. */
  kind: string;
  command?: string;
  /** Some value was cut (…) or the paste ended mid-object. */
  incomplete: boolean;
  lines: { from: number; to: number };
  empty?: boolean;
  errors?: string[];
  /** For a part LEXO cannot read: what was wrong and what it reads. */
  message?: string;
  /** The facts this part alone shows. */
  facts: Record<string, string>;
  /** The objects read, property by property. */
  records: unknown[];
}

export interface EvidenceAnalysisView {
  facts: Record<string, string>;
  findings: Finding[];
  items: { name: string; parts: EvidencePartView[] }[];
  /** Customer names the evidence shows (sipDomain, userSipAddress…), when unambiguous. */
  names: Record<string, string>;
}

/** A case's life: open while the engineer works on it, closed when done (reopening is always possible). */
export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The report formats of DESIGN.md's `lexo report`. */
export const REPORT_FORMATS = ['md', 'html', 'pdf', 'json', 'ps1'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** Formats rendered as text by the core; PDF is the HTML printed by the host's Chromium. */
export type TextReportFormat = Exclude<ReportFormat, 'pdf'>;

/** What the case list shows of a case. */
export interface CaseSummary {
  id: string;
  title: string;
  customer: string;
  ticket: string;
  status: CaseStatus;
  /** The language the engineer works in: the report's language. */
  lang: Lang;
  symptom: string;
  topology: Topology | null;
  /** The conclusion the engine reached on the last save, when it reached one. */
  conclusion: string | null;
  conclusionTitle: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Set while a deleted case can still be restored. */
  deletedAt: string | null;
}

export interface CaseNote {
  id: string;
  text: string;
  createdAt: string;
  updatedAt: string;
}

export interface CaseEvidence {
  id: string;
  name: string;
  text: string;
  addedAt: string;
}

export const CASE_EVENT_TYPES = [
  'created',
  'imported',
  'renamed',
  'details-changed',
  'environment-changed',
  'answered',
  'answer-cleared',
  'evidence-added',
  'evidence-removed',
  'note-added',
  'note-edited',
  'note-removed',
  'concluded',
  'closed',
  'reopened',
  'deleted',
  'restored',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/** One line of a case's audit trail. */
export interface CaseEvent {
  at: string;
  type: CaseEventType;
  /** What changed, in a few words (ids and values, not prose: the UI words it in the user's language). */
  detail: string;
}

/** The fields of a case the engineer edits in the guided flow: DESIGN.md's case file without evidence. */
export type CaseFields = Omit<CaseInput, 'evidence' | 'lexo'>;

/** A whole stored case. */
export interface CaseRecord extends CaseSummary {
  file: CaseFields;
  evidence: CaseEvidence[];
  notes: CaseNote[];
  history: CaseEvent[];
}

export interface CaseListInput {
  /** Words to find in the title, customer, ticket, symptom, conclusion or notes. */
  query?: string;
  status?: CaseStatus | 'all';
  customer?: string;
  ticket?: string;
  conclusion?: string;
  /** ISO dates (inclusive): cases updated in this range. */
  from?: string;
  to?: string;
  /** Deleted cases that can still be restored, instead of the live ones. */
  deleted?: boolean;
  limit?: number;
  offset?: number;
}

export interface CaseUpdateInput {
  id: string;
  title?: string;
  customer?: string;
  ticket?: string;
  lang?: Lang;
  /** The case file's fields as they are now; an absent key keeps its value, null clears it. */
  file?: { [K in keyof CaseFields]?: CaseFields[K] | null };
}

export interface ReportInput {
  /** A stored case, or a case file given inline (the CLI). */
  caseId?: string;
  case?: CaseInput;
  format: ReportFormat;
  /** Default: the case's language. */
  lang?: Lang;
  /** Replace what identifies the customer with stable tokens, for reports that leave the company. */
  redact?: boolean;
}

/** The text of a report (every format but PDF), for the preview and for hosts that write files. */
export interface ReportText {
  fileName: string;
  mime: string;
  text: string;
}

/** What an export gives back: where the host saved it, that the user cancelled, or the bytes for a download. */
export interface ReportExportResult {
  fileName: string;
  mime: string;
  /** Saved by the host (Electron's save dialog). */
  path?: string;
  cancelled?: boolean;
  /** The file's bytes, base64, for the browser to download (browser mode). */
  base64?: string;
}

/** What an exported case carries besides DESIGN.md's case file, under the key `lexo`. */
export interface CaseExportMeta {
  format: 'lexo-case';
  version: 1;
  title?: string;
  customer?: string;
  ticket?: string;
  status?: CaseStatus;
  lang?: Lang;
  createdAt?: string;
  updatedAt?: string;
  closedAt?: string | null;
  notes?: { text: string; createdAt?: string; updatedAt?: string }[];
  evidenceAddedAt?: string[];
  history?: CaseEvent[];
}

/** Every API method: its input and output. Hosts expose exactly these names. */
export interface ApiMethods {
  'app.info': { input: Record<string, never>; output: AppInfo };
  'kb.search': { input: SearchInput; output: { results: SearchResult[] } };
  'kb.get': { input: { kind: KbKind; id: string; lang?: Lang }; output: KbEntryView };
  'kb.list': { input: { kind: KbKind; lang?: Lang }; output: { items: KbListItem[] } };
  'kb.matrix': { input: { lang?: Lang }; output: SupportMatrix };
  'kb.packs': { input: Record<string, never>; output: { packs: PackInfo[] } };
  /** Imports a team pack from the text of its file; replaces an earlier version of the same team pack. */
  'kb.importPack': { input: { text: string; name?: string }; output: PackInfo };
  'kb.exportPack': { input: { id: string }; output: { fileName: string; text: string } };
  'kb.removePack': { input: { id: string }; output: { removed: boolean } };
  /** Reads pasted command, DNS and AD output into facts and findings. */
  'evidence.analyze': {
    input: { items: { name: string; text: string }[]; context?: EvidenceContextInput };
    output: EvidenceAnalysisView;
  };
  /** Runs the diagnostic tree over a case: a conclusion, or the next question to ask. */
  'engine.diagnose': { input: { case: CaseInput; lang?: Lang }; output: DiagnoseResult };
  /** Starts a case, empty or from a case file (e.g. the symptom typed in search). */
  'cases.create': {
    input: { title?: string; customer?: string; ticket?: string; lang?: Lang; file?: CaseFields };
    output: CaseRecord;
  };
  'cases.get': { input: { id: string }; output: CaseRecord };
  'cases.list': { input: CaseListInput; output: { cases: CaseSummary[]; total: number } };
  /** Saves what changed at once, in one transaction, with a line in the audit trail per change. */
  'cases.update': { input: CaseUpdateInput; output: CaseRecord };
  'cases.addEvidence': { input: { id: string; name: string; text: string }; output: CaseRecord };
  'cases.removeEvidence': { input: { id: string; evidenceId: string }; output: CaseRecord };
  'cases.addNote': { input: { id: string; text: string }; output: CaseRecord };
  'cases.editNote': { input: { id: string; noteId: string; text: string }; output: CaseRecord };
  'cases.removeNote': { input: { id: string; noteId: string }; output: CaseRecord };
  'cases.setStatus': { input: { id: string; status: CaseStatus }; output: CaseRecord };
  /** Moves a case to the deleted list, from where `cases.restore` brings it back (kept 30 days). */
  'cases.delete': { input: { id: string }; output: CaseSummary };
  'cases.restore': { input: { id: string }; output: CaseRecord };
  /** The case as DESIGN.md's case file plus its notes and history under `lexo`. */
  'cases.export': { input: { id: string }; output: { fileName: string; text: string } };
  /** Imports an exported case (or a bare case file) as a new case; nothing existing is replaced. */
  'cases.import': { input: { text: string; name?: string }; output: CaseRecord };
  /** A report as text (md, html, json, ps1): the export preview, and what the CLI writes. */
  'report.render': { input: ReportInput & { format: TextReportFormat }; output: ReportText };
  /** A report in any format, PDF included, saved through the host (save dialog) or returned for a download. */
  'report.export': { input: ReportInput; output: ReportExportResult };
}

export type ApiName = keyof ApiMethods;
export type ApiInput<N extends ApiName> = ApiMethods[N]['input'];
export type ApiOutput<N extends ApiName> = ApiMethods[N]['output'];

/** Listed at runtime so preload and web client can expose one function per name, and nothing else. */
export const API_NAMES = [
  'app.info',
  'kb.search',
  'kb.get',
  'kb.list',
  'kb.matrix',
  'kb.packs',
  'kb.importPack',
  'kb.exportPack',
  'kb.removePack',
  'evidence.analyze',
  'engine.diagnose',
  'cases.create',
  'cases.get',
  'cases.list',
  'cases.update',
  'cases.addEvidence',
  'cases.removeEvidence',
  'cases.addNote',
  'cases.editNote',
  'cases.removeNote',
  'cases.setStatus',
  'cases.delete',
  'cases.restore',
  'cases.export',
  'cases.import',
  'report.render',
  'report.export',
] as const satisfies readonly ApiName[];

export const ERROR_CODES = [
  'invalid-input',
  'unknown-method',
  'not-found',
  'database-error',
  'pack-error',
  'forbidden',
  /** A file could not be written (read-only folder, full disk, no permission); nothing was half-written. */
  'write-error',
  /** The renderer could not reach the host at all (IPC closed, web host stopped). */
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Where the input was wrong, e.g. `["lang"]`, when known. */
  issues?: { path: string; message: string }[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What the preload bridge exposes on `window.lexo`: one function per API name. */
export type LexoBridge = {
  [N in ApiName]: (input: ApiInput<N>) => Promise<ApiResult<ApiOutput<N>>>;
};

/** Microsoft documentation hosts that articles link to: the only links LEXO shows as links or opens outside. */
export const DOC_LINK_HOSTS = [
  'learn.microsoft.com',
  'support.microsoft.com',
  'docs.microsoft.com',
  'technet.microsoft.com',
] as const;

/** An https link to Microsoft documentation, default port, no credentials. Shared by the shell and the renderer. */
export function isDocLink(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    (DOC_LINK_HOSTS as readonly string[]).includes(parsed.hostname)
  );
}

/** IPC channel of a method. */
export const channelOf = (name: ApiName): `lexo:${ApiName}` => `lexo:${name}`;

/** Compile-time check that API_NAMES lists every method of ApiMethods. */
type MissingApiNames = Exclude<ApiName, (typeof API_NAMES)[number]>;
export const API_NAMES_COMPLETE: MissingApiNames extends never ? true : MissingApiNames = true;
