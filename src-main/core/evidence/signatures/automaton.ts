// Every signature string of the pack in one Aho–Corasick automaton, compiled to a transition table: a paste is
// read once, one table look-up per character, however many articles the pack holds.
import { CHAR_KIND, SKIP } from './normalize';

export interface Automaton {
  /** Class of each UTF-16 code unit, upper and lower case alike; 0 for a character no pattern contains. */
  classes: Uint16Array;
  /** Classes + 1: the row width of `delta`. */
  width: number;
  /** delta[state * width + class]: the next state. */
  delta: Int32Array;
  /** Per state: itself when a pattern ends there, else the next state on its failure chain where one ends, or -1. */
  firstOut: Int32Array;
  /** Per state: the pattern that ends exactly there, or -1. */
  patternAt: Int32Array;
  /** Per state: the next state on the failure chain where a pattern ends, or -1. */
  dict: Int32Array;
  /** Length of each pattern, in normalized characters. */
  lengths: Int32Array;
}

let folding: Map<number, number[]> | undefined;

/** For each lower-case code unit, the others that lower-case to it ("K" and the Kelvin sign for "k"). Built once. */
function foldedTo(): Map<number, number[]> {
  if (folding) return folding;
  folding = new Map();
  for (let c = 0; c < 0x10000; c++) {
    const lower = String.fromCharCode(c).toLowerCase();
    if (lower.length !== 1 || lower.charCodeAt(0) === c) continue;
    const list = folding.get(lower.charCodeAt(0)) ?? [];
    list.push(c);
    folding.set(lower.charCodeAt(0), list);
  }
  return folding;
}

/** Patterns are normalized strings (see normalize.ts), distinct and not empty. */
export function buildAutomaton(patterns: string[]): Automaton {
  const classOf = new Map<number, number>();
  for (const p of patterns) {
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (!classOf.has(c)) classOf.set(c, classOf.size + 1);
    }
  }
  const width = classOf.size + 1;
  const classes = new Uint16Array(0x10000);
  const folded = foldedTo();
  for (const [c, k] of classOf) {
    if (CHAR_KIND[c] !== SKIP) classes[c] = k;
    for (const upper of folded.get(c) ?? []) if (CHAR_KIND[upper] !== SKIP) classes[upper] = k;
  }

  // The trie, one map of children per state.
  const children: Map<number, number>[] = [new Map()];
  const ends: number[] = [-1];
  patterns.forEach((p, id) => {
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const k = classOf.get(p.charCodeAt(i))!;
      let next = children[s]!.get(k);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        ends.push(-1);
        children[s]!.set(k, next);
      }
      s = next;
    }
    ends[s] = id;
  });

  const states = children.length;
  const delta = new Int32Array(states * width);
  const fail = new Int32Array(states);
  const patternAt = Int32Array.from(ends);
  const dict = new Int32Array(states).fill(-1);
  const firstOut = new Int32Array(states).fill(-1);
  // Breadth first: a state's failure target is always complete before the state itself.
  const queue: number[] = [];
  for (const [k, child] of children[0]!) {
    delta[k] = child;
    queue.push(child);
  }
  firstOut[0] = patternAt[0]! >= 0 ? 0 : -1;
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head]!;
    const f = fail[s]!;
    dict[s] = patternAt[f]! >= 0 ? f : dict[f]!;
    firstOut[s] = patternAt[s]! >= 0 ? s : dict[s]!;
    const row = s * width;
    const failRow = f * width;
    for (let k = 1; k < width; k++) {
      const child = children[s]!.get(k);
      if (child === undefined) delta[row + k] = delta[failRow + k]!;
      else {
        fail[child] = delta[failRow + k]!;
        delta[row + k] = child;
        queue.push(child);
      }
    }
  }
  return { classes, width, delta, firstOut, patternAt, dict, lengths: Int32Array.from(patterns, (p) => p.length) };
}
