// What a report says, as plain data: every format renders this model and nothing else. Built from the case, the
// engine's diagnosis and the knowledge base, then made safe to share (secrets masked; optionally redacted).
import { caseToFile } from '../cases/case-json';
import {
  CASE_NAME_FIELDS,
  CASE_NAME_PATTERN,
  isDocLink,
  type ArticleView,
  type CaseEvent,
  type CaseExportMeta,
  type CaseInput,
  type CaseNameField,
  type CaseRecord,
  type CaseStatus,
  type CmdletView,
  type CommandView,
  type Finding,
  type Lang,
  type StepCheck,
  type Topology,
} from '../contract';
import type { ReadableDb } from '../db/sqlite';
import { caseFileSchema, type CaseFile } from '../engine/case-file';
import { caseFacts } from '../engine/facts';
import { diagnoseCase } from '../engine/handlers';
import { knowledge } from '../engine/knowledge';
import { renderCommands } from '../engine/render';
import { LexoError } from '../errors';
import type { EvidenceAnalysis } from '../evidence/analyze';
import { analyzeEvidenceCached } from '../evidence/read-cache';
import type { UserRecord } from '../evidence/records';
import type { Conclusion } from '../kb/pack-schema';
import { entryView, titleOf } from '../kb/views';
import { APP_VERSION } from '../version';
import { cmdletsNeeded } from './powershell';
import { protectModel } from './protect';

/** What a report is made from: a stored case, or a case file (the CLI's case.json, possibly an exported case). */
export interface ReportCase {
  /** The case file, evidence included. */
  file: CaseInput;
  title: string;
  customer: string;
  ticket: string;
  status: CaseStatus;
  lang: Lang;
  createdAt?: string;
  updatedAt?: string;
  closedAt?: string | null;
  notes: { text: string; createdAt?: string }[];
  history: CaseEvent[];
  /** When each evidence item was added, in the order of file.evidence, when known. */
  evidenceAddedAt?: (string | undefined)[];
}

/** A stored case: the same as its export, which holds everything a report shows. */
export function reportCaseFromRecord(record: CaseRecord): ReportCase {
  const { lexo, ...file } = caseToFile(record);
  return fromExport(file, lexo);
}

