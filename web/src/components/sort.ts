/** Sorts a copy of `items` by a text or number key; used where the API returns a small, unsorted list. */
export function sortBy<T>(items: readonly T[], key: (item: T) => string | number | null | undefined, dir: 'asc' | 'desc', locale: string): T[] {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const sign = dir === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === y) return 0;
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y)));
  });
}
