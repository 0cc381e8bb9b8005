import { z } from 'zod';
import { LANGS } from '../contract';

const ID = /^[a-z0-9][a-z0-9-]*$/;

export const langSchema = z.enum(LANGS);

/** A text in every language of the pack; which languages are required is checked against the manifest. */
export const localizedSchema = z
  .record(langSchema, z.string().trim().min(1, 'empty text'))
  .refine((v) => Object.keys(v).length > 0, 'no language');

export const manifestSchema = z
  .object({
    id: z.string().regex(ID, 'lower-case letters, digits and dashes'),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a version such as 1.2.3'),
    languages: z.array(langSchema).min(1),
    files: z.array(z.string().regex(/^[a-z0-9-]+\.json$/, 'a plain .json file name in the pack folder')).min(1),
  })
  .strict();

export const entrySchema = z
  .object({
    id: z.string().regex(ID, 'lower-case letters, digits and dashes'),
    title: localizedSchema,
    summary: localizedSchema.optional(),
  })
  .strict();

export const packFileSchema = z
  .object({
    kind: z.enum(['topology', 'feature', 'step', 'symptom', 'cmdlet', 'article']),
    entries: z.array(entrySchema),
  })
  .strict();

export type PackManifest = z.infer<typeof manifestSchema>;
export type PackEntry = z.infer<typeof entrySchema>;
export type PackFile = z.infer<typeof packFileSchema>;
