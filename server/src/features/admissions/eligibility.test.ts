import { describe, expect, it } from 'vitest';
import type { EligibilityRules } from '@ms/contracts/admissions';
import { ageOn, evaluateEligibility, type EligibilityInput } from './eligibility.ts';

const rules: EligibilityRules = {
  minAge: 26,
  maxAge: 55,
  ageReferenceDate: '2024-10-08',
  minEducation: 'bachelor',
  minManagementYears: 2,
  requiresService: true,
  minServiceYears: 1,
};
const fit: EligibilityInput = { birthDate: '1985-03-14', education: 'master', managementYears: 5, serviceKind: 'municipal', serviceYears: 7 };

describe('ageOn', () => {
  it('counts full years, the birthday itself included', () => {
    expect(ageOn('1998-10-08', '2024-10-08')).toBe(26);
    expect(ageOn('1998-10-09', '2024-10-08')).toBe(25);
    expect(ageOn('2000-02-29', '2024-02-28')).toBe(23);
  });
});

describe('evaluateEligibility', () => {
  it('accepts an applicant meeting every rule', () => {
    expect(evaluateEligibility(fit, rules, '2024-06-01')).toEqual({ isEligible: true, reasons: [{ key: 'eligible' }] });
  });

  it('names every failed rule with its numbers', () => {
    const result = evaluateEligibility({ birthDate: '1960-01-01', education: 'vocational', managementYears: 1, serviceKind: 'none', serviceYears: null }, rules, '2024-06-01');
    expect(result.isEligible).toBe(false);
    expect(result.reasons.map((r) => r.key)).toEqual(['too_old', 'education', 'management_years', 'service_required', 'service_years']);
    expect(result.reasons[0]!.params).toEqual({ age: 64, max: 55, date: '2024-10-08' });
  });

  it('counts age on the reference date, not today', () => {
    const result = evaluateEligibility({ ...fit, birthDate: '1998-10-09' }, rules, '2030-01-01');
    expect(result.reasons).toEqual([{ key: 'too_young', params: { age: 25, min: 26, date: '2024-10-08' } }]);
  });

  it('asks for a birth date when an age rule exists', () => {
    expect(evaluateEligibility({ ...fit, birthDate: null }, rules, '2024-06-01').reasons).toEqual([{ key: 'missing_birth_date' }]);
  });

  it('checks nothing when no rule is set', () => {
    const none: EligibilityRules = { minAge: null, maxAge: null, ageReferenceDate: null, minEducation: null, minManagementYears: null, requiresService: false, minServiceYears: null };
    expect(evaluateEligibility({ birthDate: null, education: null, managementYears: null, serviceKind: null, serviceYears: null }, none, '2024-01-01').isEligible).toBe(true);
  });
});
