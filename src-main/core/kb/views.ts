// Entries as the UI reads them: every text in the requested language (English as fallback), and every
// reference turned into a link that carries the target's title.
import {
  LANGS,
  type KbEntryView,
  type KbKind,
  type KbLink,
  type KbListItem,
  type Lang,
  type SupportMatrix,
} from '../contract';
import { all, get, type ReadableDb } from '../db/sqlite';
import { LexoError } from '../errors';

type Json = unknown;
const LANG_SET = new Set<string>(LANGS);

function isLocalized(v: object): v is Record<string, unknown> {
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k) => LANG_SET.has(k));
}

/** Replaces every localized object ({en, fr, zh-TW}) by its text (or list) in `lang`, English as fallback. */
export function localize(value: Json, lang: Lang): Json {
  if (Array.isArray(value)) return value.map((v) => localize(v, lang));
  if (typeof value !== 'object' || value === null) return value;
  if (isLocalized(value)) return value[lang] ?? value.en;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localize(v, lang)]));
}

export function titleOf(db: ReadableDb, kind: string, id: string, lang: Lang): string {
  const row =
    get<{ text: string }>(db, "SELECT text FROM kb_text WHERE kind = ? AND id = ? AND lang = ? AND field = 'title'", [
      kind,
      id,
      lang,
    ]) ??
    get<{ text: string }>(
      db,
      "SELECT text FROM kb_text WHERE kind = ? AND id = ? AND lang = 'en' AND field = 'title'",
      [kind, id],
    );
  return row?.text ?? id;
}

function linker(db: ReadableDb, lang: Lang) {
  return (kind: KbKind, ids: unknown): KbLink[] =>
    Array.isArray(ids)
      ? ids.map((id: string) => ({
          kind,
          id,
          title: titleOf(db, kind, id, lang),
          ...(kind === 'article' ? { kb: /^kb-\d+$/.test(id) ? id.slice(3) : null } : {}),
        }))
      : [];
}

/** Which fields of each kind hold references, and to which kind. */
const LINK_FIELDS: Partial<Record<KbKind, Record<string, KbKind>>> = {
  step: { enables: 'feature', cmdlets: 'cmdlet', articles: 'article', topics: 'topic' },
  cmdlet: { related: 'cmdlet', articles: 'article', steps: 'step' },
  article: { steps: 'step', features: 'feature', cmdlets: 'cmdlet', related: 'article' },
  symptom: { features: 'feature', steps: 'step', articles: 'article' },
  topic: { steps: 'step', cmdlets: 'cmdlet', articles: 'article' },
};

export function entryView(db: ReadableDb, kind: KbKind, id: string, lang: Lang): KbEntryView {
  const row = get<{ data: string; pack_id: string }>(
    db,
    'SELECT data, pack_id FROM kb_entry WHERE kind = ? AND id = ?',
    [kind, id],
  );
  if (!row) throw new LexoError('not-found', `No ${kind} "${id}" in the knowledge base`);
  const raw = JSON.parse(row.data) as Record<string, unknown>;
  const view = localize(raw, lang) as Record<string, unknown>;
  const link = linker(db, lang);
  for (const [field, target] of Object.entries(LINK_FIELDS[kind] ?? {})) view[field] = link(target, raw[field]);
  if (kind === 'step') {
    view.variants = (raw.variants as Record<string, unknown>[]).map((v) => ({
      ...(localize(v, lang) as object),
      topologies: link('topology', v.topologies),
      ...(v.exchange ? { exchange: link('exchange', v.exchange) } : {}),
    }));
  }
  if (kind === 'article') {
    const applies = raw.appliesTo as Record<string, unknown>;
    view.appliesTo = {
      topologies: link('topology', applies.topologies),
      exchange: link('exchange', applies.exchange),
      clouds: link('cloud', applies.clouds),
      clients: applies.clients ?? [],
      products: applies.products ?? [],
    };
  }
  return { ...view, kind, id, packId: row.pack_id, lang } as unknown as KbEntryView;
}

export function listEntries(db: ReadableDb, kind: KbKind, lang: Lang): KbListItem[] {
  return all<{ id: string; data: string; kb: string | null }>(
    db,
    'SELECT id, data, kb FROM kb_entry WHERE kind = ? ORDER BY ord, id',
    [kind],
  ).map((row) => {
    const data = localize(JSON.parse(row.data), lang) as { title: string; summary?: string };
    return { kind, id: row.id, title: data.title, summary: data.summary ?? '', kb: row.kb };
  });
}

export function supportMatrix(db: ReadableDb, lang: Lang): SupportMatrix {
  const topologies = listEntries(db, 'topology', lang).map(({ kind, id, title }) => ({ kind, id, title }));
  const features = all<{ id: string; data: string }>(
    db,
    "SELECT id, data FROM kb_entry WHERE kind = 'feature' ORDER BY ord, id",
  ).map((row) => {
    const f = localize(JSON.parse(row.data), lang) as {
      title: string;
      support: Record<string, 'yes' | 'no' | 'partial'>;
      supportNote?: string;
    };
    return {
      kind: 'feature' as const,
      id: row.id,
      title: f.title,
      support: f.support,
      ...(f.supportNote ? { note: f.supportNote } : {}),
    };
  });
  return { topologies, features };
}
