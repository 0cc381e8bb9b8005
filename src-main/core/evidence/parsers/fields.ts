// Reads a PowerShell object's properties into a typed record: what is taken is typed, what is cut is listed,
// what is left over is kept as printed.
import type { PsObject } from '../ps-output';
import { boolOf, type PsValue } from '../ps-values';

export class Fields {
  /** Which properties were taken, by index: a bit mask for the first 30, a set beyond (wide objects are rare). */
  private mask = 0;
  private wide?: Set<number>;
  readonly cut: string[] = [];

  constructor(private readonly obj: PsObject) {}

  private mark(i: number): void {
    if (i < 30) this.mask |= 1 << i;
    else (this.wide ??= new Set()).add(i);
  }

  private isUsed(i: number): boolean {
    return i < 30 ? (this.mask & (1 << i)) !== 0 : (this.wide?.has(i) ?? false);
  }

  private take(key: string, field: string): PsValue | undefined {
    const props = this.obj.props;
    for (let i = 0; i < props.length; i++) {
      const p = props[i]!;
      if (p.key !== key) continue;
      this.mark(i);
      if (p.value.incomplete && !this.cut.includes(field)) this.cut.push(field);
      return p.value;
    }
    return undefined;
  }

  has(key: string): boolean {
    return this.obj.props.some((p) => p.key === key);
  }

  /** The text as printed ('' when shown empty), undefined when the property is not in the output. */
  text(key: string, field: string = key): string | undefined {
    return this.take(key, field)?.text;
  }

  /** Same as text() but an empty value reads as undefined. */
  value(key: string, field: string = key): string | undefined {
    const t = this.take(key, field)?.text;
    return t === '' ? undefined : t;
  }

  bool(key: string, field: string = key): boolean | undefined {
    return boolOf(this.take(key, field));
  }

  /** A collection's members; a single value prints without braces, so it becomes a one-member list. */
  items(key: string, field: string = key): { items: string[]; cut: boolean } | undefined {
    const v = this.take(key, field);
    if (!v) return undefined;
    if (v.items) return { items: v.items, cut: v.incomplete };
    return { items: v.text === '' ? [] : [v.text], cut: v.incomplete };
  }

  /** Properties not taken, as printed. */
  other(): Record<string, string> {
    const out: Record<string, string> = {};
    this.obj.props.forEach((p, i) => {
      if (!this.isUsed(i)) out[p.name] = p.value.text;
    });
    return out;
  }
}

/** A copy without the undefined fields, so records compare and serialize cleanly (no delete: it slows V8 down). */
export function compact<T extends object>(record: T): T {
  const out = {} as T;
  for (const k in record) if (record[k] !== undefined) out[k] = record[k];
  return out;
}
