// How error strings and pastes are compared: lower case, with every whitespace and quote character left out.
// Consoles wrap a message at their width, sometimes in the middle of a word (Format-List continuation lines, an
// error record in an 80-column window); CSV doubles its quotes and XML writes them as &quot;: none of that may
// stop "Storage Service had an EWS Autodiscovery failure." from being found.

/** What the scanners do with a character: leave it out, decode an entity at it, or compare it. */
export const SKIP = 1;
export const AMPERSAND = 2;

/** Whitespace of every kind, and the quote characters pastes add, drop or replace. */
const SKIPPED = [
  0x00, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x22, 0x27, 0x60, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
  0xfeff, 0x2018, 0x2019, 0x201a, 0x201b, 0x201c, 0x201d, 0x201e, 0x201f,
];

/** One byte per UTF-16 code unit: 0 (compare), SKIP or AMPERSAND. */
export const CHAR_KIND = new Uint8Array(0x10000);
for (const c of SKIPPED) CHAR_KIND[c] = SKIP;
for (let c = 0x2000; c <= 0x200b; c++) CHAR_KIND[c] = SKIP;
CHAR_KIND[0x26] = AMPERSAND;

const NAMED: Record<string, number> = { quot: 0x22, apos: 0x27, amp: 0x26, lt: 0x3c, gt: 0x3e, nbsp: 0xa0 };

/**
 * The XML or HTML entity at `i` (text[i] is "&"): the character it stands for and its length, or undefined when
 * there is none. Event exports in XML escape quotes, ampersands and angle brackets this way.
 */
export function entityAt(text: string, i: number): { code: number; length: number } | undefined {
  const semi = text.indexOf(';', i + 2);
  if (semi < 0 || semi - i > 9) return undefined;
  const body = text.slice(i + 1, semi);
  let code: number | undefined;
  if (body.charCodeAt(0) === 0x23) {
    const hex = body.charCodeAt(1) === 0x78 || body.charCodeAt(1) === 0x58;
    const digits = body.slice(hex ? 2 : 1);
    if (digits.length === 0 || !(hex ? /^[0-9a-f]+$/i : /^[0-9]+$/).test(digits)) return undefined;
    code = parseInt(digits, hex ? 16 : 10);
    if (code > 0xffff) return undefined;
  } else code = NAMED[body.toLowerCase()];
  return code === undefined ? undefined : { code, length: semi - i + 1 };
}

const lowerCache = new Map<number, number>();

/** The lower-case form of one UTF-16 code unit (itself when lower-casing would change its length). */
export function lowerCode(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  const known = lowerCache.get(c);
  if (known !== undefined) return known;
  const lower = String.fromCharCode(c).toLowerCase();
  const out = lower.length === 1 ? lower.charCodeAt(0) : c;
  if (lowerCache.size < 4096) lowerCache.set(c, out);
  return out;
}

/** A text as the matcher compares it, with the offset in `text` of each character kept. */
export interface Normalized {
  text: string;
  /** offsets[i]: where normalized character i starts in the original; one more entry for the end. */
  offsets: Int32Array;
}

/** The comparable form of a short text (an error string, or a window of a paste around a match). */
export function normalizeWithOffsets(text: string, from = 0, to = text.length): Normalized {
  const codes: number[] = [];
  const offsets: number[] = [];
  let i = from;
  while (i < to) {
    let c = text.charCodeAt(i);
    let length = 1;
    let kind = CHAR_KIND[c]!;
    if (kind === AMPERSAND) {
      const entity = entityAt(text, i);
      if (entity) {
        c = entity.code;
        length = entity.length;
        kind = CHAR_KIND[c] === SKIP ? SKIP : 0;
      } else kind = 0;
    }
    if (kind !== SKIP) {
      codes.push(lowerCode(c));
      offsets.push(i);
    }
    i += length;
  }
  offsets.push(Math.min(i, to));
  let out = '';
  for (let k = 0; k < codes.length; k += 4096) out += String.fromCharCode(...codes.slice(k, k + 4096));
  return { text: out, offsets: Int32Array.from(offsets) };
}

export const normalize = (text: string): string => normalizeWithOffsets(text).text;

/** Letters, digits and the underscore: what an identifier's edges may not touch. */
export function isWordCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}
