// The one pass over a paste: each character normalized on the fly (whitespace and quotes left out, entities
// decoded, case folded by the class table) and fed to the automaton. Work per character is constant, whatever
// the number of signatures; only the matches cost more, and a caller keeps a bounded number of them.
import type { Automaton } from './automaton';
import { AMPERSAND, CHAR_KIND, SKIP, entityAt } from './normalize';

/** Longest pattern + 1 must fit: anchors are at most 160 normalized characters. */
const RING = 256;
const MASK = RING - 1;

/**
 * Calls `onMatch` for every occurrence of every pattern: its id, its start and end offsets in `text` (end is
 * exclusive) and its first and last line (1-based, numbered as LineIndex numbers them).
 */
export function scanText(
  text: string,
  a: Automaton,
  onMatch: (pattern: number, start: number, end: number, startLine: number, endLine: number) => void,
): void {
  const { classes, width, delta, firstOut, patternAt, dict, lengths } = a;
  if (lengths.length === 0) return;
  // Locals, not the imported bindings: module loaders may turn each use of an import into a property look-up.
  const kinds = CHAR_KIND;
  const skip = SKIP;
  const ampersand = AMPERSAND;
  const ringOffset = new Int32Array(RING);
  const ringLine = new Int32Array(RING);
  const length = text.length;
  let state = 0;
  let n = 0;
  let line = 1;
  let i = 0;
  while (i < length) {
    let c = text.charCodeAt(i);
    let next = i + 1;
    const kind = kinds[c]!;
    if (kind === skip) {
      if (c === 10 || (c === 13 && text.charCodeAt(next) !== 10)) line++;
      i = next;
      continue;
    }
    if (kind === ampersand) {
      const entity = entityAt(text, i);
      if (entity) {
        c = entity.code;
        next = i + entity.length;
        if (kinds[c] === skip) {
          i = next;
          continue;
        }
      }
    }
    const k = classes[c]!;
    state = k === 0 ? 0 : delta[state * width + k]!;
    const slot = n & MASK;
    ringOffset[slot] = i;
    ringLine[slot] = line;
    let t = firstOut[state]!;
    while (t >= 0) {
      const p = patternAt[t]!;
      const first = (n - lengths[p]! + 1) & MASK;
      onMatch(p, ringOffset[first]!, next, ringLine[first]!, line);
      t = dict[t]!;
    }
    n++;
    i = next;
  }
}
