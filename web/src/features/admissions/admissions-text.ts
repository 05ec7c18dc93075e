import type { TFunction } from 'i18next';
import type { EligibilityReason } from '@ms/contracts/admissions';

/** An eligibility reason in the reader's language; an education code in the parameters is translated too. */
export function reasonText(t: TFunction, reason: EligibilityReason): string {
  const params: Record<string, string | number> = { ...reason.params };
  if (reason.key === 'education' && typeof params.min === 'string') params.min = t(`admissions.education.${params.min}` as never);
  return String(t(`admissions.reason.${reason.key}` as never, params as never));
}

/** Badge colours by status: only the palettes the theme darkens for AA contrast on tints. */
export const STATUS_COLOURS: Record<string, string> = {
  draft: 'gray',
  submitted: 'blue',
  nominated: 'blue',
  admitted: 'green',
  reserve: 'yellow',
  rejected: 'red',
  enrolled: 'green',
  withdrawn: 'gray',
};

/** `datetime-local` input value (Moscow wall time) ⇄ UTC ISO. The programme's zone is UTC+3 all year. */
export function toLocalInput(iso: string): string {
  return new Date(new Date(iso).getTime() + 3 * 3_600_000).toISOString().slice(0, 16);
}

export function fromLocalInput(value: string): string {
  return new Date(`${value}:00+03:00`).toISOString();
}
