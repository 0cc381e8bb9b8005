// Facts and findings as the rules produce them. When two outputs disagree on a fact, the value that says
// something is wrong wins: one Edge Server without the provider is enough for OWA to fail.
import type { Finding } from '../../contract';

const BAD_VALUES = new Set(['missing', 'no', 'wrong', 'off', 'pending', 'empty']);

export class Outcome {
  readonly facts: Record<string, string> = {};
  private readonly list: Finding[] = [];
  private readonly ids = new Set<string>();

  /** A quiet outcome keeps facts only: findings are not even written (the per-part facts of a long paste). */
  constructor(private readonly quiet = false) {}

  fact(name: string, value: string): void {
    const have = this.facts[name];
    if (have === undefined || have === value) {
      this.facts[name] = value;
      return;
    }
    if (name === 'dns.target') this.facts[name] = 'mixed';
    else if (BAD_VALUES.has(value) && !BAD_VALUES.has(have)) this.facts[name] = value;
  }

  /** One finding per id: the first rule to find a problem describes it. Written lazily, only when kept. */
  add(make: () => Finding): void {
    if (this.quiet) return;
    const f = make();
    if (this.ids.has(f.id)) return;
    this.ids.add(f.id);
    this.list.push(f);
  }

  findings(): Finding[] {
    const rank = { error: 0, warning: 1, info: 2 } as const;
    return this.list
      .map((f, i) => ({ f, i }))
      .sort((a, b) => rank[a.f.severity] - rank[b.f.severity] || a.i - b.i)
      .map(({ f }) => f);
  }
}

export function finding(
  id: string,
  severity: Finding['severity'],
  conclusion: string,
  message: string,
  kb: string[] = [],
  fix: string[] = [],
): Finding {
  return { id, severity, conclusion, message, kb, fix };
}

/** "a", "a and b", "a, b and c". */
export function listText(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A value as the message shows it: quoted, or "(empty)". */
export const shown = (v: string | undefined) => (v === undefined || v === '' ? '(empty)' : `"${v}"`);
