import Papa from 'papaparse';
import { decodeText } from './decode.ts';
import { buildTable, IMPORT_LIMITS, unreadable, type RawRecord, type SheetTable } from './table.ts';

/** Records Papa parses before it pauses and hands them on: the rest of the file waits, unparsed. */
const PAPA_BATCH = 1_000;

/**
 * Reads a CSV (or tab-separated) file: encoding and delimiter (';', ',' or tab) are detected.
 * Stops as soon as the row limit is passed instead of parsing the rest.
 */
export function readCsv(bytes: Buffer, maxRows: number = IMPORT_LIMITS.maxRows): SheetTable {
  return buildTable([...csvRecords(decodeText(bytes), maxRows)]);
}

/**
 * The records of a decoded CSV text, one at a time, so that only the rows being checked are held
 * (the text itself is the only whole-file copy). Refuses the file (throws) as soon as the row limit
 * is passed (+1 for the header row), and after the last record when a quote was never closed.
 */
export function* csvRecords(text: string, maxRows: number = IMPORT_LIMITS.maxRows): Generator<RawRecord, void, undefined> {
  let count = 0;
  let nonEmpty = 0;
  const record = (cells: string[]): RawRecord => {
    count += 1;
    if (cells.some((c) => c.trim() !== '')) nonEmpty += 1;
    if (nonEmpty > maxRows + 1) throw unreadable('import.too_many_rows', { max: maxRows });
    return { rowNumber: count, cells };
  };
  const delimiter = detectDelimiter(text);
  if (text.length > 0 && !text.includes('"')) {
    for (const line of unquotedLines(text)) yield record(line.split(delimiter));
    return;
  }
  // Papa parses on in its step callback: it is paused after each batch and resumed once the batch
  // has been handed on (both synchronous), so the records of the whole file never pile up.
  const pending: string[][] = [];
  let parser: Papa.Parser | undefined;
  let isDone = false;
  let parsed = 0;
  let quoteProblemRow: number | null = null;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (result, handle) => {
      parser = handle;
      parsed += 1;
      // Without dynamic typing Papa gives strings only: the row is kept as it comes.
      if (result.errors.some((e) => e.type === 'Quotes') && quoteProblemRow === null) quoteProblemRow = parsed;
      pending.push(result.data);
      if (pending.length >= PAPA_BATCH) handle.pause();
    },
    complete: () => {
      isDone = true;
    },
  });
  for (;;) {
    for (let i = 0; i < pending.length; i++) yield record(pending[i]!);
    pending.length = 0;
    if (isDone || !parser) break;
    const before = parsed;
    parser.resume();
    // Papa resumes synchronously once paused; anything else would silently lose the rest of the file.
    if (parsed === before && !isDone) throw new Error('CSV parser did not resume');
  }
  if (quoteProblemRow !== null) throw unreadable('import.csv_quotes', { row: quoteProblemRow });
}

/**
 * The lines of a text without a single quote character, split as Papa splits them (its fast mode):
 * on the line ending it guesses from the first megabyte. Without quotes a line is its cells joined by
 * the delimiter, so this is all parsing is; it is several times faster than Papa's step-by-step
 * records and makes far less garbage. Null when the text has quotes: Papa parses those.
 */
export function splitUnquoted(text: string): string[] | null {
  if (text.length === 0 || text.includes('"')) return null;
  return [...unquotedLines(text)];
}

/** The lines of a text without quotes (see splitUnquoted), one at a time. */
function* unquotedLines(text: string): Generator<string, void, undefined> {
  const ending = guessLineEnding(text);
  let start = 0;
  for (;;) {
    const end = text.indexOf(ending, start);
    if (end < 0) break;
    yield text.slice(start, end);
    start = end + ending.length;
  }
  yield text.slice(start);
}

/** Papa's guessLineEndings for a text without quotes: '\n' unless '\r' comes first; then '\r\n' or '\r' by majority. */
function guessLineEnding(text: string): string {
  const head = text.substring(0, 1024 * 1024);
  const r = head.split('\r');
  const n = head.split('\n');
  if (r.length === 1 || (n.length > 1 && n[0]!.length < r[0]!.length)) return '\n';
  const withN = r.filter((part) => part[0] === '\n').length;
  return withN >= r.length / 2 ? '\r\n' : '\r';
}

const DELIMITERS = [';', '\t', ','] as const;

/**
 * The delimiter used in the header line (';' from Russian Excel, ',' or tab elsewhere): the one that
 * occurs most often outside quotes; ties go to ';', then tab. Papa's own guess needs several
 * consistent rows and fails on short files.
 */
export function detectDelimiter(text: string): string {
  const headerLine = text.slice(0, 65_536).split(/\r\n|\n|\r/).find((line) => line.trim() !== '') ?? '';
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  let best: string = ';';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = unquoted.split(delimiter).length - 1;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}
