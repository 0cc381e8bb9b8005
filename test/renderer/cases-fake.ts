// An in-memory stand-in for the case store's API, for the case list and export dialog tests: what the store
// keeps (live and deleted cases, newest first) and the filters the list sends, so actions and undo can be seen
// through the list as the screen reads it again. Every call is recorded by `stubApi`.
import type {
  ApiResult,
  CaseListInput,
  CaseRecord,
  CaseSummary,
  Lang,
  ReportExportResult,
  ReportInput,
  ReportText,
} from '../../src-main/core/contract';
import { fail, stubApi, value, type Handlers } from './helpers';

export interface FakeCase {
  id: string;
  title?: string;
  customer?: string;
  ticket?: string;
  status?: 'open' | 'closed';
  lang?: Lang;
  conclusion?: string | null;
  conclusionTitle?: string | null;
  updatedAt?: string;
  deletedAt?: string | null;
}

/** Five minutes apart from a fixed start, so order and dates are predictable. */
export function fakeClock(start = Date.parse('2025-03-04T09:00:00.000Z')) {
  let at = start;
  return () => new Date((at += 5 * 60_000)).toISOString();
}

export function caseRecord(c: FakeCase, at = '2025-03-04T09:00:00.000Z'): CaseRecord {
  return {
    id: c.id,
    title: c.title ?? '',
    customer: c.customer ?? '',
    ticket: c.ticket ?? '',
    status: c.status ?? 'open',
    lang: c.lang ?? 'en',
    symptom: '',
    topology: null,
    conclusion: c.conclusion ?? null,
    conclusionTitle: c.conclusionTitle ?? null,
    createdAt: at,
    updatedAt: c.updatedAt ?? at,
    closedAt: c.status === 'closed' ? at : null,
    deletedAt: c.deletedAt ?? null,
    file: {},
    evidence: [],
    notes: [],
    history: [],
  };
}

const summary = ({ file: _f, evidence: _e, notes: _n, history: _h, ...rest }: CaseRecord): CaseSummary => rest;

export interface FakeReports {
  render?: (input: ReportInput) => ApiResult<ReportText>;
  export?: (input: ReportInput) => ApiResult<ReportExportResult> | Promise<ApiResult<ReportExportResult>>;
}

/** A stub API over an in-memory case store; `extra` handlers override or add methods. */
export function fakeCasesApi(initial: FakeCase[] = [], reports: FakeReports = {}, extra: Handlers = {}) {
  const now = fakeClock();
  const store = new Map<string, CaseRecord>(initial.map((c) => [c.id, caseRecord(c, now())]));
  let next = 1;

  const find = (id: string, deleted = false): CaseRecord | null => {
    const record = store.get(id);
    return record && (record.deletedAt === null || deleted) ? record : null;
  };
  const notFound = (id: string) => fail({ code: 'not-found', message: `No case with id "${id}".` });
  const touch = (record: CaseRecord, patch: Partial<CaseRecord>) => {
    const updated = { ...record, ...patch, updatedAt: now() };
    store.set(record.id, updated);
    return updated;
  };

  function list(input: CaseListInput) {
    const words = (input.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const matches = [...store.values()]
      .filter((c) => (input.deleted ? c.deletedAt !== null : c.deletedAt === null))
      .filter((c) => !input.status || input.status === 'all' || c.status === input.status)
      .filter((c) => words.every((w) => `${c.title} ${c.customer} ${c.ticket}`.toLowerCase().includes(w)))
      .filter((c) => !input.customer || c.customer.toLowerCase().includes(input.customer.toLowerCase()))
      .filter((c) => !input.ticket || c.ticket.toLowerCase().includes(input.ticket.toLowerCase()))
      .filter((c) => !input.conclusion || c.conclusion === input.conclusion)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    const offset = input.offset ?? 0;
    return { cases: matches.slice(offset, offset + (input.limit ?? 50)).map(summary), total: matches.length };
  }

  const handlers: Handlers = {
    'cases.list': (input) => value(list(input)),
    'cases.create': (input) => {
      const record = caseRecord({ id: `new-${next++}`, lang: input.lang ?? 'en', title: input.title ?? '' }, now());
      store.set(record.id, { ...record, file: input.file ?? {} });
      return value(store.get(record.id)!);
    },
    'cases.update': ({ id, title }) => {
      const record = find(id);
      return record ? value(touch(record, title === undefined ? {} : { title: title.trim() })) : notFound(id);
    },
    'cases.setStatus': ({ id, status }) => {
      const record = find(id);
      return record ? value(touch(record, { status })) : notFound(id);
    },
    'cases.delete': ({ id }) => {
      const record = find(id);
      if (!record) return notFound(id);
      const deleted = { ...record, deletedAt: now() };
      store.set(id, deleted);
      return value(summary(deleted));
    },
    'cases.restore': ({ id }) => {
      const record = find(id, true);
      if (!record) return notFound(id);
      const restored = { ...record, deletedAt: null };
      store.set(id, restored);
      return value(restored);
    },
    'cases.export': ({ id }) => {
      const record = find(id);
      return record
        ? value({ fileName: `lexo-case-${id}.json`, text: JSON.stringify({ lexo: { title: record.title } }) })
        : notFound(id);
    },
    'cases.import': ({ text }) => {
      let parsed: { lexo?: { title?: string } };
      try {
        parsed = JSON.parse(text) as typeof parsed;
      } catch {
        return fail({
          code: 'invalid-input',
          message: 'The case file is not valid JSON: Unexpected token.',
          issues: [{ path: '(file)', message: 'not JSON' }],
        });
      }
      const record = caseRecord({ id: `imported-${next++}`, title: parsed.lexo?.title ?? '' }, now());
      store.set(record.id, record);
      return value(record);
    },
    'report.render': (input) =>
      reports.render?.(input) ??
      value({
        fileName: `lexo-report.${input.format}`,
        mime: input.format === 'html' ? 'text/html' : 'text/plain',
        text:
          input.format === 'html'
            ? `<!doctype html><html lang="${input.lang}"><body><h1>Report ${input.caseId} ${input.lang}</h1></body></html>`
            : `# Report ${input.caseId} (${input.format}, ${input.lang}${input.redact ? ', redacted' : ''})`,
      }),
    'report.export': (input) =>
      reports.export?.(input) ??
      value({ fileName: `lexo-report.${input.format}`, mime: 'text/plain', base64: btoa(`report ${input.format}`) }),
    ...extra,
  };
  const api = stubApi(handlers);
  return { ...api, store };
}
