import { describe, expect, it } from 'vitest';
import { addMonths, checkKpiValue, daysBetween, progressPct } from './kpi.ts';

describe('KPI values and their units', () => {
  it('refuses a fractional count, naming the field', () => {
    expect(checkKpiValue('count', 2.5, 'body.kpis.0.target')).toEqual([{ path: 'body.kpis.0.target', key: 'practices.kpi_integer', params: { unit: 'count' } }]);
  });
  it('refuses a percentage above 100 and a negative amount', () => {
    expect(checkKpiValue('percent', 120, 'p')[0]?.key).toBe('practices.kpi_range');
    expect(checkKpiValue('rub', -1, 'p')[0]?.key).toBe('practices.kpi_range');
  });
  it('accepts a fractional amount of money and a whole number of people', () => {
    expect(checkKpiValue('rub_thousand', 1250.5, 'p')).toEqual([]);
    expect(checkKpiValue('people', 300, 'p')).toEqual([]);
  });
  it('measures progress from baseline towards target, also when the target is lower', () => {
    expect(progressPct(10, 20, 15)).toBe(50);
    expect(progressPct(30, 10, 20)).toBe(50);
    expect(progressPct(5, 5, 7)).toBeNull();
    expect(progressPct(5, 10, null)).toBeNull();
  });
});

describe('check-in dates', () => {
  it('adds months and clamps to the end of a shorter month', () => {
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(addMonths('2024-12-15', 12)).toBe('2025-12-15');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
  });
  it('counts days between dates', () => {
    expect(daysBetween('2025-01-01', '2025-03-01')).toBe(59);
  });
});