/** A case file as given (checked here: it may come from anywhere), with what an exported case carries under `lexo`. */
export function reportCaseFromFile(input: CaseInput & { lexo?: CaseExportMeta }): ReportCase {
  const parsed = caseFileSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: ['case', ...i.path.map(String)].join('.'),
      message: i.message,
    }));
    throw new LexoError(
      'invalid-input',
      `The case file is not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      issues,
    );
  }
  const { lexo, ...file } = parsed.data as CaseFile & { lexo?: CaseExportMeta };
  return fromExport(file, lexo);
}

function fromExport(file: CaseInput, lexo: CaseExportMeta | undefined): ReportCase {
  const symptom = (file.symptom ?? '').trim().replace(/\s+/g, ' ');
  return {
    file,
    title: lexo?.title?.trim() || (symptom.length > 80 ? `${symptom.slice(0, 79)}…` : symptom),
    customer: lexo?.customer ?? '',
    ticket: lexo?.ticket ?? '',
    status: lexo?.status ?? 'open',
    lang: lexo?.lang ?? 'en',
    ...(lexo?.createdAt ? { createdAt: lexo.createdAt } : {}),
    ...(lexo?.updatedAt ? { updatedAt: lexo.updatedAt } : {}),
    ...(lexo?.closedAt !== undefined ? { closedAt: lexo.closedAt } : {}),
    notes: (lexo?.notes ?? []).map((n) => ({ text: n.text, ...(n.createdAt ? { createdAt: n.createdAt } : {}) })),
    history: lexo?.history ?? [],
    ...(lexo?.evidenceAddedAt ? { evidenceAddedAt: lexo.evidenceAddedAt } : {}),
  };
}

export interface ReportRef {
  id: string;
  title: string;
}

/** A command as the report shows it: unfilled placeholders written <name> and listed. */
export interface ReportCommand {
  command: string;
  caption?: string;
  runOn?: string;
  unfilled: string[];
}

export interface ReportEvidencePart {
  /** hosting-provider, user, dns… or not-recognized. */
  kind: string;
  command?: string;
  lines: { from: number; to: number };
  incomplete: boolean;
  empty?: boolean;
  errors?: string[];
  message?: string;
  facts: Record<string, string>;
}

export interface ReportEvidence {
  name: string;
  addedAt?: string;
  characters: number;
  text: string;
  parts: ReportEvidencePart[];
}

export interface ReportReference {
  /** The article's id (kb-2614614, article-<slug>). */
  id: string;
  kb: string | null;
  title: string;
  /** A Microsoft documentation link (only those: see isDocLink). */
  url?: string;
  /** For an article Microsoft removed: where its source is kept. */
  removed?: { repo: string; path: string; commit: string; date: string };
  status: 'published' | 'removed' | 'unknown';
}

/** Where a cmdlet the commands use comes from and where it runs, from the knowledge base. */
export interface ReportCmdlet {
  name: string;
  module: string;
  runOn?: string;
}

/** The report: `format` and `version` name this shape (json.ts documents it). */
export interface ReportModel {
  format: 'lexo-report';
  version: 1;
  generator: string;
  generatedAt: string;
  lang: Lang;
  /** Customer identifiers were replaced by tokens. */
  redacted: boolean;
  /** How many secret-looking values were masked as "[secret masked]". */
  secretsMasked: number;
  case: {
    title: string;
    customer: string;
    ticket: string;
    status: CaseStatus;
    createdAt?: string;
    updatedAt?: string;
    closedAt?: string | null;
  };
  summary: {
    symptom: string;
    status: 'concluded' | 'needs-answer';
    topology: ReportRef | null;
    conclusion: (ReportRef & { summary: string }) | null;
  };
  environment: {
    topology: ReportRef | null;
    exchange: ReportRef | null;
    cloud: ReportRef | null;
    dirsync: boolean | null;
    features: { id: string; title: string; state: 'works' | 'broken' | 'unknown' }[];
    names: { field: CaseNameField; value: string; source: 'case' | 'evidence' }[];
    facts: { name: string; value: string; source: 'case' | 'evidence' }[];
  };
  evidence: ReportEvidence[];
  findings: Finding[];
  trail: { id: string; question: string; answer: string; source: 'user' | 'evidence' | 'case' }[];
  steps: StepCheck[];
  /** The missing step (or other cause) and why; null while the diagnosis still needs an answer. */
  conclusion: {
    id: string;
    title: string;
    summary: string;
    explanation: string;
    confirm: string;
    kb: string[];
  } | null;
  /** The question the diagnosis waits for; null once concluded. */
  open: { id: string; question: string; help?: string; why: string; choices: string[] } | null;
  fix: ReportCommand[];
  verify: ReportCommand[];
  /** For an unfinished case: read-only checks of the steps not known yet, whose output answers the questions. */
  checks: ReportCommand[];
  cmdlets: ReportCmdlet[];
  references: ReportReference[];
  notes: { text: string; createdAt?: string }[];
  history: CaseEvent[];
}

export interface BuildOptions {
  /** Replace customer identifiers by stable tokens. */
  redact?: boolean;
}

const ref = (db: ReadableDb, kind: string, id: string | undefined | null, lang: Lang): ReportRef | null =>
  id ? { id, title: titleOf(db, kind, id, lang) } : null;

/** The engine's command view as the report shows it: {{name}} placeholders become <name>. */
function reportCommand(view: CommandView): ReportCommand {
  const unfilled = [...new Set([...view.command.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!))];
  return {
    command: view.command.replace(/\{\{(\w+)\}\}/g, '<$1>'),
    ...(view.caption ? { caption: view.caption } : {}),
    ...(view.runOn ? { runOn: view.runOn } : {}),
    unfilled,
  };
}

/** For an unfinished case: the verify commands of the steps still unknown, filled like the engine fills them. */
function checksFor(db: ReadableDb, c: CaseFile, steps: StepCheck[], topology: Topology | undefined, lang: Lang) {
  const k = knowledge(db);
  const withTopology: CaseFile = topology && !c.topology ? { ...c, topology } : c;
  const facts = caseFacts(withTopology);
  const seen = new Set<string>();
  const out: ReportCommand[] = [];
  for (const step of steps.filter((s) => s.status === 'unknown')) {
    // A conclusion that is only its step: renderCommands then gives that step's variant for this case.
    const stepOnly = { step: step.id, fix: [], verify: [], variants: [] } as unknown as Conclusion;
    for (const view of renderCommands(stepOnly, k, withTopology, facts, lang).verify) {
      if (seen.has(view.command)) continue;
      seen.add(view.command);
      out.push(reportCommand(view));
    }
  }
  return out;
}

function referencesFor(db: ReadableDb, ids: string[], lang: Lang): ReportReference[] {
  return [...new Set(ids)].map((id) => {
    const kb = /^kb-(\d+)$/.exec(id)?.[1] ?? null;
    let view: ArticleView;
    try {
      view = entryView(db, 'article', id, lang) as ArticleView;
    } catch (err) {
      if (err instanceof LexoError && err.code === 'not-found') {
        return { id, kb, title: kb ? `KB ${kb}` : id, status: 'unknown' as const };
      }
      throw err;
    }
    return {
      id,
      kb: view.kb,
      title: view.title,
      ...(isDocLink(view.link) ? { url: view.link } : {}),
      ...(view.removed ? { removed: view.removed } : {}),
      status: view.status,
    };
  });
}

function cmdletsFor(db: ReadableDb, commands: ReportCommand[], lang: Lang): ReportCmdlet[] {
  const names = [...new Set(commands.flatMap((c) => cmdletsNeeded(c.command)))];
  return names.flatMap((name) => {
    try {
      const view = entryView(db, 'cmdlet', name.toLowerCase(), lang) as CmdletView;
      return [{ name: view.name, module: view.module, ...(view.runOn ? { runOn: view.runOn } : {}) }];
    } catch (err) {
      if (err instanceof LexoError && err.code === 'not-found') return [];
      throw err;
    }
  });
}

function evidenceFor(rc: ReportCase, analysis: EvidenceAnalysis | null): ReportEvidence[] {
  return (rc.file.evidence ?? []).map((item, i) => {
    const added = rc.evidenceAddedAt?.[i];
    return {
      name: item.name,
      ...(added ? { addedAt: added } : {}),
      characters: item.text.length,
      text: item.text,
      parts: (analysis?.items[i]?.parts ?? []).map((p) => ({
        kind: p.kind,
        ...(p.command !== undefined ? { command: p.command } : {}),
        lines: p.lines,
        incomplete: p.incomplete,
        ...(p.empty !== undefined ? { empty: p.empty } : {}),
        ...(p.errors?.length ? { errors: p.errors } : {}),
        ...(p.message !== undefined ? { message: p.message } : {}),
        facts: p.facts,
      })),
    };
  });
}

/** People the evidence shows, with every name they go by: redaction gives them one token each. */
export function peopleIn(analysis: EvidenceAnalysis | null): { aliases: string[]; address?: string }[] {
  if (!analysis) return [];
  return analysis.items
    .flatMap((i) => i.parts)
    .flatMap((p) => (p.kind === 'user' ? (p.records as UserRecord[]) : []))
    .map((u) => {
      const address = [u.sipAddress, u.primaryUserAddress, u.userPrincipalName, u.primarySmtpAddress, u.mail]
        .map((a) => a?.replace(/^(sip|smtp):/i, ''))
        .find((a) => a && a.includes('@'));
      const aliases = [
        u.identity,
        u.displayName,
        u.userPrincipalName,
        u.other.SamAccountName,
        u.other.Alias,
        u.other.Name,
        u.other.GivenName && u.other.Surname ? `${u.other.GivenName} ${u.other.Surname}` : undefined,
      ].filter((a): a is string => typeof a === 'string' && a.trim() !== '');
      return { aliases, ...(address ? { address } : {}) };
    });
}

export function buildReport(
  db: ReadableDb,
  rc: ReportCase,
  lang: Lang,
  now: Date,
  options: BuildOptions = {},
): ReportModel {
  const parsed = caseFileSchema.safeParse(rc.file);
  if (!parsed.success) {
    throw new LexoError('invalid-input', `The case cannot be reported: ${parsed.error.issues[0]?.message ?? ''}`);
  }
  const file: CaseFile = parsed.data;
  const result = diagnoseCase(db, file, lang);
  const context = {
    ...(file.topology ? { topology: file.topology } : {}),
    ...(file.cloud ? { cloud: file.cloud } : {}),
    ...(file.exchange ? { exchange: file.exchange } : {}),
  };
  const analysis = file.evidence?.length ? analyzeEvidenceCached(file.evidence, context) : null;
  // The names the engine fills commands with: the case's own, else those the evidence shows (as withEvidence does).
  const read = analysis?.names ?? {};
  const topologyId = file.topology ?? result.topology;

  const names = CASE_NAME_FIELDS.flatMap((field): ReportModel['environment']['names'] => {
    const own = file.names?.[field];
    const shown = read[field];
    if (own) return [{ field, value: own, source: 'case' }];
    if (shown && CASE_NAME_PATTERN.test(shown)) return [{ field, value: shown, source: 'evidence' }];
    return [];
  });
  const facts = [
    ...Object.entries(analysis?.facts ?? {})
      .filter(([name]) => file.facts?.[name] === undefined)
      .map(([name, value]) => ({ name, value, source: 'evidence' as const })),
    ...Object.entries(file.facts ?? {}).map(([name, value]) => ({ name, value, source: 'case' as const })),
  ].sort((a, b) => a.name.localeCompare(b.name));

  const concluded = result.status === 'concluded' ? result : null;
  const fix = concluded ? concluded.fix.map(reportCommand) : [];
  const verify = concluded ? concluded.verify.map(reportCommand) : [];
  const withNames: CaseFile = {
    ...file,
    names: Object.fromEntries(names.map((n) => [n.field, n.value])),
    facts: Object.fromEntries(facts.map((f) => [f.name, f.value])),
  };
  const checks = concluded ? [] : checksFor(db, withNames, result.steps, topologyId, lang);
  const articleIds = [
    ...(concluded?.conclusion.articles.map((a) => a.id) ?? []),
    ...result.findings.flatMap((f) => f.kb.map((kb) => `kb-${kb}`)),
  ];

  const model: ReportModel = {
    format: 'lexo-report',
    version: 1,
    generator: `LEXO ${APP_VERSION}`,
    generatedAt: now.toISOString(),
    lang,
    redacted: false,
    secretsMasked: 0,
    case: {
      title: rc.title,
      customer: rc.customer,
      ticket: rc.ticket,
      status: rc.status,
      ...(rc.createdAt ? { createdAt: rc.createdAt } : {}),
      ...(rc.updatedAt ? { updatedAt: rc.updatedAt } : {}),
      ...(rc.closedAt !== undefined ? { closedAt: rc.closedAt } : {}),
    },
    summary: {
      symptom: file.symptom ?? '',
      status: result.status,
      topology: ref(db, 'topology', topologyId, lang),
      conclusion: concluded
        ? { id: concluded.conclusion.id, title: concluded.conclusion.title, summary: concluded.conclusion.summary }
        : null,
    },
    environment: {
      topology: ref(db, 'topology', topologyId, lang),
      exchange: ref(db, 'exchange', file.exchange, lang),
      cloud: ref(db, 'cloud', file.cloud, lang),
      dirsync: file.dirsync ?? null,
      features: Object.entries(file.features ?? {}).map(([id, state]) => ({
        id,
        title: titleOf(db, 'feature', id, lang),
        state,
      })),
      names,
      facts,
    },
    evidence: evidenceFor(rc, analysis),
    findings: result.findings,
    trail: result.trail.map((e) => ({ id: e.id, question: e.question, answer: e.answer, source: e.source })),
    steps: result.steps,
    conclusion: concluded
      ? {
          id: concluded.conclusion.id,
          title: concluded.conclusion.title,
          summary: concluded.conclusion.summary,
          explanation: concluded.conclusion.explanation,
          confirm: concluded.conclusion.confirm,
          kb: concluded.conclusion.kb,
        }
      : null,
    open:
      result.status === 'needs-answer'
        ? {
            id: result.question.id,
            question: result.question.text,
            ...(result.question.help ? { help: result.question.help } : {}),
            why: result.question.why,
            choices: result.question.choices.map((c) => c.label),
          }
        : null,
    fix,
    verify,
    checks,
    cmdlets: cmdletsFor(db, [...fix, ...verify, ...checks], lang),
    references: referencesFor(db, articleIds, lang),
    notes: rc.notes.map((n) => ({ text: n.text, ...(n.createdAt ? { createdAt: n.createdAt } : {}) })),
    history: rc.history,
  };
  const clouds = knowledge(db).clouds;
  return protectModel(model, {
    redact: options.redact === true,
    people: peopleIn(analysis),
    keepDomains: [...clouds.values()].map((c) => c.proxyFqdn.split('.').slice(-2).join('.')),
  });
}
