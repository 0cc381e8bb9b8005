import { z } from 'zod';
import {
  CASE_STATUSES,
  KB_KINDS,
  LANGS,
  REPORT_FORMATS,
  SEARCH_KINDS,
  TOPOLOGIES,
  type ApiInput,
  type ApiName,
  type CaseInput,
} from './contract';
import {
  CASE_CUSTOMER_MAX,
  CASE_TICKET_MAX,
  CASE_TITLE_MAX,
  NOTE_MAX,
  caseFileSchema,
  evidenceItems,
} from './engine/case-file';

const lang = z.enum(LANGS).optional();
const none = z.object({}).strict() as z.ZodType<Record<string, never>>;
const entryId = z.string().min(1).max(200);
const caseId = z.string().min(1).max(100);
const title = z.string().max(CASE_TITLE_MAX, `at most ${CASE_TITLE_MAX} characters`);
const customer = z.string().max(CASE_CUSTOMER_MAX, `at most ${CASE_CUSTOMER_MAX} characters`);
const ticket = z.string().max(CASE_TICKET_MAX, `at most ${CASE_TICKET_MAX} characters`);
const noteText = z
  .string()
  .max(NOTE_MAX, `at most ${NOTE_MAX} characters`)
  .refine((t) => t.trim() !== '', 'a note cannot be empty');
const evidenceItem = evidenceItems.unwrap().element;
/** The case file's fields without evidence (added one by one) and without export metadata. */
const caseFields = caseFileSchema.omit({ evidence: true, lexo: true });
/** A patch of the case file: null clears a field. */
const caseFieldsPatch = z
  .object(Object.fromEntries(Object.entries(caseFields.shape).map(([k, v]) => [k, v.unwrap().nullable().optional()])))
  .strict();
const isoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
const report = {
  caseId: caseId.optional(),
  case: (caseFileSchema as z.ZodType<CaseInput>).optional(),
  lang,
  redact: z.boolean().optional(),
};
const oneCase = (r: { caseId?: string; case?: unknown }) => (r.caseId === undefined) !== (r.case === undefined);
const oneCaseMessage = {
  message: 'give exactly one of caseId (a stored case) and case (a case file)',
  path: ['caseId'],
};

/** Input schema of every API method. Every host validates with these before a handler runs. */
export const inputSchemas: { [N in ApiName]: z.ZodType<ApiInput<N>> } = {
  'app.info': none,
  'kb.search': z
    .object({
      query: z.string().max(2000, 'at most 2000 characters'),
      lang,
      limit: z.number().int().min(1).max(100).optional(),
      kinds: z.array(z.enum(SEARCH_KINDS)).min(1).optional(),
    })
    .strict(),
  'kb.get': z.object({ kind: z.enum(KB_KINDS), id: entryId, lang }).strict(),
  'kb.list': z.object({ kind: z.enum(KB_KINDS), lang }).strict(),
  'kb.matrix': z.object({ lang }).strict(),
  'kb.packs': none,
  'kb.importPack': z.object({ text: z.string(), name: z.string().max(260).optional() }).strict(),
  'kb.exportPack': z.object({ id: entryId }).strict(),
  'kb.removePack': z.object({ id: entryId }).strict(),
  'evidence.analyze': z
    .object({
      items: evidenceItems.unwrap(),
      context: z
        .object({
          topology: z.enum(TOPOLOGIES).optional(),
          cloud: z.enum(['worldwide', '21vianet', 'gcc-high']).optional(),
          exchange: z.enum(['exchange-online', 'exchange-hybrid', 'exchange-onprem']).optional(),
        })
        .strict()
        .optional(),
    })
    .strict(),
  'engine.diagnose': z.object({ case: caseFileSchema as z.ZodType<CaseInput>, lang }).strict(),
  'cases.create': z
    .object({
      title: title.optional(),
      customer: customer.optional(),
      ticket: ticket.optional(),
      lang,
      file: caseFields.optional(),
    })
    .strict() as z.ZodType<ApiInput<'cases.create'>>,
  'cases.get': z.object({ id: caseId }).strict(),
  'cases.list': z
    .object({
      query: z.string().max(500).optional(),
      status: z.enum([...CASE_STATUSES, 'all']).optional(),
      customer: customer.optional(),
      ticket: ticket.optional(),
      conclusion: z.string().max(200).optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      deleted: z.boolean().optional(),
      limit: z.number().int().min(1).max(1000).optional(),
      offset: z.number().int().min(0).optional(),
    })
    .strict(),
  'cases.update': z
    .object({
      id: caseId,
      title: title.optional(),
      customer: customer.optional(),
      ticket: ticket.optional(),
      lang,
      file: caseFieldsPatch.optional(),
    })
    .strict() as z.ZodType<ApiInput<'cases.update'>>,
  'cases.addEvidence': z.object({ id: caseId, name: evidenceItem.shape.name, text: evidenceItem.shape.text }).strict(),
  'cases.removeEvidence': z.object({ id: caseId, evidenceId: caseId }).strict(),
  'cases.addNote': z.object({ id: caseId, text: noteText }).strict(),
  'cases.editNote': z.object({ id: caseId, noteId: caseId, text: noteText }).strict(),
  'cases.removeNote': z.object({ id: caseId, noteId: caseId }).strict(),
  'cases.setStatus': z.object({ id: caseId, status: z.enum(CASE_STATUSES) }).strict(),
  'cases.delete': z.object({ id: caseId }).strict(),
  'cases.restore': z.object({ id: caseId }).strict(),
  'cases.export': z.object({ id: caseId }).strict(),
  'cases.import': z
    .object({ text: z.string().max(30_000_000, 'at most 30 MB'), name: z.string().max(260).optional() })
    .strict(),
  'report.render': z
    .object({ ...report, format: z.enum(REPORT_FORMATS).exclude(['pdf']) })
    .strict()
    .refine(oneCase, oneCaseMessage),
  'report.export': z
    .object({ ...report, format: z.enum(REPORT_FORMATS) })
    .strict()
    .refine(oneCase, oneCaseMessage),
};
