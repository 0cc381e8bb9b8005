import { z } from 'zod';
import { KB_KINDS, LANGS, SEARCH_KINDS, TOPOLOGIES, type ApiInput, type ApiName, type CaseInput } from './contract';
import { caseFileSchema, evidenceItems } from './engine/case-file';

const lang = z.enum(LANGS).optional();
const none = z.object({}).strict() as z.ZodType<Record<string, never>>;
const entryId = z.string().min(1).max(200);

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
};
