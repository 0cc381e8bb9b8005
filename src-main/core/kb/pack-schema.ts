// The content model of a knowledge-base pack: what each kind of entry holds. Packs are authored as JSON in
// resources/pack/ (or a team's single-file pack) and validated with these schemas before anything is loaded.
import { z } from 'zod';
import { CASE_NAME_FIELDS, LANGS } from '../contract';

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const id = z.string().regex(ID_PATTERN, 'an id: lower-case letters, digits and dashes');
const ids = z.array(id).default([]);

export const langSchema = z.enum(LANGS);

/** A text in every language of the pack (which languages are required is checked against the manifest). */
export const localizedSchema = z
  .partialRecord(langSchema, z.string().trim().min(1, 'empty text'))
  .refine((v) => Object.keys(v).length > 0, 'no text in any language');
/** A list of phrases per language (synonyms, ways users say it). */
export const localizedListSchema = z
  .partialRecord(langSchema, z.array(z.string().trim().min(1, 'empty phrase')).min(1))
  .refine((v) => Object.keys(v).length > 0, 'no phrases in any language');

/**
 * Placeholders a command may contain, as `{{name}}`. The diagnostic engine fills them from the case; where the
 * case does not know a value the UI shows the placeholder, clearly marked. Addresses carry no `sip:` prefix:
 * a command that needs one writes `sip:{{userSipAddress}}`.
 */
