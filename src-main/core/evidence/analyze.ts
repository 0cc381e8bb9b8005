// Evidence in, facts and findings out. Reading (recognize) does not depend on the case; evaluation does, so a
// change of topology or cloud re-evaluates what was read without reading it again. Both are pure functions.
import type { Finding } from '../contract';
import { decodeText, type TextEncoding } from '../text/decode';
import { recognize, type RecognizedPart } from './recognize';
import { WHAT_LEXO_READS } from './readers';
import { articleFindings, withArticleFindings, type ItemHits } from './signatures/findings';
import { scanSignatures } from './signatures/scan';
import type { SignatureSet } from './signatures/types';
import { isSipProxy } from './parsers/users';
import type { EvidenceContext } from './rules/context';
import { cmsRules } from './rules/cms';
import { dnsDomain, dnsRules } from './rules/dns';
import { edgeRules } from './rules/edge';
import { oauthRules } from './rules/oauth';
import { Outcome } from './rules/outcome';
import { partsOf } from './rules/parts';
import { policyRules } from './rules/policy';
import { providerRules } from './rules/provider';
import { testRules } from './rules/tests';
import { userRules } from './rules/users';

export type { EvidenceContext } from './rules/context';
export type { RecognizedPart } from './recognize';

export interface EvidenceItem {
  name: string;
  text: string;
}

export interface RecognizedItem {
  name: string;
  parts: RecognizedPart[];
}

export interface EvidencePartResult extends RecognizedPart {
  /** The facts this part alone shows. */
  facts: Record<string, string>;
}

export interface EvidenceItemResult {
  name: string;
  parts: EvidencePartResult[];
}

export interface EvidenceAnalysis {
  /** Fact names and values the diagnostic tree reads (step.5: missing, provider.proxyFqdn: wrong, …). */
  facts: Record<string, string>;
  /** What is wrong, errors first. */
  findings: Finding[];
  /** What was recognized, per item and part. */
  items: EvidenceItemResult[];
  /** Placeholder values the evidence shows (userSipAddress, sipDomain, userIdentity, userMail), when unambiguous. */
  names: Record<string, string>;
}

type Rule = (parts: RecognizedPart[], ctx: EvidenceContext, out: Outcome) => void;

/** In checklist order: findings of earlier steps come first within a severity. */
const RULES: Rule[] = [dnsRules, userRules, edgeRules, providerRules, oauthRules, policyRules, cmsRules, testRules];

/** The rules that can say something about one part of a kind (per-part facts of long pastes stay cheap). */
const RULES_BY_KIND: Partial<Record<RecognizedPart['kind'], Rule[]>> = {
  dns: [dnsRules],
  user: [userRules, policyRules],
  'access-edge': [edgeRules],
  'hosting-provider': [providerRules],
  'oauth-configuration': [oauthRules],
  'oauth-server': [oauthRules],
  'partner-application': [oauthRules],
  'external-access-policy': [policyRules],
  'cms-replication': [cmsRules],
  'synthetic-test': [testRules],
};

function run(parts: RecognizedPart[], ctx: EvidenceContext, rules = RULES, quiet = false): Outcome {
  const out = new Outcome(quiet);
  for (const rule of rules) rule(parts, ctx, out);
  return out;
}

function partFacts(p: RecognizedPart, ctx: EvidenceContext): Record<string, string> {
  const rules = RULES_BY_KIND[p.kind];
  return rules ? run([p], ctx, rules, true).facts : {};
}

/** Reads every item; an item that cannot be read becomes a "not recognized" part, never an exception. */
export function recognizeEvidence(items: EvidenceItem[]): RecognizedItem[] {
  return items.map((item) => {
    const text = typeof item.text === 'string' ? item.text : '';
    try {
      return { name: item.name, parts: recognize(text) };
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      const lines = { from: 1, to: Math.max(1, text.split('\n').length) };
      const message = `LEXO could not read this text (${why}). ${WHAT_LEXO_READS}`;
      return { name: item.name, parts: [{ kind: 'not-recognized', records: [], incomplete: false, lines, message }] };
    }
  });
}

/** What the pack's support articles recognize in the pastes: the signatures scanned with, and the hits per item. */
export interface ArticleEvidence {
  set: SignatureSet;
  items: ItemHits[];
}

