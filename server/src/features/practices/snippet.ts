import { stemmer as russianStem } from '@orama/stemmers/russian';
import { stem as englishStem } from 'porter2';
import type { SnippetSegment } from '@ms/contracts/practices';

/** At most this many words of a long text are shown, a few of them before the first match. */
export const SNIPPET_WORDS = 30;
const WORDS_BEFORE_MATCH = 5;

/**
 * A word as PostgreSQL's default parser sees one: letters and decimal digits (not ² or ½), hyphenated
 * compounds kept whole.
 */
export const WORD = /[\p{L}\p{Nd}]+(?:-[\p{L}\p{Nd}]+)*/gu;
const ASCII_LETTERS = /^[a-z]+$/;
const LETTERS = /^\p{L}+$/u;

/**
 * The lexemes PostgreSQL's `russian` configuration gives one word: Latin words through the English
 * Snowball stemmer (Porter2), other words of letters through the Russian one, words with digits as they
 * are; a hyphenated compound as a whole and part by part. `word` is in lower case. porter2 and
 * @orama/stemmers' Russian implement the same Snowball algorithms (orama's English is the older Porter,
 * so not that one); snippet.test.ts checks them against to_tsvector on a real PostgreSQL. (Stop words are left in:
 * a query never holds one, so one is marked only if it shares a stem with a query word.)
 */
export function lexemesOf(word: string): string[] {
  const parts = word.split('-');
  const whole = stemOf(word, parts);
  return parts.length === 1 ? [whole] : [whole, ...parts.map((part) => stemOf(part, [part]))];
}

function stemOf(word: string, parts: string[]): string {
  if (parts.every((part) => ASCII_LETTERS.test(part))) return englishStem(word);
  if (parts.every((part) => LETTERS.test(part))) return russianStem(word);
  return word;
}

const YO = 0x451; // ё
const YE = 0x435; // е

/**
 * The first characters (up to three) of a lower-case word as one number, ё read as е (the Russian
 * stemmer does the same): a cheap test of whether a word can have a query stem's lexeme, since a Snowball
 * stem keeps the word's first letters. No string is made for the words that cannot.
 */
function startKey(text: string, start: number, end: number, length: number): number {
  let key = length;
  for (let i = start; i < start + length; i++) {
    const code = i < end ? text.charCodeAt(i) : 0;
    key = key * 0x10000 + (code === YO ? YE : code);
  }
  return key;
}

/** Query stems by how many of their first characters a word must share: three, or all of a shorter stem. */
function stemStartsOf(stems: readonly string[]) {
  const starts = new Set(stems.map((stem) => startKey(stem, 0, stem.length, Math.min(3, stem.length))));
  const lengths = [...new Set(stems.map((stem) => Math.min(3, stem.length)))];
  return { starts, lengths };
}

/** Whether the word at [start, end) of a lower-case text, or one of its hyphenated parts, starts like a stem. */
function startsLikeAStem(text: string, start: number, end: number, stemStarts: ReturnType<typeof stemStartsOf>): boolean {
  for (let partStart = start; partStart < end; ) {
    const hyphen = text.indexOf('-', partStart);
    const partEnd = hyphen === -1 || hyphen > end ? end : hyphen;
    for (const length of stemStarts.lengths) if (stemStarts.starts.has(startKey(text, partStart, partEnd, length))) return true;
    partStart = partEnd + 1;
  }
  return false;
}

/**
 * The text cut to SNIPPET_WORDS words around its first match, in segments, the words whose lexeme is
 * one of the query's marked as hits. This replaces ts_headline, which parsed and stemmed every word of
 * every shown row inside PostgreSQL: about a quarter of a search's database CPU (bench/scenarios/practices.ts).
 * It runs on the server's one thread for every row of every page, so it is written for speed: words are
 * found on the text lowered once, only those that start like a query stem are cut out and stemmed, and
 * word bounds are kept as numbers.
 */
export function highlightSnippet(text: string, queryStems: readonly string[]): SnippetSegment[] {
  const stems = new Set(queryStems);
  const stemStarts = stemStartsOf(queryStems);
  // Lowering keeps each offset for Cyrillic and Latin; where it would not (a few letters such as İ grow),
  // words are found on the text itself and lowered one by one.
  const lowered = text.toLowerCase();
  const source = lowered.length === text.length ? lowered : text;
  const bounds: number[] = []; // start and end of each word, in turn
  const hits = new Set<number>(); // indexes of the words that match
  WORD.lastIndex = 0;
  for (let match = WORD.exec(source); match !== null; match = WORD.exec(source)) {
    const start = match.index;
    const end = start + match[0].length;
    if (startsLikeAStem(source, start, end, stemStarts) && lexemesOf(match[0].toLowerCase()).some((lexeme) => stems.has(lexeme))) hits.add(bounds.length / 2);
    bounds.push(start, end);
  }
  const wordCount = bounds.length / 2;
  let from = 0;
  let to = wordCount;
  if (wordCount > SNIPPET_WORDS) {
    const firstHit = hits.size > 0 ? Math.min(...hits) : 0;
    from = Math.max(0, Math.min(firstHit - WORDS_BEFORE_MATCH, wordCount - SNIPPET_WORDS));
    to = from + SNIPPET_WORDS;
  }
  const segments: SnippetSegment[] = [];
  const push = (piece: string, hit: boolean) => {
    if (piece === '') return;
    const last = segments.at(-1);
    if (last && !last.hit && !hit) last.text += piece;
    else segments.push({ text: piece, hit });
  };
  if (from > 0) push('… ', false);
  let cursor = from > 0 ? bounds[2 * from]! : 0;
  for (let word = from; word < to; word++) {
    if (!hits.has(word)) continue;
    push(text.slice(cursor, bounds[2 * word]), false);
    push(text.slice(bounds[2 * word], bounds[2 * word + 1]), true);
    cursor = bounds[2 * word + 1]!;
  }
  push(text.slice(cursor, to < wordCount ? bounds[2 * to - 1] : text.length), false);
  if (to < wordCount) push(' …', false);
  return segments;
}
