/** Helpers that turn untyped URL search params into typed, bounded values for validateSearch. */

export function optionalString(value: unknown, max = 200): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.length > 0 ? value.slice(0, max) : undefined;
}

export function positiveInt(value: unknown, fallback: number, max = 100_000): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

export function sortDir(value: unknown): 'asc' | 'desc' | undefined {
  return value === 'asc' || value === 'desc' ? value : undefined;
}
