// Lines of a paste: CRLF, LF or a lone CR, a BOM character left at the start, tabs and no-break spaces that
// mail and chat tools put in place of the console's spaces.

/** Splits on \r\n, \n and a lone \r (old Mac files, some clipboards), with the engine's native string functions. */
export function lineBreaks(text: string): string[] {
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.includes('\r')) {
    body = body.replaceAll('\r\n', '\n');
    if (body.includes('\r')) body = body.replaceAll('\r', '\n');
  }
  return body.split('\n');
}

/** Which of the characters normalizeLine replaces occur at all: checked once for the whole text. */
export interface Oddities {
  tab: boolean;
  nbsp: boolean;
  nul: boolean;
}

export function oddities(text: string): Oddities {
  return { tab: text.includes('\t'), nbsp: text.includes('\u00a0'), nul: text.includes('\u0000') };
}

/** Trailing spaces dropped; tabs, no-break spaces and NULs (UTF-16 read as 8-bit) made harmless. */
export function normalizeLine(line: string, odd: Oddities = { tab: true, nbsp: true, nul: true }): string {
  let t = line;
  if (odd.tab && t.includes('\t')) t = t.replaceAll('\t', ' ');
  if (odd.nbsp && t.includes('\u00a0')) t = t.replaceAll('\u00a0', ' ');
  if (odd.nul && t.includes('\u0000')) t = t.replaceAll('\u0000', '');
  const last = t.charCodeAt(t.length - 1);
  return last === 32 || last === 9 || last === 13 ? t.trimEnd() : t;
}
