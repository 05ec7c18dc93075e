import Papa from 'papaparse';
import type { ImportProblem } from '@ms/contracts/imports';
import { translate } from '../../lib/i18n.ts';
import { MESSAGES, type Locale, type MessageKey } from '../../lib/messages.ts';
import { isFormula } from './parse/cells.ts';
import type { RowProblem } from './parse/table.ts';

/** How many problems the dry-run answer lists; the report has them all. */
export const LISTED_PROBLEMS = 200;

function fieldLabel(locale: Locale, field: string): string {
  const key = `import.field.${field}`;
  return key in MESSAGES.ru ? translate(locale, key as MessageKey) : field;
}

/** A stored problem in the reader's language; a missing column is named by its label in that language. */
export function translateProblem(locale: Locale, problem: RowProblem): ImportProblem {
  const params = { ...problem.params };
  if (problem.key === 'field.missing_column') params.column = fieldLabel(locale, problem.field);
  return {
    row: problem.row,
    field: problem.field,
    column: problem.column,
    code: problem.key,
    message: translate(locale, problem.key, params),
  };
}

/** The report as CSV for Excel: UTF-8 with BOM, ';' separated, translated headers, no formula cells. */
export function reportToCsv(locale: Locale, problems: RowProblem[]): Buffer {
  const header = ['import.report.row', 'import.report.column', 'import.report.field', 'import.report.message'] as const;
  const defuse = (value: string) => (isFormula(value) ? `'${value}` : value);
  const rows = problems.map((p) => {
    const translated = translateProblem(locale, p);
    return [String(p.row), defuse(p.column ?? ''), fieldLabel(locale, p.field), defuse(translated.message)];
  });
  const csv = Papa.unparse({ fields: header.map((key) => translate(locale, key)), data: rows }, { delimiter: ';', newline: '\r\n' });
  return Buffer.from(`\uFEFF${csv}\r\n`, 'utf8');
}
