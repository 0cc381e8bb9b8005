// What each kind of entry puts into the search index, per language.
import type { Command, EntryByKind, EntryKind } from './pack-schema';
import { fuzzyText, tokens } from './text';

export const SEARCHABLE_KINDS = [
  'symptom',
  'article',
  'step',
  'cmdlet',
  'topic',
] as const satisfies readonly EntryKind[];
export type SearchableKind = (typeof SEARCHABLE_KINDS)[number];

export interface IndexDoc {
  title: string;
  keywords: string;
  body: string;
  fuzzy: string;
}

type Texts = Partial<Record<string, string>>;
const t = (text: Texts | undefined, lang: string): string => text?.[lang] ?? text?.en ?? '';
const commandsText = (list: Command[] | undefined, lang: string) =>
  (list ?? []).map((c) => `${c.command} ${t(c.caption, lang)}`).join('\n');

function parts(
  kind: SearchableKind,
  e: EntryByKind[SearchableKind],
  lang: string,
): { keywords: string[]; body: string[] } {
  switch (kind) {
    case 'symptom': {
      const s = e as EntryByKind['symptom'];
      const phrases = s.phrases as Record<string, string[] | undefined>;
      return {
        keywords: [...(phrases[lang] ?? []), ...(lang === 'en' ? [] : (phrases.en ?? []))],
        body: [t(s.summary, lang)],
      };
    }
    case 'article': {
      const a = e as EntryByKind['article'];
      return {
        keywords: [a.kb ?? '', ...a.errors, ...a.cmdlets, ...a.appliesTo.clients, ...a.appliesTo.products],
        body: [
          t(a.summary, lang),
          t(a.symptoms, lang),
          t(a.cause, lang),
          t(a.resolution, lang),
          t(a.verify, lang),
          commandsText(a.commands, lang),
        ],
      };
    }
    case 'step': {
      const s = e as EntryByKind['step'];
      return {
        keywords: [String(s.number), ...s.cmdlets],
        body: [
          t(s.summary, lang),
          t(s.explanation, lang),
          ...s.variants.map((v) => `${t(v.text, lang)}\n${commandsText(v.fix, lang)}\n${commandsText(v.verify, lang)}`),
        ],
      };
    }
    case 'cmdlet': {
      const c = e as EntryByKind['cmdlet'];
      return {
        keywords: [c.name, c.module, ...c.parameters.map((p) => p.name)],
        body: [
          t(c.summary, lang),
          ...c.parameters.map((p) => `${p.name} ${t(p.summary, lang)} ${p.integrationValue ?? ''} ${t(p.note, lang)}`),
          ...c.notes.map((n) => t(n, lang)),
          commandsText(c.examples, lang),
        ],
      };
    }
    case 'topic': {
      const tp = e as EntryByKind['topic'];
      return {
        keywords: [...tp.cmdlets],
        body: [t(tp.summary, lang), ...tp.body.map((p) => t(p, lang)), commandsText(tp.commands, lang)],
      };
    }
  }
}

export function isSearchable(kind: EntryKind): kind is SearchableKind {
  return (SEARCHABLE_KINDS as readonly string[]).includes(kind);
}

/** The index document of an entry in one language, or null for kinds search does not return. */
export function indexEntry(kind: EntryKind, entry: EntryByKind[EntryKind], lang: string): IndexDoc | null {
  if (!isSearchable(kind)) return null;
  const searchable = entry as EntryByKind[SearchableKind];
  const title = t(searchable.title as Texts, lang);
  const { keywords, body } = parts(kind, searchable, lang);
  const keywordText = keywords.filter(Boolean).join('\n');
  return {
    title: tokens(title).join(' '),
    keywords: tokens(keywordText).join(' '),
    body: tokens(body.filter(Boolean).join('\n')).join(' '),
    fuzzy: fuzzyText(`${title}\n${keywordText}`),
  };
}
