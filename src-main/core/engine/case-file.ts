// The case file of DESIGN.md (input of `lexo diagnose` and `lexo report`), validated: every field optional.
import { z } from 'zod';
import {
  CASE_EVENT_TYPES,
  CASE_NAME_FIELDS,
  CASE_NAME_MAX,
  CASE_NAME_PATTERN,
  CASE_STATUSES,
  LANGS,
  TOPOLOGIES,
  type CaseNameField,
} from '../contract';

const featureState = z.enum(['works', 'broken', 'unknown']);

/** Names filled into commands: only what real names contain (see CASE_NAME_PATTERN in the contract). */
const safeName = z
  .string()
  .trim()
  .min(1)
  .max(CASE_NAME_MAX)
  .regex(CASE_NAME_PATTERN, 'letters, digits, spaces and . @ _ : / \\ - only (no quotes or PowerShell syntax)');

const namesShape = Object.fromEntries(CASE_NAME_FIELDS.map((p) => [p, safeName.optional()])) as Record<
  CaseNameField,
  z.ZodOptional<typeof safeName>
>;

/** Pasted evidence: what one case may carry (a paste is text; a few MB is already a very long paste). */
export const evidenceItems = z
  .array(z.object({ name: z.string().max(260), text: z.string().max(5_000_000, 'at most 5 MB per paste') }).strict())
  .max(200)
  .refine(
    (items) => items.reduce((n, e) => n + e.text.length, 0) <= 20_000_000,
    'at most 20 MB of evidence in one case',
  )
  .optional();

const isoTime = z.iso.datetime({ offset: true });

/** Limits of what the engineer writes in a case. */
export const NOTE_MAX = 100_000;
export const NOTES_MAX = 1000;
export const CASE_TITLE_MAX = 200;
export const CASE_CUSTOMER_MAX = 200;
export const CASE_TICKET_MAX = 100;

/** What LEXO adds to an exported case file under `lexo` (the engine ignores it). */
export const caseExportMetaSchema = z
  .object({
    format: z.literal('lexo-case'),
    version: z.literal(1),
    title: z.string().max(CASE_TITLE_MAX).optional(),
    customer: z.string().max(CASE_CUSTOMER_MAX).optional(),
    ticket: z.string().max(CASE_TICKET_MAX).optional(),
    status: z.enum(CASE_STATUSES).optional(),
    lang: z.enum(LANGS).optional(),
    createdAt: isoTime.optional(),
    updatedAt: isoTime.optional(),
    closedAt: isoTime.nullable().optional(),
    notes: z
      .array(
        z
          .object({ text: z.string().max(NOTE_MAX), createdAt: isoTime.optional(), updatedAt: isoTime.optional() })
          .strict(),
      )
      .max(NOTES_MAX)
      .optional(),
    evidenceAddedAt: z.array(isoTime).max(200).optional(),
    history: z
      .array(z.object({ at: isoTime, type: z.enum(CASE_EVENT_TYPES), detail: z.string().max(2000) }).strict())
      .max(100_000)
      .optional(),
  })
  .strict();

export const caseFileSchema = z
  .object({
    symptom: z.string().max(2000).optional(),
    topology: z.enum(TOPOLOGIES).optional(),
    exchange: z.enum(['exchange-online', 'exchange-hybrid', 'exchange-onprem']).optional(),
    cloud: z.enum(['worldwide', '21vianet', 'gcc-high']).optional(),
    dirsync: z.boolean().optional(),
    features: z.record(z.string().regex(/^[a-z0-9-]+$/), featureState).optional(),
    /** Answers by question or probe id: a choice id, or "unsure". */
    answers: z.record(z.string().regex(/^[a-z0-9-]+$/), z.string().regex(/^[a-z0-9-]+$/)).optional(),
    evidence: evidenceItems,
    /** The customer's names, filled into fix and verify commands. */
    names: z.object(namesShape).strict().optional(),
    /** Facts already established (e.g. by the evidence analyzers), by fact name. */
    facts: z
      .record(z.string().regex(/^[a-z][a-zA-Z0-9-]*(\.[a-zA-Z0-9-]+)?$/), z.string().regex(/^[a-z0-9][a-z0-9-]*$/))
      .optional(),
    lexo: caseExportMetaSchema.optional(),
  })
  .strict();

export type CaseFile = z.infer<typeof caseFileSchema>;
