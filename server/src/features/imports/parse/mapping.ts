import type { ImportMapping } from '@ms/contracts/imports';
import { AppError, type FieldProblem } from '../../../lib/errors.ts';
import { normalizeKey } from './cells.ts';
import type { RowProblem } from './table.ts';

/** A field a file can fill: its name, whether the file must have it, and the headers that mean it. */
export interface FieldSpec {
  field: string;
  isRequired: boolean;
  /** Known headers in Russian and English; compared by letters and digits only, case-insensitive. */
  headers: string[];
}

/** The mapping resolved against the file: which column index feeds each field. */
export interface ResolvedMapping {
  mapping: ImportMapping;
  columnOf: Map<string, number>;
  /** File-level problems: required fields with no column (reported on the header row). */
  problems: RowProblem[];
}

/** Maps columns to fields by their headers; a column nobody recognises is ignored (null). */
export function autoMap(columns: string[], specs: FieldSpec[]): ImportMapping {
  const byHeader = new Map<string, string>();
  for (const spec of specs) {
    for (const header of [spec.field, ...spec.headers]) byHeader.set(normalizeKey(header), spec.field);
  }
  const taken = new Set<string>();
  const mapping: ImportMapping = {};
  for (const column of columns) {
    const field = byHeader.get(normalizeKey(column)) ?? null;
    // The first column with a known header wins; a repeated one is ignored rather than ambiguous.
    mapping[column] = field && !taken.has(field) ? field : null;
    if (field) taken.add(field);
  }
  return mapping;
}

/**
 * Resolves the mapping in force (explicit when given, otherwise automatic). An explicit mapping that
 * names an absent column, an unknown field, or one field twice is refused as a validation error.
 */
export function resolveMapping(columns: string[], specs: FieldSpec[], explicit?: ImportMapping | null): ResolvedMapping {
  const mapping = explicit ?? autoMap(columns, specs);
  if (explicit) assertValidMapping(columns, specs, explicit);
  const columnOf = new Map<string, number>();
  columns.forEach((column, index) => {
    const field = mapping[column];
    if (field) columnOf.set(field, index);
  });
  const problems: RowProblem[] = specs
    .filter((spec) => spec.isRequired && !columnOf.has(spec.field))
    .map((spec) => ({ row: 1, field: spec.field, column: null, key: 'field.missing_column', params: { column: spec.field } }));
  const fullMapping: ImportMapping = Object.fromEntries(columns.map((c) => [c, mapping[c] ?? null]));
  return { mapping: fullMapping, columnOf, problems };
}

function assertValidMapping(columns: string[], specs: FieldSpec[], explicit: ImportMapping): void {
  const known = new Set(specs.map((s) => s.field));
  const present = new Set(columns);
  const fields: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const [column, field] of Object.entries(explicit)) {
    const path = `mapping.${column}`;
    if (!present.has(column)) fields.push({ path, key: 'import.unknown_column', params: { column } });
    if (field === null) continue;
    if (!known.has(field)) fields.push({ path, key: 'import.unknown_field', params: { field } });
    else if (seen.has(field)) fields.push({ path, key: 'import.field_mapped_twice', params: { field } });
    seen.add(field);
  }
  if (fields.length > 0) throw new AppError('validation', { fields });
}