export const PLACEHOLDERS = [
  ...CASE_NAME_FIELDS,
  // Derived by the engine from the case's cloud and topology, never typed in.
  'proxyFqdn',
  'enabledSharedAddressSpace',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const commandText = z
  .string()
  .trim()
  .min(1, 'empty command')
  .superRefine((text, ctx) => {
    if (/-(?:SipUri|Identity)\s+"?\{\{userSipAddress\}\}/.test(text)) {
      ctx.addIssue({
        code: 'custom',
        message: 'a SIP address parameter needs the sip: prefix: write "sip:{{userSipAddress}}"',
      });
    }
    for (const m of text.matchAll(/\{\{([^}]*)\}\}/g)) {
      if (!(PLACEHOLDERS as readonly string[]).includes(m[1]!)) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown placeholder {{${m[1]}}} (known: ${PLACEHOLDERS.join(', ')})`,
        });
      }
    }
  });

export const commandSchema = z
  .object({
    command: commandText,
    /** What the command does, or what to look for in its output. */
    caption: localizedSchema.optional(),
    /** Where to run it: e.g. "Lync Server Management Shell on a Front End server". */
    runOn: localizedSchema.optional(),
  })
  .strict();

export const sourceSchema = z
  .object({
    title: z.string().trim().min(1),
    url: z.url({ protocol: /^https$/ }).optional(),
    /** Repository path of the source text, for articles Microsoft has removed. */
    path: z.string().trim().min(1).optional(),
  })
  .strict();

const base = {
  id,
  title: localizedSchema,
  summary: localizedSchema,
};

export const topologySchema = z
  .object({
    ...base,
    product: z.enum(['sfb-online', 'lync-server-2013', 'sfb-server']),
    /** Where the users' Lync/Skype accounts live. */
    accounts: z.enum(['online', 'onprem', 'hybrid']),
    dirsync: z.enum(['not-applicable', 'recommended', 'required']),
    sso: z.enum(['not-applicable', 'not-required', 'required']),
    supportLevel: z.enum(['supported', 'partly-supported']),
    /** The checklist ends after this step for this topology (SfB Online: 1). */
    lastStep: z.number().int().min(1).max(7),
  })
  .strict();

export const exchangeSchema = z.object({ ...base }).strict();

export const cloudSchema = z
  .object({
    ...base,
    /** The Exchange Online Access Edge that the hosting provider points at in this cloud. */
    proxyFqdn: z.string().regex(/^[a-z0-9.-]+$/, 'a host name'),
  })
  .strict();

export const SUPPORT_VALUES = ['yes', 'no', 'partial'] as const;
export const featureSchema = z
  .object({
    ...base,
    group: z.enum(['ews', 'owa', 'um']),
    /** Features come on in step order: the step after which this one works (null: outside the 7 steps). */
    enabledAfterStep: z.number().int().min(1).max(7).nullable(),
    /** Support per topology id; every topology of the pack must be listed. */
    support: z.record(id, z.enum(SUPPORT_VALUES)),
    supportNote: localizedSchema.optional(),
  })
  .strict();

export const stepVariantSchema = z
  .object({
    id,
    topologies: z.array(id).min(1),
    /** Limits the variant to these Exchange sides; absent: any. */
    exchange: z.array(id).optional(),
    /** Limits the variant to cases with (true) or without (false) directory synchronization; absent: either. */
    dirsync: z.boolean().optional(),
    action: z.enum(['configure', 'check', 'nothing-to-do', 'not-applicable']),
    text: localizedSchema,
    fix: z.array(commandSchema).default([]),
    verify: z.array(commandSchema).default([]),
  })
  .strict();

export const stepSchema = z
  .object({
    ...base,
    number: z.number().int().min(1).max(7),
    /** Why the step matters: what breaks without it. */
    explanation: localizedSchema,
    /** Features that start to work once this step is done. */
    enables: ids,
    variants: z.array(stepVariantSchema).min(1),
    cmdlets: ids,
    articles: ids,
    topics: ids,
    sources: z.array(sourceSchema).default([]),
  })
  .strict();

export const parameterSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'a parameter name without the dash'),
    type: z.string().trim().min(1),
    summary: localizedSchema,
    /** The value this integration needs, when it needs one. */
    integrationValue: z.string().trim().min(1).optional(),
    note: localizedSchema.optional(),
  })
  .strict();

export const cmdletSchema = z
  .object({
    ...base,
    /** The exact name, e.g. New-CsHostingProvider; the id is its lower-case form. */
    name: z.string().regex(/^[A-Z][a-z]+-[A-Za-z0-9]+$/, 'Verb-Noun'),
    module: z.string().trim().min(1),
    runOn: localizedSchema.optional(),
    syntax: z.array(z.string().trim().min(1)).min(1),
    parameters: z.array(parameterSchema).default([]),
    notes: z.array(localizedSchema).default([]),
    examples: z.array(commandSchema).default([]),
    link: z.url({ protocol: /^https$/ }).optional(),
    related: ids,
    articles: ids,
    steps: ids,
  })
  .strict();

export const appliesToSchema = z
  .object({
    topologies: ids,
    exchange: ids,
    clouds: ids,
    /** Clients and versions as the article names them, e.g. "Lync 2013", "Lync for Mac 2011". */
    clients: z.array(z.string().trim().min(1)).default([]),
    /** Server products and versions, e.g. "Exchange Server 2013". */
    products: z.array(z.string().trim().min(1)).default([]),
  })
  .strict();

export const articleSchema = z
  .object({
    id: z.string().regex(/^(kb-\d{6,7}|article-[a-z0-9][a-z0-9-]*)$/, 'kb-NNNNNNN or article-<slug>'),
    kb: z
      .string()
      .regex(/^\d{6,7}$/)
      .nullable(),
    title: localizedSchema,
    summary: localizedSchema,
    appliesTo: appliesToSchema,
    symptoms: localizedSchema,
    /** Error strings, event IDs and codes exactly as the product shows them (English): what engineers paste. */
    errors: z.array(z.string().trim().min(1)).default([]),
    cause: localizedSchema,
    resolution: localizedSchema,
    commands: z.array(commandSchema).default([]),
    verify: localizedSchema.optional(),
    steps: ids,
    features: ids,
    cmdlets: ids,
    related: ids,
    status: z.enum(['published', 'removed']),
    /** Public page for published articles. */
    link: z.url({ protocol: /^https$/ }).optional(),
    removed: z
      .object({ repo: z.string(), path: z.string(), commit: z.string().regex(/^[0-9a-f]{7,40}$/), date: z.iso.date() })
      .strict()
      .optional(),
    retiredProduct: z.boolean().default(false),
    sources: z.array(sourceSchema).min(1, 'cite at least one source'),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.id.startsWith('kb-') && a.kb !== a.id.slice(3)) {
      ctx.addIssue({ code: 'custom', path: ['kb'], message: `must be "${a.id.slice(3)}" for id ${a.id}` });
    }
    if (a.id.startsWith('article-') && a.kb !== null) {
      ctx.addIssue({ code: 'custom', path: ['kb'], message: 'an article-<slug> has no KB number (null)' });
    }
    if (a.status === 'removed' && !a.removed) {
      ctx.addIssue({
        code: 'custom',
        path: ['removed'],
        message: 'a removed article names its source path, commit and date',
      });
    }
    if (a.status === 'published' && !a.link) {
      ctx.addIssue({ code: 'custom', path: ['link'], message: 'a published article has its public link' });
    }
  });

export const symptomSchema = z
  .object({
    ...base,
    /** How engineers and users say it, per language: synonyms that search must match. */
    phrases: localizedListSchema,
    features: ids,
    steps: ids,
    articles: ids,
  })
  .strict();

export const topicSchema = z
  .object({
    ...base,
    /** Paragraphs of the topic page. */
    body: z.array(localizedSchema).min(1),
    commands: z.array(commandSchema).default([]),
    /** Machine-readable facts tests and the engine read (e.g. replicationDelaySeconds: 60). */
    facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])).default({}),
    steps: ids,
    cmdlets: ids,
    articles: ids,
    sources: z.array(sourceSchema).default([]),
  })
  .strict();

/**
 * Facts the diagnostic tree reads and answers set: case fields (topology, exchange, cloud, dirsync), feature
 * states (feature.<id>: works | broken), step states (step.<n>: done | missing), and named facts read from
 * evidence or asked (e.g. provider.proxyFqdn: right | wrong). Values are strings.
 */
const factName = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9-]*(\.[a-zA-Z0-9-]+)?$/, 'a fact name such as topology, feature.free-busy or step.5');
const factValue = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a fact value: lower-case letters, digits and dashes');

const choiceSchema = z
  .object({
    id: z.string().regex(ID_PATTERN),
    label: localizedSchema,
    /** Facts this answer establishes. */
    set: z.record(factName, factValue).default({}),
    /** Where the walk goes next (question nodes); triage probes stay in their triage node. */
    next: id.optional(),
  })
  .strict();

export const questionNodeSchema = z
  .object({
    id,
    type: z.literal('question'),
    text: localizedSchema,
    help: localizedSchema.optional(),
    choices: z.array(choiceSchema).min(2),
    /** Where "not sure" leads: never a dead end. */
    unsure: id,
  })
  .strict();

export const checkNodeSchema = z
  .object({
    id,
    type: z.literal('check'),
    /** The fact read; when the case does not know it, the node is asked as a question. */
    fact: factName,
    text: localizedSchema,
    help: localizedSchema.optional(),
    choices: z.array(choiceSchema.extend({ value: factValue })).min(2),
    unsure: id,
  })
  .strict();

export const probeSchema = z
  .object({
    id,
    /** The fact this probe asks for; its choices give its values. */
    fact: factName,
    text: localizedSchema,
    help: localizedSchema.optional(),
    choices: z
      .array(z.object({ id: z.string().regex(ID_PATTERN), label: localizedSchema, value: factValue }).strict())
      .min(2),
    /** Only asked in these topologies (absent: any). */
    topologies: z.array(id).optional(),
  })
  .strict();

export const triageNodeSchema = z
  .object({
    id,
    type: z.literal('triage'),
    /** Features whose state this triage reads: it narrows the earliest missing step from what works. */
    features: ids,
    /** Questions the engine may ask, best splitter first, to narrow the candidates. */
    probes: z.array(probeSchema).min(1),
    /** Where each remaining step leads (step id → node id); steps absent here are not candidates. */
    steps: z.record(id, id),
    /** Where the walk goes when every candidate step is known to be done. */
    none: id,
  })
  .strict();

export const conclusionNodeSchema = z
  .object({
    id,
    type: z.literal('conclusion'),
    conclusion: id,
  })
  .strict();

export const nodeSchema = z.discriminatedUnion('type', [
  questionNodeSchema,
  checkNodeSchema,
  triageNodeSchema,
  conclusionNodeSchema,
]);

export const conclusionVariantSchema = z
  .object({
    id,
    /** Facts that must all hold for this variant (e.g. {"provider.proxyFqdn": "wrong"}). */
    when: z.record(factName, z.union([factValue, z.array(factValue).min(1)])),
    text: localizedSchema.optional(),
    /** Replace the conclusion's summary and confirmation when this variant applies. */
    summary: localizedSchema.optional(),
    confirm: localizedSchema.optional(),
    fix: z.array(commandSchema).optional(),
    verify: z.array(commandSchema).optional(),
  })
  .strict();

export const conclusionSchema = z
  .object({
    id: z
      .string()
      .regex(
        /^(step-[1-7]-[a-z0-9-]+|external-access-policy|cms-replication|hosted-um-edge|not-supported|kb-\d{6,7}|article-[a-z0-9-]+|cause-[a-z0-9-]+)$/,
        'a conclusion id of DESIGN.md',
      ),
    title: localizedSchema,
    summary: localizedSchema,
    /** Why this is the cause, for the case's report. */
    explanation: localizedSchema,
    /** The step whose variant for the case gives the fix and verify commands. */
    step: id.optional(),
    fix: z.array(commandSchema).default([]),
    verify: z.array(commandSchema).default([]),
    /** Variants for particular facts; the first that matches adds its text and replaces fix/verify it gives. */
    variants: z.array(conclusionVariantSchema).default([]),
    /** How to confirm the feature works again: what the user sees, and after how long. */
    confirm: localizedSchema,
    articles: ids,
    features: ids,
    topics: ids,
  })
  .strict();

export const ENTRY_SCHEMAS = {
  topology: topologySchema,
  exchange: exchangeSchema,
  cloud: cloudSchema,
  feature: featureSchema,
  step: stepSchema,
  cmdlet: cmdletSchema,
  article: articleSchema,
  symptom: symptomSchema,
  topic: topicSchema,
  node: nodeSchema,
  conclusion: conclusionSchema,
} as const;
export type EntryKind = keyof typeof ENTRY_SCHEMAS;
export const ENTRY_KINDS = Object.keys(ENTRY_SCHEMAS) as EntryKind[];

export type Topology = z.infer<typeof topologySchema>;
export type Exchange = z.infer<typeof exchangeSchema>;
export type Cloud = z.infer<typeof cloudSchema>;
export type Feature = z.infer<typeof featureSchema>;
export type Step = z.infer<typeof stepSchema>;
export type StepVariant = z.infer<typeof stepVariantSchema>;
export type Cmdlet = z.infer<typeof cmdletSchema>;
export type Article = z.infer<typeof articleSchema>;
export type Symptom = z.infer<typeof symptomSchema>;
export type Topic = z.infer<typeof topicSchema>;
export type Command = z.infer<typeof commandSchema>;
export type TreeNode = z.infer<typeof nodeSchema>;
export type Probe = z.infer<typeof probeSchema>;
export type Conclusion = z.infer<typeof conclusionSchema>;
export interface EntryByKind {
  topology: Topology;
  exchange: Exchange;
  cloud: Cloud;
  feature: Feature;
  step: Step;
  cmdlet: Cmdlet;
  article: Article;
  symptom: Symptom;
  topic: Topic;
  node: TreeNode;
  conclusion: Conclusion;
}

export const manifestSchema = z
  .object({
    id,
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a version such as 1.2.3'),
    languages: z.array(langSchema).min(1),
    files: z.array(z.string().regex(/^[a-z0-9-]+\.json$/, 'a plain .json file name in the pack folder')).min(1),
  })
  .strict();
export type PackManifest = z.infer<typeof manifestSchema>;

/** The shape of one pack file: a kind and its entries (entries are checked one by one, see pack.ts). */
export const packFileShape = z
  .object({
    kind: z.enum(ENTRY_KINDS as [EntryKind, ...EntryKind[]]),
    entries: z.array(z.unknown()),
  })
  .strict();
