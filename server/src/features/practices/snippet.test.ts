import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { DEMO_PRACTICES } from '../demo/practices-demo.data.ts';
import { highlightSnippet, lexemesOf, SNIPPET_WORDS, WORD } from './snippet.ts';

const joined = (segments: { text: string }[]) => segments.map((segment) => segment.text).join('');
const hits = (segments: { text: string; hit: boolean }[]) => segments.filter((segment) => segment.hit).map((segment) => segment.text);

describe('highlightSnippet', () => {
  it('marks every form of the query word in a short text and keeps the text as it is', () => {
    const text = 'Жители выбирают проекты; жителям отчитываются. «Народный бюджет» — для ЖИТЕЛЕЙ!';
    const segments = highlightSnippet(text, ['жител']);
    expect(joined(segments)).toBe(text);
    expect(hits(segments)).toEqual(['Жители', 'жителям', 'ЖИТЕЛЕЙ']);
  });

  it('cuts a long text to its words around the first match, with ellipses where it was cut', () => {
    const words = Array.from({ length: 80 }, (_, i) => `слово${i}`);
    words[50] = 'гидранты';
    const segments = highlightSnippet(words.join(' '), ['гидрант']);
    const shown = joined(segments);
    expect(shown.startsWith('… слово45 ')).toBe(true);
    expect(shown.endsWith(`слово${45 + SNIPPET_WORDS - 1} …`)).toBe(true);
    expect(hits(segments)).toEqual(['гидранты']);
  });

  it('shows the start of a long text when nothing in it matches (a match in the title only)', () => {
    const text = Array.from({ length: 40 }, (_, i) => `слово${i}`).join(' ');
    const segments = highlightSnippet(text, ['гидрант']);
    expect(segments).toEqual([{ text: `${text.split(' ').slice(0, SNIPPET_WORDS).join(' ')} …`, hit: false }]);
  });

  it('marks a hyphenated compound by any of its parts, reads ё as е, and matches Latin words and numbers', () => {
    const text = 'Чат-боты отвечают; ёлки у дома; e-mail рассылка раз в 2024 году; Running costs.';
    expect(hits(highlightSnippet(text, ['бот']))).toEqual(['Чат-боты']);
    expect(hits(highlightSnippet(text, ['елк']))).toEqual(['ёлки']);
    expect(hits(highlightSnippet(text, ['2024', 'run']))).toEqual(['2024', 'Running']);
    expect(hits(highlightSnippet(text, []))).toEqual([]);
  });

  it('finds the same words as the WORD rule: every word of the demo summaries marked by its own lexemes', () => {
    for (const practice of DEMO_PRACTICES) {
      const words = Array.from(practice.summary.matchAll(WORD), (match) => match[0]);
      const segments = highlightSnippet(practice.summary, words.flatMap((word) => lexemesOf(word.toLowerCase())));
      expect(hits(segments)).toEqual(words.slice(0, SNIPPET_WORDS));
      if (words.length <= SNIPPET_WORDS) expect(joined(segments)).toBe(practice.summary);
    }
  });

  it('keeps hostile text as plain text pieces', () => {
    const text = '<script>alert("x")</script> жители';
    expect(highlightSnippet(text, ['жител'])).toEqual([
      { text: '<script>alert("x")</script> ', hit: false },
      { text: 'жители', hit: true },
    ]);
  });
});

/**
 * The marking stems words in Node; the search stems them in PostgreSQL. Every word of the demo data
 * (several thousand Russian word forms, with Latin words and compounds) must get the lexemes that
 * PostgreSQL's `russian` configuration gives it, or a snippet would miss or invent a match.
 */
describe('lexemesOf agrees with PostgreSQL', () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await client.connect();
  });
  afterAll(async () => client?.end());

  it('gives each word of the demo data the lexemes that to_tsvector(russian) gives it', async () => {
    const demoDir = path.join(import.meta.dirname, '../demo');
    const corpus = fs.readdirSync(demoDir).filter((file) => file.endsWith('.ts')).map((file) => fs.readFileSync(path.join(demoDir, file), 'utf8')).join('\n');
    const extra = 'чат-боты онлайн-запись e-mail wi-fi running communities happily evaluation ёлки м² школьными автобусами';
    const words = [...new Set([...corpus.matchAll(WORD), ...extra.matchAll(WORD)].map((m) => m[0].toLowerCase()))];
    expect(words.length).toBeGreaterThan(2000);
    const { rows } = await client.query<{ word: string; lexemes: string[] }>(
      `select w as word, tsvector_to_array(to_tsvector('russian', w)) as lexemes from unnest($1::text[]) w`,
      [words],
    );
    // PostgreSQL leaves stop words out; every lexeme it gives must be one that lexemesOf gives too. Words
    // with digits are left out of the comparison: PostgreSQL's parser reads «2024-10-08» as 2024, -10, -08.
    const disagreements = rows.filter((row) => !/\d/.test(row.word)).filter((row) => row.lexemes.some((lexeme) => !lexemesOf(row.word).includes(lexeme)));
    expect(disagreements.map((row) => [row.word, row.lexemes.join(","), lexemesOf(row.word).join(",")]).slice(0, 40)).toEqual([]);
    expect(rows.filter((row) => row.lexemes.length > 0).length).toBeGreaterThan(1500);
  });
});
