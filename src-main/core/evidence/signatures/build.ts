// The pack's articles into one signature set: every error string classified, every text signature compiled into
// one automaton. Built once per pack (kb/signatures-cache.ts); a new article needs no code, only its `errors`.
import type { Article } from '../../kb/pack-schema';
import { buildAutomaton } from './automaton';
import { classifyError, type PhraseSpec } from './classify';
import { normalize } from './normalize';
import type {
  ArticleInfo,
  DiagnosticSignature,
  EventSignature,
  PatternUse,
  PhraseSignature,
  SignatureSet,
} from './types';

export type ArticleSource = Pick<
  Article,
  | 'id'
  | 'kb'
  | 'title'
  | 'summary'
  | 'symptoms'
  | 'cause'
  | 'appliesTo'
  | 'errors'
  | 'commands'
  | 'status'
  | 'removed'
  | 'retiredProduct'
>;

/** Longer anchors add states, not certainty: the first characters of a long message identify it. */
export const MAX_ANCHOR = 160;

export const normProvider = (name: string): string => name.trim().toLowerCase().replace(/\s+/g, ' ');
export const providerFamily = (name: string): string => normProvider(name).split(' ')[0] ?? '';

/**
 * The event sources an article's English text names for its event IDs: "Event ID 32054 (source LS Storage
 * Service, …)", "Event ID 4999, source MSExchange Common, task category General".
 */
export function namedProviders(text: string): Map<number, string[]> {
  const out = new Map<number, string[]>();
  const re =
    /\bEvent IDs?\s+(\d{1,5}(?:\s*(?:,|\/|and|or)\s*\d{1,5})*)[^.]{0,80}?\bsource\s*[:=]?\s*([A-Z][A-Za-z0-9 .-]{1,60}?)\s*(?=[,;)]|\.(?:\s|$)|$)/g;
  for (const m of text.matchAll(re)) {
    const provider = normProvider(m[2]!);
    for (const id of m[1]!.match(/\d{1,5}/g) ?? []) {
      const list = out.get(Number(id)) ?? [];
      if (!list.includes(provider)) list.push(provider);
      out.set(Number(id), list);
    }
  }
  return out;
}

function articleInfo(a: ArticleSource): ArticleInfo {
  const info: ArticleInfo = {
    id: a.id,
    kb: a.kb,
    title: a.title,
    topologies: a.appliesTo.topologies,
    exchange: a.appliesTo.exchange,
    clouds: a.appliesTo.clouds,
    fix: a.commands.map((c) => c.command),
    retiredProduct: a.retiredProduct,
  };
  if (a.status === 'removed' && a.removed) info.removedOn = a.removed.date;
  return info;
}

/**
 * A name the article's own commands set or read (reg add … /v EnableDynamicPresence, Get-CsClientPolicy |
 * Select-Object EnableExchangeContactSync) is a setting: every paste of that command shows it, whatever its value,
 * so it only supports stronger evidence. A name the commands do not use (an exception, a crash offset) stays.
 */
function isSetting(spec: PhraseSpec, commands: string): boolean {
  if (spec.kind === 'message') return false;
  return [spec.chunks[0]!.norm, ...spec.aliases].some((n) => commands.includes(n));
}

function phraseSignature(article: number, spec: PhraseSpec, commands: string): PhraseSignature {
  const best = Math.max(...spec.chunks.map((c) => c.norm.length));
  const setting = isSetting(spec, commands);
  return {
    article,
    kind: spec.kind,
    text: spec.text,
    chunks: spec.chunks.map((c) => c.norm),
    anchor: spec.chunks.findIndex((c) => c.norm.length === best),
    tier: setting ? 'corroborating' : spec.tier,
    fullTier: setting ? 'corroborating' : spec.fullTier,
    boundaryStart: spec.boundaryStart,
    boundaryEnd: spec.boundaryEnd,
  };
}

export function buildSignatureSet(sources: ArticleSource[], key: string): SignatureSet {
  const articles: ArticleInfo[] = [];
  const phrases: PhraseSignature[] = [];
  const aliases: string[][] = [];
  const events = new Map<number, EventSignature[]>();
  const diagnostics = new Map<string, DiagnosticSignature[]>();
  const families = new Set<string>();

  for (const source of sources) {
    if (!source.errors.length) continue;
    const article = articles.length;
    articles.push(articleInfo(source));
    const english = [source.summary.en, source.symptoms.en, source.cause.en].filter(Boolean).join('\n');
    const providers = namedProviders(english);
    const commands = normalize(source.commands.map((c) => c.command).join('\n'));
    for (const list of providers.values()) for (const p of list) families.add(providerFamily(p));
    // The same signature written twice in one article (a value name alone and in its registry path) is one.
    const seen = new Set<string>();
    for (const error of source.errors) {
      const c = classifyError(error);
      for (const id of c.events) {
        if (seen.has(`event:${id}`)) continue;
        seen.add(`event:${id}`);
        const list = events.get(id) ?? [];
        list.push({ article, id, providers: providers.get(id) ?? [], text: error });
        events.set(id, list);
      }
      for (const code of c.diagnostics) {
        if (seen.has(`diagnostic:${code}`)) continue;
        seen.add(`diagnostic:${code}`);
        const list = diagnostics.get(code) ?? [];
        list.push({ article, code, text: error });
        diagnostics.set(code, list);
      }
      for (const spec of c.phrases) {
        const id = `phrase:${spec.chunks.map((x) => x.norm).join('\u0001')}`;
        if (seen.has(id)) continue;
        seen.add(id);
        phrases.push(phraseSignature(article, spec, commands));
        aliases.push(spec.aliases);
      }
    }
  }

  // One automaton pattern per distinct anchor (and edge rule); a pattern may anchor several signatures.
  const patternIds = new Map<string, number>();
  const patternTexts: string[] = [];
  const patterns: PatternUse[][] = [];
  phrases.forEach((sig, index) => {
    const chunk = sig.chunks[sig.anchor]!;
    const anchors = [chunk, ...aliases[index]!].map((a) => a.slice(0, MAX_ANCHOR));
    const use: PatternUse = {
      sig: index,
      boundaryStart: sig.boundaryStart && sig.anchor === 0,
      boundaryEnd: sig.boundaryEnd && sig.anchor === sig.chunks.length - 1 && chunk.length <= MAX_ANCHOR,
    };
    for (const anchor of new Set(anchors)) {
      let id = patternIds.get(anchor);
      if (id === undefined) {
        id = patternTexts.length;
        patternIds.set(anchor, id);
        patternTexts.push(anchor);
        patterns.push([]);
      }
      patterns[id]!.push(use);
    }
  });

  return {
    key,
    articles,
    phrases,
    events,
    diagnostics,
    families,
    automaton: buildAutomaton(patternTexts),
    patterns,
  };
}
