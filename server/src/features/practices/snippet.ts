import { stemmer as russianStem } from '@orama/stemmers/russian';
import { stem as englishStem } from 'porter2';
import type { SnippetSegment } from '@ms/contracts/practices';

/** At most this many words of a long text are shown, a few of them before the first match. */
export const SNIPPET_WORDS = 30;
const WORDS_BEFORE_MATCH = 5;

/**
 * A word as PostgreSQL's default parser sees one: letters and decimal digits (not ² or ½), hyphenated
 * compounds kept whole. The marker finds words by scanning characters (faster); this is the same rule
 * as a regular expression, which the tests hold it to.
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
/** Other letters and decimal digits, for characters outside the Latin and Cyrillic fast paths. */
const OTHER_WORD_CHAR = /^[\p{L}\p{Nd}]$/u;

/** Whether a UTF-16 code unit is a letter or a decimal digit (Latin and Cyrillic without a regular expression). */
function isWordChar(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
  if ((code >= 0x410 && code <= 0x44f) || code === 0x401 || code === YO) return true;
  return OTHER_WORD_CHAR.test(String.fromCharCode(code));
}

/** A code unit in lower case, ё read as е (the Russian stemmer does the same). */
function foldedCode(code: number): number {
  if (code >= 0x41 && code <= 0x5a) return code + 0x20;
  if (code >= 0x410 && code <= 0x42f) return code + 0x20;
  if (code === 0x401 || code === YO) return YE;
  if (code < 0x80 || (code >= 0x430 && code <= 0x44f)) return code;
  return String.fromCharCode(code).toLowerCase().charCodeAt(0);
}

/**
 * The first characters (up to three) of a word as one number, folded (foldedCode): a cheap test of
 * whether a word can have a query stem's lexeme, since a Snowball stem keeps the word's first letters.
 * No string is made for the words that cannot.
 */
function startKey(text: string, start: number, end: number, length: number): number {
  let key = length;
  for (let i = start; i < start + length; i++) key = key * 0x10000 + (i < end ? foldedCode(text.charCodeAt(i)) : 0);
  return key;
}

/**
 * Marks snippets for one query: the query's stems are read once per page, then `mark` cuts each row's
 * text to SNIPPET_WORDS words around its first match, in segments, the words whose lexeme is one of the
 * query's marked as hits.
 *
 * This replaces ts_headline, which parsed and stemmed every word of every shown row inside PostgreSQL:
 * about a quarter of a search's database CPU (bench/scenarios/practices.ts). It runs on the server's one
 * thread for every row of every page, so it is written for speed: one pass over the characters, only the
 * words that start like a query stem are cut out and stemmed, and word bounds are kept as numbers.
 */
export function createSnippetMarker(queryStems: readonly string[]) {
  const stems = new Set(queryStems);
  const starts = new Set(queryStems.map((stem) => startKey(stem, 0, stem.length, Math.min(3, stem.length))));
  const startLengths = [...new Set(queryStems.map((stem) => Math.min(3, stem.length)))];

  /** Whether the word at [start, end), or one of its hyphenated parts, starts like a stem. */
  const startsLikeAStem = (text: string, start: number, end: number) => {
    for (let partStart = start; partStart < end; ) {
      const hyphen = text.indexOf('-', partStart);
      const partEnd = hyphen === -1 || hyphen > end ? end : hyphen;
      for (const length of startLengths) if (starts.has(startKey(text, partStart, partEnd, length))) return true;
      partStart = partEnd + 1;
    }
    return false;
  };

  return function mark(text: string): SnippetSegment[] {
    const bounds: number[] = []; // start and end of each word, in turn
    const hits = new Set<number>(); // indexes of the words that match
    for (let i = 0; i < text.length; ) {
      if (!isWordChar(text.charCodeAt(i))) {
        i++;
        continue;
      }
      const start = i;
      // A word runs over letters and digits, and on over a hyphen that joins two of them.
      while (i < text.length && (isWordChar(text.charCodeAt(i)) || (text.charCodeAt(i) === 0x2d && i + 1 < text.length && isWordChar(text.charCodeAt(i + 1))))) i++;
      if (startsLikeAStem(text, start, i) && lexemesOf(text.slice(start, i).toLowerCase()).some((lexeme) => stems.has(lexeme))) hits.add(bounds.length / 2);
      bounds.push(start, i);
    }
    return cut(text, bounds, hits);
  };
}

/** The segments of the text's window: SNIPPET_WORDS words from a few before the first hit. */
function cut(text: string, bounds: number[], hits: ReadonlySet<number>): SnippetSegment[] {
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

/** One text marked for one query (createSnippetMarker, for a single row). */
export const highlightSnippet = (text: string, queryStems: readonly string[]) => createSnippetMarker(queryStems)(text);
