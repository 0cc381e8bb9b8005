// The facts of a case: from the case file, from answers, and (later) from evidence, each with its source.
import type { FactSource } from '../contract';
import type { CaseFile } from './case-file';

export interface Fact {
  value: string;
  source: FactSource;
}

export class Facts {
  private readonly map = new Map<string, Fact>();

  get(name: string): Fact | undefined {
    return this.map.get(name);
  }

  value(name: string): string | undefined {
    return this.map.get(name)?.value;
  }

  /** Earlier sources win: what the case or the evidence says is not overwritten by a guess. */
  set(name: string, value: string, source: FactSource): void {
    if (!this.map.has(name)) this.map.set(name, { value, source });
  }

  entries(): [string, Fact][] {
    return [...this.map.entries()];
  }
}

/** The area of the tree each feature belongs to (the root asks for the area when nothing says it). */
const AREA_OF_FEATURE: Readonly<Record<string, string>> = {
  'outlook-integration': 'ews',
  'free-busy': 'ews',
  oof: 'ews',
  'conversation-history': 'ews',
  'contact-card': 'ews',
  ucs: 'contacts',
  'hires-photos': 'photos',
  'owa-im-presence': 'owa-im',
  'owa-online-meeting': 'owa-meeting',
  voicemail: 'voicemail',
};
/** Several areas broken: start where the chain starts (EWS comes on before OWA IM, OWA IM before meetings). */
const AREA_ORDER = ['ews', 'contacts', 'photos', 'owa-im', 'owa-meeting', 'voicemail'];

export function areaOf(brokenFeatures: readonly string[]): string | undefined {
  const areas = new Set(brokenFeatures.map((f) => AREA_OF_FEATURE[f]).filter(Boolean));
  return AREA_ORDER.find((a) => areas.has(a));
}

/** Facts the case file states: its fields, its feature ticks and its facts map. */
export function caseFacts(c: CaseFile): Facts {
  const facts = new Facts();
  for (const [name, value] of Object.entries(c.facts ?? {})) facts.set(name, value, 'evidence');
  if (c.topology) facts.set('topology', c.topology, 'case');
  if (c.exchange) facts.set('exchange', c.exchange, 'case');
  if (c.cloud) facts.set('cloud', c.cloud, 'case');
  if (c.dirsync !== undefined) facts.set('dirsync', c.dirsync ? 'yes' : 'no', 'case');
  for (const [feature, state] of Object.entries(c.features ?? {})) {
    if (state !== 'unknown') facts.set(`feature.${feature}`, state, 'case');
  }
  const area = areaOf(
    Object.entries(c.features ?? {})
      .filter(([, s]) => s === 'broken')
      .map(([f]) => f),
  );
  if (area) facts.set('area', area, 'case');
  return facts;
}
