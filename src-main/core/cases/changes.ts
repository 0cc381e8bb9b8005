// What an update changes in a case, as audit-trail lines: one per changed field, answer or name. Pure, so the
// store saves the new state and its history in the same transaction.
import type { CaseEventType, CaseFields } from '../contract';

export interface Change {
  type: CaseEventType;
  detail: string;
}

/** Long values (a symptom) are cut in the trail: it says what changed, the case holds the value. */
const shown = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
};

function recordChanges(
  before: Record<string, string> | undefined,
  after: Record<string, string> | undefined,
  prefix: string,
  set: CaseEventType,
  cleared: CaseEventType,
): Change[] {
  const a = before ?? {};
  const b = after ?? {};
  const out: Change[] = [];
  for (const [key, value] of Object.entries(b)) {
    if (a[key] !== value) out.push({ type: set, detail: `${prefix}${key}=${shown(value)}` });
  }
  for (const key of Object.keys(a)) {
    if (!(key in b)) out.push({ type: cleared, detail: `${prefix}${key}` });
  }
  return out;
}

/** Applies a patch (absent key: kept; null: cleared) and lists what it changed. */
export function applyFilePatch(
  file: CaseFields,
  patch: { [K in keyof CaseFields]?: CaseFields[K] | null },
): { file: CaseFields; changes: Change[] } {
  const next: Record<string, unknown> = { ...file };
  const changes: Change[] = [];
  for (const [key, value] of Object.entries(patch) as [keyof CaseFields, unknown][]) {
    if (value === undefined) continue;
    const before = file[key];
    if (value === null) delete next[key];
    else next[key] = value;
    const after = next[key];
    if (JSON.stringify(before) === JSON.stringify(after)) continue;
    if (key === 'answers') {
      changes.push(
        ...recordChanges(
          before as Record<string, string>,
          after as Record<string, string>,
          '',
          'answered',
          'answer-cleared',
        ),
      );
    } else if (key === 'features' || key === 'names' || key === 'facts') {
      const changed = recordChanges(
        before as Record<string, string>,
        after as Record<string, string>,
        `${key}.`,
        'environment-changed',
        'environment-changed',
      );
      changes.push(...changed.map((c) => (c.detail.includes('=') ? c : { ...c, detail: `${c.detail} cleared` })));
    } else {
      changes.push({
        type: 'environment-changed',
        detail: after === undefined ? `${key} cleared` : `${key}=${shown(after)}`,
      });
    }
  }
  return { file: next as CaseFields, changes };
}
