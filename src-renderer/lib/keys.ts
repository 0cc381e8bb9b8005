// Keys for `{#each}` over content that has no id of its own (commands, error strings): the content itself,
// with `#2`, `#3`… on repeats, so a pack that lists the same command twice cannot break the page.

export function keyed<T>(
  items: readonly T[] | undefined | null,
  keyOf: (item: T) => string,
): { key: string; item: T }[] {
  const seen = new Map<string, number>();
  return (items ?? []).map((item) => {
    const base = keyOf(item);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { key: count === 1 ? base : `${base}#${count}`, item };
  });
}
