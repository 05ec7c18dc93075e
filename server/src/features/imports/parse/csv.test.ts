import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { splitUnquoted } from './csv.ts';

/** The records Papa gives for a text, parsed the way readCsv asks it to. */
function papaRecords(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, step: (result) => void records.push(result.data) });
  return records;
}

describe('splitUnquoted', () => {
  it('splits any text without quotes into exactly the records Papa gives, whatever its line endings', () => {
    const piece = fc.constantFrom('Иванов', 'a', ' ', '', ';', ',', '\t', '\n', '\r', '\r\n', 'x y', 'ё', '=1+2', '\u0000');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.constantFrom(';', ',', '\t'), (pieces, delimiter) => {
        const text = pieces.join('');
        const lines = splitUnquoted(text);
        if (text === '') expect(lines).toBeNull();
        else expect(lines!.map((line) => line.split(delimiter))).toEqual(papaRecords(text, delimiter));
      }),
      { numRuns: 2_000 },
    );
  });

  it('leaves a text with quotes to Papa', () => {
    expect(splitUnquoted('a;"b;c"\n')).toBeNull();
  });
});
