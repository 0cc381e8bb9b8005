// Small text helpers shared by the renderers.

/** An ISO time as "2026-01-02 03:04 UTC": the same in every language, and unambiguous across time zones. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** One line: every line break and control character becomes a space (titles, names, one-line fields). */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced here
  return text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ').trim();
}

/** Normalized line breaks: \r\n and a lone \r become \n. */
export function lf(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
