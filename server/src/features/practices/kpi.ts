import { KPI_UNITS, type KpiUnit } from '@ms/contracts/practices';
import type { FieldProblem } from '../../lib/errors.ts';

/**
 * Checks a KPI value against its unit: whole numbers for counts, people and days; 0–100 for percent;
 * never negative. Answers field problems naming `path`, so the message says which field is wrong.
 */
export function checkKpiValue(unit: KpiUnit, value: number, path: string): FieldProblem[] {
  const rule = KPI_UNITS[unit];
  if (rule.type === 'integer' && !Number.isInteger(value)) return [{ path, key: 'practices.kpi_integer', params: { unit } }];
  if (value < rule.min || (rule.max !== null && value > rule.max)) {
    return [{ path, key: 'practices.kpi_range', params: { unit, min: rule.min, max: rule.max ?? '∞' } }];
  }
  return [];
}

/** (actual − baseline) / (target − baseline) in percent, rounded to one decimal; null when undefined. */
export function progressPct(baseline: number, target: number, actual: number | null): number | null {
  if (actual === null || target === baseline) return null;
  return Math.round(((actual - baseline) / (target - baseline)) * 1000) / 10;
}

/** A calendar date plus whole months, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}
