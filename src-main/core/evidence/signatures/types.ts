// What the pack's articles become for the evidence analyzer, and what a scan of one paste finds.
import type { Automaton } from './automaton';

/**
 * How much one matched signature says on its own. strong: an error string long enough to be the article's (or an
 * event from the article's source); weak: a registry value name, a short message, a diagnostic code, an event
 * whose source the paste does not show; corroborating: a status line or a couple of words ("404 Not Found",
 * "Presence Unknown") that is listed with stronger evidence but never makes a finding alone.
 */
export type Tier = 'strong' | 'weak' | 'corroborating';

export const TIER_RANK: Record<Tier, number> = { strong: 2, weak: 1, corroborating: 0 };

export type SignatureKind = 'event' | 'diagnostic' | 'message' | 'identifier' | 'registry';

/** An article as the findings need it. */
export interface ArticleInfo {
  id: string;
  kb: string | null;
  title: Partial<Record<string, string>>;
  topologies: string[];
  exchange: string[];
  clouds: string[];
  /** The article's commands, as written (placeholders are filled by the engine). */
  fix: string[];
  removedOn?: string;
  retiredProduct: boolean;
}

/** An error string matched as text: its literal pieces, one of which (the anchor) the automaton looks for. */
export interface PhraseSignature {
  article: number;
  kind: 'message' | 'identifier' | 'registry';
  /** The string as the article writes it. */
  text: string;
  /** Normalized literal pieces in order; the parts between them (names, versions, "…") may be anything. */
  chunks: string[];
  anchor: number;
  /** What the anchor alone says, and what all the pieces together say. */
  tier: Tier;
  fullTier: Tier;
  /** The string's first and last characters may not continue a word of the paste (identifiers). */
  boundaryStart: boolean;
  boundaryEnd: boolean;
}

export interface EventSignature {
  article: number;
  id: number;
  /** Sources the article names for this event, normalized (lower case, single spaces); empty when it names none. */
  providers: string[];
  text: string;
}

export interface DiagnosticSignature {
  article: number;
  code: string;
  text: string;
}

/** One automaton pattern: the phrase signatures it anchors, and which edges must not continue a word. */
export interface PatternUse {
  sig: number;
  boundaryStart: boolean;
  boundaryEnd: boolean;
}

export interface SignatureSet {
  /** Changes with the pack: scans of the same paste under another pack are not the same. */
  key: string;
  articles: ArticleInfo[];
  phrases: PhraseSignature[];
  events: Map<number, EventSignature[]>;
  diagnostics: Map<string, DiagnosticSignature[]>;
  /** First words of the event sources the pack names ("ls", "msexchange"): the products' own event sources. */
  families: Set<string>;
  automaton: Automaton;
  patterns: PatternUse[][];
}

/** One signature found in one paste: where first, how often, and how strongly. */
export interface SignatureHit {
  /** The article's id. */
  article: string;
  kind: SignatureKind;
  tier: Tier;
  /** What matched, as a finding names it: the error string, "Event ID 32054 from LS Storage Service". */
  what: string;
  /** 1-based lines of the first occurrence, and an excerpt of them. */
  from: number;
  to: number;
  text: string;
  count: number;
}
