import type { MessageKey } from '../../../lib/messages.ts';

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** A signed number or a phone number: starts with + or - but is not a formula. */
const SIGNED_NUMBER_OR_PHONE = /^[+-][\d\s().-]*\d[\d\s().-]*$/;
const DASHES_ONLY = /^[-–—\s]+$/;

/**
 * A spreadsheet formula (CSV/formula injection, OWASP): starts with = or @, or with + or - unless it
 * is a plain signed number or phone number. A lone dash is how forms say "none", not a formula.
 */
export function isFormula(value: string): boolean {
  const first = value[0];
  if (first === '=' || first === '@') return true;
  if (first === '+' || first === '-') return !SIGNED_NUMBER_OR_PHONE.test(value) && !DASHES_ONLY.test(value);
  return false;
}

/** The problem with a cell's raw content, before any field-specific check; null when clean. */
export function cellProblem(value: string): MessageKey | null {
  if (CONTROL_CHARS.test(value)) return 'field.control_chars';
  if (isFormula(value)) return 'field.formula';
  return null;
}

/** "-", "—" and friends in an optional cell mean "nothing". */
export function isBlank(value: string): boolean {
  return value === '' || DASHES_ONLY.test(value);
}

/**
 * Parses YYYY-MM-DD or DD.MM.YYYY (also D.M.YYYY) into YYYY-MM-DD; null for other shapes and for
 * dates that do not exist (31.02.1980).
 */
export function parseDate(value: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dotted
      ? [Number(dotted[3]), Number(dotted[2]), Number(dotted[1])]
      : [NaN, NaN, NaN];
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** Full years between a birth date and a day, both YYYY-MM-DD. */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** Parses a decimal written either way ("55.75" or "55,75", spaces as thousands separators). */
export function parseDecimal(value: string): number | null {
  const normalized = value.replace(/[\s\u00A0]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normalized)) return null;
  return Number(normalized);
}

/** Letters and digits only, lower case, ё→е: how headers and reference names are compared. */
export function normalizeKey(value: string): string {
  return value
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]/gu, '');
}
