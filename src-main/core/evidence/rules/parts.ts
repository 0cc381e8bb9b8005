// The recognized parts a rule looks at, with their records typed.
import type { RecognizedPart } from '../recognize';
import type { EvidenceKind, RecordOf } from '../records';

export interface KindParts<K extends EvidenceKind> {
  parts: RecognizedPart[];
  records: RecordOf<K>[];
}

export function partsOf<K extends EvidenceKind>(parts: RecognizedPart[], kind: K): KindParts<K> {
  const mine = parts.filter((p) => p.kind === kind);
  const records: RecordOf<K>[] = [];
  for (const p of mine) for (const r of p.records) if (r.kind === kind) records.push(r as RecordOf<K>);
  return { parts: mine, records };
}

/** The command filtered its output (-Identity, -Filter, Where-Object): an empty answer says less. */
export function filtered(command: string | undefined): string | undefined {
  if (!command) return undefined;
  const lower = command.toLowerCase();
  for (const flag of ['-identity', '-filter', 'where-object', '?{', '? {', 'where ']) {
    if (lower.includes(flag)) return flag;
  }
  // Get-CsHostingProvider "Exchange Online": the identity given by position.
  const first = command.split('|')[0] ?? '';
  const rest = first
    .trim()
    .split(' ')
    .slice(1)
    .filter((t) => t !== '' && !t.startsWith('-'));
  return rest.length > 0 ? 'identity' : undefined;
}
