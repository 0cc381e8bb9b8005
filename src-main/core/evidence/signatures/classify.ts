// What one error string of an article is, and how much it says when a paste contains it. The strings are the
// pack's data, written as the product shows them: "Event ID 32054", "x-ms-diagnostics: 2000004;reason=…",
// a registry value name, a full error message with the customer's names in it. Nothing here knows an article.
import { normalize } from './normalize';
import type { Tier } from './types';

export interface PhraseSpec {
  kind: 'message' | 'identifier' | 'registry';
  text: string;
  /** Literal pieces, as written and normalized. */
  chunks: { raw: string; norm: string }[];
  /** More spellings of a one-piece string (HKCU for HKEY_CURRENT_USER). */
  aliases: string[];
  tier: Tier;
  fullTier: Tier;
  boundaryStart: boolean;
  boundaryEnd: boolean;
}

export interface Classified {
  events: number[];
  diagnostics: string[];
  phrases: PhraseSpec[];
}

/** Pieces shorter than this are too common to look for: they only separate the others. */
const MIN_CHUNK = 4;

const EVENT = /^event\s+ids?\s*[:#]?\s*(\d{1,5}(?:\s*(?:,|\/|and|or|&)\s*\d{1,5})*)\s*(?:[-–—:.]\s*(.*))?$/is;
const DIAGNOSTIC = /\bms-diagnostics(?:-public)?\s*:\s*(\d{1,9})/i;
const REASON = /\breason\s*=\s*"([^"]{8,})"/i;
const REGISTRY_PATH = /^(HKEY_CURRENT_USER|HKEY_LOCAL_MACHINE|HKEY_USERS|HKEY_CLASSES_ROOT|HKCU|HKLM|HKU|HKCR)\\(.+)$/i;
/** A line of a .reg export: "Name"=dword:00000001, "Name"="text", "Name"=hex(2):… */
const REGISTRY_VALUE = /^"([A-Za-z][\w.-]{2,})"\s*=\s*(?:dword:|qword:|hex(?:\([0-9a-f]+\))?:|")/i;
const HIVES: Record<string, string> = {
  hkey_current_user: 'hkcu',
  hkcu: 'hkey_current_user',
  hkey_local_machine: 'hklm',
  hklm: 'hkey_local_machine',
  hkey_users: 'hku',
  hku: 'hkey_users',
  hkey_classes_root: 'hkcr',
  hkcr: 'hkey_classes_root',
};

/**
 * The parts of a message that differ from one customer to the next: <placeholders>, the example names of
 * Microsoft's articles (contoso.com, user@fabrikam.com), "…" where the article cut the text, four-part build
 * numbers and process ids, and quoted stand-ins such as 'username'.
 */
const PLACEHOLDER = new RegExp(
  [
    String.raw`<[a-z][a-z0-9 _.-]{0,30}>`,
    String.raw`\.\.\.|…`,
    String.raw`(?:[\w.+-]+@)?(?:[\w-]+\.)*(?:contoso|fabrikam|litwareinc|treyresearch|adatum|northwindtraders|tailspintoys|wingtiptoys|woodgrovebank)\.(?:com|net|org|local)\b`,
    String.raw`\b\d+\.\d+\.\d+\.\d+\b`,
    String.raw`(?<=\b(?:process id|pid|thread id)\s?[:=]?\s?)\d+`,
    String.raw`'(?:user ?name|user|mailbox|identity|domain|server ?name)'`,
    String.raw`"(?:user ?name|user|mailbox|identity|domain|server ?name)"`,
  ].join('|'),
  'gi',
);

/** A protocol status line: "404 Not Found", "550 5.7.1 Unable to relay", "SIP/2.0 500 Server Internal Error". */
const STATUS = /^(?:(?:sip\/2\.0|http\/1\.[01])\s+)?\d{3}\s+(?:\d\.\d{1,3}\.\d{1,3}\s+)?/i;

const isWordStart = (s: string) => /^[A-Za-z0-9_]/.test(s);
const isWordEnd = (s: string) => /[A-Za-z0-9_]$/.test(s);

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** How much a message says: its length and its words, without the status code in front of a status line. */
export function messageTier(raw: string): Tier {
  const status = STATUS.exec(raw);
  const text = status ? raw.slice(status[0].length) : raw;
  const length = normalize(text).length;
  const w = words(text);
  const longest = Math.max(0, ...w.map((x) => normalize(x).length));
  if (length >= 30 && w.length >= 4) return 'strong';
  // A status line is the protocol's own words, shared by every failure of that kind: strong or nothing.
  if (!status && length >= 16 && (w.length >= 3 || longest >= 12)) return 'weak';
  return 'corroborating';
}

/** A name (a registry value, a policy setting, an exception type) says that the paste is about that setting. */
export const identifierTier = (raw: string): Tier =>
  normalize(raw).length >= 10 && /[A-Za-z]/.test(raw) ? 'weak' : 'corroborating';

const atMost = (tier: Tier, cap: Tier): Tier => (tier === 'strong' && cap === 'weak' ? 'weak' : tier);

function identifier(raw: string): PhraseSpec {
  const tier = identifierTier(raw);
  return {
    kind: 'identifier',
    text: raw,
    chunks: [{ raw, norm: normalize(raw) }],
    aliases: [],
    tier,
    fullTier: tier,
    boundaryStart: isWordStart(raw),
    boundaryEnd: isWordEnd(raw),
  };
}

/** A message cut into its literal pieces around the placeholders. */
export function message(raw: string): PhraseSpec | undefined {
  const chunks: { raw: string; norm: string }[] = [];
  let firstAt = -1;
  let lastEnd = -1;
  const add = (from: number, to: number) => {
    const piece = raw.slice(from, to);
    const norm = normalize(piece);
    if (norm.length < MIN_CHUNK) return;
    if (chunks.length === 0) firstAt = from;
    lastEnd = to;
    chunks.push({ raw: piece.trim(), norm });
  };
  let last = 0;
  for (const m of raw.matchAll(PLACEHOLDER)) {
    add(last, m.index);
    last = m.index + m[0].length;
  }
  add(last, raw.length);
  if (chunks.length === 0) return undefined;
  const best = Math.max(...chunks.map((c) => c.norm.length));
  const anchor = chunks.findIndex((c) => c.norm.length === best);
  return {
    kind: 'message',
    text: raw,
    chunks,
    aliases: [],
    tier: messageTier(chunks[anchor]!.raw),
    fullTier: messageTier(chunks.map((c) => c.raw).join(' ')),
    // Only the string's own edges are checked: a piece next to a placeholder may continue a word ("UCS…").
    boundaryStart: firstAt === 0 && isWordStart(raw),
    boundaryEnd: lastEnd === raw.length && isWordEnd(raw),
  };
}

function registry(raw: string): PhraseSpec[] {
  const out: PhraseSpec[] = [];
  const path = REGISTRY_PATH.exec(raw);
  if (path) {
    const hive = path[1]!.toLowerCase();
    const rest = path[2]!;
    const norm = normalize(raw);
    // A key or value being there is a setting, not an error: at most weak.
    out.push({
      kind: 'registry',
      text: raw,
      chunks: [{ raw, norm }],
      aliases: [normalize(`${HIVES[hive] ?? hive}\\${rest}`)],
      tier: 'weak',
      fullTier: 'weak',
      boundaryStart: true,
      boundaryEnd: isWordEnd(raw),
    });
    const name = rest.slice(rest.lastIndexOf('\\') + 1);
    if (name && !/\s/.test(name)) out.push(identifier(name));
    return out;
  }
  const value = REGISTRY_VALUE.exec(raw);
  if (value) {
    const spec = message(raw);
    if (spec) out.push({ ...spec, kind: 'registry', tier: atMost(spec.tier, 'weak'), fullTier: 'weak' });
    out.push(identifier(value[1]!));
  }
  return out;
}

/** One error string of an article: the events, diagnostic codes and text signatures it stands for. */
export function classifyError(input: string): Classified {
  const raw = input.trim();
  const out: Classified = { events: [], diagnostics: [], phrases: [] };
  const event = EVENT.exec(raw);
  if (event) {
    out.events.push(...[...event[1]!.matchAll(/\d{1,5}/g)].map((m) => Number(m[0])).filter((n) => n <= 65535));
    // "Event ID 1649 - A TLS failure occurred …": the text after the ID is a message of its own.
    const rest = event[2]?.trim() ? message(event[2].trim()) : undefined;
    if (rest) out.phrases.push(rest);
    return out;
  }
  if (/^\d{4,9}$/.test(raw)) {
    out.diagnostics.push(raw);
    return out;
  }
  const diagnostic = DIAGNOSTIC.exec(raw);
  if (diagnostic) {
    out.diagnostics.push(diagnostic[1]!);
    const reason = REASON.exec(raw);
    const reasonSpec = reason ? message(reason[1]!) : undefined;
    if (reasonSpec) out.phrases.push(reasonSpec);
  }
  const reg = registry(raw);
  if (reg.length) {
    out.phrases.push(...reg);
    return out;
  }
  if (!/\s/.test(raw)) {
    out.phrases.push(identifier(raw));
    return out;
  }
  const spec = message(raw);
  if (spec) out.phrases.push(spec);
  return out;
}
