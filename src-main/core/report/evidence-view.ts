// What was read from a paste, for people: a long session pastes the same command's output hundreds of times, so
// parts that read the same (kind, command, facts, messages) are shown once with the lines where they are.
import type { ReportEvidencePart } from './model';

export interface PartGroup extends Omit<ReportEvidencePart, 'lines'> {
  lines: { from: number; to: number }[];
}

export function groupParts(parts: ReportEvidencePart[]): PartGroup[] {
  const groups = new Map<string, PartGroup>();
  for (const p of parts) {
    const key = [
      p.kind,
      p.command ?? '',
      p.incomplete,
      p.empty ?? '',
      (p.errors ?? []).join('\u0001'),
      p.message ?? '',
      Object.entries(p.facts).join('\u0001'),
    ].join('\u0000');
    const group = groups.get(key);
    if (group) group.lines.push(p.lines);
    else groups.set(key, { ...p, lines: [p.lines] });
  }
  return [...groups.values()];
}

/** "1–15, 40–52 and 12 more": the first line ranges of a group, and how many are left out. */
export function lineRanges(lines: { from: number; to: number }[], more: (n: number) => string, max = 8): string {
  const shown = lines.slice(0, max).map((l) => (l.from === l.to ? `${l.from}` : `${l.from}–${l.to}`));
  return lines.length > max ? `${shown.join(', ')} ${more(lines.length - max)}` : shown.join(', ');
}
