import { EDUCATION_LEVELS, type EducationLevel, type EligibilityReason, type EligibilityRules } from '@ms/contracts/admissions';

/** The answers the rules read. */
export interface EligibilityInput {
  birthDate: string | null;
  education: EducationLevel | null;
  managementYears: number | null;
  serviceKind: 'state' | 'municipal' | 'none' | null;
  serviceYears: number | null;
}

/** Full years between a birth date and a reference date (both YYYY-MM-DD). */
export function ageOn(birthDate: string, referenceDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ry, rm, rd] = referenceDate.split('-').map(Number) as [number, number, number];
  return ry - by - (rm < bm || (rm === bm && rd < bd) ? 1 : 0);
}

/**
 * Checks an application against a campaign's rules. Every failed rule gives a reason (a catalogue key
 * of the web app with its parameters), so the applicant sees all that stands in the way at once.
 * `today` is used when the rules set no reference date for the age.
 */
export function evaluateEligibility(input: EligibilityInput, rules: EligibilityRules, today: string): { isEligible: boolean; reasons: EligibilityReason[] } {
  const reasons: EligibilityReason[] = [];
  if (rules.minAge !== null || rules.maxAge !== null) {
    const referenceDate = rules.ageReferenceDate ?? today;
    if (!input.birthDate) {
      reasons.push({ key: 'missing_birth_date' });
    } else {
      const age = ageOn(input.birthDate, referenceDate);
      if (rules.minAge !== null && age < rules.minAge) reasons.push({ key: 'too_young', params: { age, min: rules.minAge, date: referenceDate } });
      if (rules.maxAge !== null && age > rules.maxAge) reasons.push({ key: 'too_old', params: { age, max: rules.maxAge, date: referenceDate } });
    }
  }
  if (rules.minEducation !== null) {
    const need = EDUCATION_LEVELS.indexOf(rules.minEducation);
    if (!input.education || EDUCATION_LEVELS.indexOf(input.education) < need) reasons.push({ key: 'education', params: { min: rules.minEducation } });
  }
  if (rules.minManagementYears !== null && (input.managementYears ?? 0) < rules.minManagementYears) {
    reasons.push({ key: 'management_years', params: { min: rules.minManagementYears, actual: input.managementYears ?? 0 } });
  }
  const hasService = input.serviceKind === 'state' || input.serviceKind === 'municipal';
  if (rules.requiresService && !hasService) reasons.push({ key: 'service_required' });
  if (rules.minServiceYears !== null && rules.minServiceYears > 0 && (!hasService || (input.serviceYears ?? 0) < rules.minServiceYears)) {
    reasons.push({ key: 'service_years', params: { min: rules.minServiceYears, actual: hasService ? (input.serviceYears ?? 0) : 0 } });
  }
  return { isEligible: reasons.length === 0, reasons: reasons.length === 0 ? [{ key: 'eligible' }] : reasons };
}
