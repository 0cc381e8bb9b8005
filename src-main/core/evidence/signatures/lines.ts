// Line numbers and excerpts of a paste, numbered as the rest of the analyzer numbers them (recognize.ts: a line
// ends at \r\n, \n or a lone \r). Excerpts are bounded: an event log exported as XML is often one line of
// megabytes, and a finding shows a few hundred characters of it, around what matched.

const MAX_LINE = 240;
const MAX_LINES = 6;

export class LineIndex {
  /** Offset where each line starts: line n (1-based) starts at starts[n - 1]. */
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  get count(): number {
    return this.starts.length;
  }

  /** The 1-based line of an offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  start(line: number): number {
    return this.starts[line - 1] ?? this.text.length;
  }

  /** Offset of the end of a line, its line break left out. */
  end(line: number): number {
    const next = this.starts[line];
    if (next === undefined) return this.text.length;
    let e = next - 1;
    if (e > 0 && this.text.charCodeAt(e) === 10 && this.text.charCodeAt(e - 1) === 13) e--;
    return e;
  }

  line(no: number): string {
    return this.text.slice(this.start(no), this.end(no));
  }

  /**
   * Lines `from` to `to` as a finding shows them: at most a few lines, each at most a few hundred characters
   * (the part around `focus`, an offset, when the line is longer).
   */
  excerpt(from: number, to: number, focus?: number): string {
    const out: string[] = [];
    const last = Math.min(to, from + MAX_LINES - 1);
    for (let no = from; no <= last; no++) {
      const start = this.start(no);
      const end = this.end(no);
      if (end - start <= MAX_LINE) {
        out.push(this.text.slice(start, end).trimEnd());
        continue;
      }
      const at = focus !== undefined && focus >= start && focus <= end ? focus : start;
      const left = Math.max(start, Math.min(at - MAX_LINE / 4, end - MAX_LINE));
      const right = Math.min(end, left + MAX_LINE);
      out.push(`${left > start ? '…' : ''}${this.text.slice(left, right).trim()}${right < end ? '…' : ''}`);
    }
    if (to > last) out.push('…');
    return out.join('\n');
  }
}
