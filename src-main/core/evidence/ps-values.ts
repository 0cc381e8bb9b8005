// One property value as PowerShell printed it: cut values ("..." or "…"), collections ("{a, b}"), booleans.

export interface PsValue {
  text: string;
  /** PowerShell cut the value ("exap.um.outl...", "{a, b, c, d...}"): what is missing is unknown. */
  incomplete: boolean;
  /** The members of a "{a, b, c}" collection. */
  items?: string[];
}

const endsCut = (t: string) => t.endsWith('...') || t.endsWith('…');

export function makeValue(text: string): PsValue {
  const value: PsValue = { text, incomplete: endsCut(text) };
  if (text.startsWith('{')) {
    const { items, cut } = collectionItems(text);
    value.items = items;
    if (cut) value.incomplete = true;
  }
  return value;
}

/**
 * Members of "{a, b, {c, d}}": split on commas outside nested braces, one pass. An unclosed brace (a value cut
 * by the paste) or "...}" (more members than $FormatEnumerationLimit) marks the list as cut.
 */
export function collectionItems(text: string): { items: string[]; cut: boolean } {
  let inner = text.slice(1);
  let cut = true;
  if (inner.endsWith('}')) {
    inner = inner.slice(0, -1);
    cut = false;
  }
  if (endsCut(inner)) {
    inner = inner.slice(0, inner.endsWith('…') ? -1 : -3);
    cut = true;
  }
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner.charCodeAt(i);
    if (c === 123) depth++;
    else if (c === 125) depth = Math.max(0, depth - 1);
    else if (c === 44 && depth === 0) {
      const item = inner.slice(start, i).trim();
      if (item) items.push(item);
      start = i + 1;
    }
  }
  const tail = inner.slice(start).trim();
  if (tail) items.push(tail);
  return { items, cut };
}

/**
 * Where "Name : value" has its colon, or -1. Format-List pads every name, so the colon always has a space
 * before it and a space (or the end of the line) after it; names never contain a colon.
 */
export function listSeparator(t: string, indent: number): number {
  const c = t.indexOf(':', indent);
  if (c <= indent + 1 || t.charCodeAt(c - 1) !== 32) return -1;
  if (c + 1 < t.length && t.charCodeAt(c + 1) !== 32) return -1;
  const first = t.charCodeAt(indent);
  // Not a continuation ("+ CategoryInfo : …" belongs to an error record) nor a bare " : value".
  if (first === 43 || first === 32) return -1;
  return c;
}

/** True / False as PowerShell prints booleans; undefined for anything else (or a cut value). */
export function boolOf(v: PsValue | undefined): boolean | undefined {
  if (!v || v.incomplete) return undefined;
  const t = v.text.toLowerCase();
  if (t === 'true' || t === '$true' || t === '1') return true;
  if (t === 'false' || t === '$false' || t === '0') return false;
  return undefined;
}