/** The articles' error strings, event IDs and diagnostic codes each paste shows. Does not depend on the case. */
export function scanArticleSignatures(items: EvidenceItem[], set: SignatureSet): ItemHits[] {
  return items.map((item) => {
    const text = typeof item.text === 'string' ? item.text : '';
    try {
      return { name: item.name, hits: scanSignatures(text, set) };
    } catch {
      // Never expected (the fuzz tests feed it arbitrary text); if it happens, the cmdlet findings still count.
      return { name: item.name, hits: [] };
    }
  });
}

/** Facts and findings for what was read, in this case's context; with `articles`, the support articles' findings too. */
export function evaluateEvidence(
  recognized: RecognizedItem[],
  context: EvidenceContext = {},
  articles?: ArticleEvidence,
): EvidenceAnalysis {
  const all = recognized.flatMap((i) => i.parts);
  const out = run(all, context);
  const items = recognized.map((i) => ({
    name: i.name,
    parts: i.parts.map((p) => withFacts(p, partFacts(p, context))),
  }));
  const findings = articles
    ? withArticleFindings(out.findings(), articleFindings(articles.items, articles.set, context))
    : out.findings();
  return { facts: out.facts, findings, items, names: namesFrom(all) };
}

/** The part with its facts; written field by field, which is much cheaper than a spread on long pastes. */
function withFacts(p: RecognizedPart, facts: Record<string, string>): EvidencePartResult {
  const out: EvidencePartResult = { kind: p.kind, records: p.records, incomplete: p.incomplete, lines: p.lines, facts };
  if (p.command !== undefined) out.command = p.command;
  if (p.empty !== undefined) out.empty = p.empty;
  if (p.errors !== undefined) out.errors = p.errors;
  if (p.message !== undefined) out.message = p.message;
  return out;
}

/** With `signatures` (the pack's, kb/signatures-cache.ts), the support articles the evidence points at too. */
export function analyzeEvidence(
  items: EvidenceItem[],
  context: EvidenceContext = {},
  signatures?: SignatureSet,
): EvidenceAnalysis {
  const articles = signatures ? { set: signatures, items: scanArticleSignatures(items, signatures) } : undefined;
  return evaluateEvidence(recognizeEvidence(items), context, articles);
}

/** A file as Windows wrote it (UTF-8, UTF-8 with BOM, UTF-16LE with or without BOM) into an evidence item. */
export function evidenceFromBytes(name: string, bytes: Uint8Array): EvidenceItem & { encoding: TextEncoding } {
  const { text, encoding } = decodeText(bytes);
  return { name, text, encoding };
}

/** The value when every source agrees on it (ignoring case), as first written. */
const one = (values: (string | undefined)[]): string | undefined => {
  let first: string | undefined;
  let lower = '';
  for (const v of values) {
    if (!v) continue;
    if (first === undefined) {
      first = v;
      lower = v.toLowerCase();
    } else if (v.length !== first.length || v.toLowerCase() !== lower) return undefined;
  }
  return first;
};

const stripSip = (s: string) => (s.toLowerCase().startsWith('sip:') ? s.slice(4) : s);

function namesFrom(all: RecognizedPart[]): Record<string, string> {
  const users = partsOf(all, 'user').records;
  const names: Record<string, string> = {};
  const sip = one([
    ...users.map((u) => (u.sipAddress ? stripSip(u.sipAddress) : undefined)),
    ...users.map((u) => (u.primaryUserAddress ? stripSip(u.primaryUserAddress) : undefined)),
    ...users.flatMap((u) => (u.proxyAddresses ?? []).filter(isSipProxy).map(stripSip)),
  ]);
  if (sip) names.userSipAddress = sip;
  const domain = dnsDomain(all) ?? (sip && sip.includes('@') ? sip.slice(sip.indexOf('@') + 1) : undefined);
  if (domain) names.sipDomain = domain;
  const identity = one(users.filter((u) => u.source !== 'Get-CsUser').map((u) => u.identity));
  if (identity) names.userIdentity = identity;
  const mail = one([
    ...users.map((u) => u.primarySmtpAddress ?? u.windowsEmailAddress),
    ...users.map((u) => (u.mail ? u.mail : undefined)),
    ...users.flatMap((u) => (u.proxyAddresses ?? []).filter((a) => a.startsWith('SMTP:')).map((a) => a.slice(5))),
  ]);
  if (mail) names.userMail = mail;
  return names;
}
