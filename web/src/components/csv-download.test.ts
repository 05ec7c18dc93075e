import { describe, expect, it } from 'vitest';
import { buildCsv } from './csv-download.ts';

describe('client-side CSV', () => {
  it('starts with a BOM, separates with semicolons and quotes what needs quoting', () => {
    expect(buildCsv(['Имя', 'Число'], [['Иванов; Пётр', 3], ['Сказал "да"', null]])).toBe('\uFEFFИмя;Число\r\n"Иванов; Пётр";3\r\n"Сказал ""да""";\r\n');
  });

  it('turns formula-like text into plain text', () => {
    expect(buildCsv(['x'], [['=HYPERLINK("http://evil.test")'], ['+7 342'], ['@SUM(A1)']])).toBe('\uFEFFx\r\n"\'=HYPERLINK(""http://evil.test"")"\r\n\'+7 342\r\n\'@SUM(A1)\r\n');
  });
});
