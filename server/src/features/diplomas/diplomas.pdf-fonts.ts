import crypto from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit, { type Font, type Subset } from '@pdf-lib/fontkit';

/** DejaVu (free licence, Bitstream Vera terms) from the dejavu-fonts-ttf package: never a system font. */
const FONT_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FILES = { serif: 'DejaVuSerif.ttf', bold: 'DejaVuSerif-Bold.ttf', sans: 'DejaVuSans.ttf' } as const;

/** The three typefaces of the diploma, in the order of their resource names /F1 /F2 /F3. */
export const FACE_NAMES = ['serif', 'bold', 'sans'] as const;
export type FaceName = (typeof FACE_NAMES)[number];

/** A typeface parsed once per process, with its advance widths (1/1000 em) cached per code point. */
export interface Face {
  name: FaceName;
  font: Font;
  /** Font units to PDF glyph space (1/1000 em). */
  scale: number;
  /** Advance per code point; null when the font has no glyph for it. */
  advances: Map<number, number | null>;
}

export type Faces = Record<FaceName, Face>;

let faces: Promise<Faces> | null = null;

/** The parsed fonts: fontkit builds its glyph and layout caches once, not per document. */
export function loadFaces(): Promise<Faces> {
  faces ??= Promise.all(
    FACE_NAMES.map(async (name): Promise<Face> => {
      const font = fontkit.create(await readFile(path.join(FONT_DIR, FILES[name])));
      return { name, font, scale: 1000 / font.unitsPerEm, advances: new Map() };
    }),
  ).then(([serif, bold, sans]) => ({ serif: serif!, bold: bold!, sans: sans! }));
  return faces;
}

function advanceOf(face: Face, cp: number): number | null {
  let advance = face.advances.get(cp);
  if (advance === undefined) {
    advance = face.font.hasGlyphForCodePoint(cp) ? face.font.glyphForCodePoint(cp).advanceWidth * face.scale : null;
    face.advances.set(cp, advance);
  }
  return advance;
}

/**
 * Text as the face can draw it: NFC (a decomposed "й" would otherwise show its breve beside the letter),
 * control characters as spaces, and characters the face lacks (emoji, rare scripts) as "?", so a hostile
 * or exotic name still renders instead of failing or showing empty boxes.
 */
export function drawable(face: Face, text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) out += ' ';
    else out += advanceOf(face, cp) === null ? '?' : ch;
  }
  return out;
}

/**
 * Width of already drawable text at a size, from the glyphs' advance widths (no kerning: as pdf-lib
 * measured and drew before, so centring is unchanged).
 */
export function measure(face: Face, text: string, size: number): number {
  let width = 0;
  for (const ch of text) width += advanceOf(face, ch.codePointAt(0)!) ?? 0;
  return (width * size) / 1000;
}

/** A subset of one face for a set of code points: what a PDF embeds and how its text is encoded. */
export interface FontSubset {
  face: Face;
  /** PostScript name with the subset tag, e.g. ABCDEF+DejaVuSerif. */
  baseFont: string;
  /** Code point → the glyph's id in the subset (which is also its CID: CIDToGIDMap /Identity). */
  gids: Map<number, number>;
  /** Code point → the 4 hex digits of its CID, ready for a content stream. */
  hex: Map<number, string>;
  /** Advance widths (1/1000 em) by CID, from 0 (.notdef) on. */
  widths: number[];
  /** The TrueType subset (FontFile2), not yet compressed. */
  fontFile: Uint8Array;
}

function encodeSubset(subset: Subset): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const parts: Uint8Array[] = [];
    subset
      .encodeStream()
      .on('data', (bytes) => parts.push(bytes))
      .on('end', () => resolve(Buffer.concat(parts)));
  });
}

/**
 * Subsets a face to the code points (each must have a glyph: pass drawable text). Glyphs are added in
 * code point order, so the same set always gives the same bytes and the same tag.
 */
export async function createFontSubset(face: Face, codePoints: Iterable<number>): Promise<FontSubset> {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const subset = face.font.createSubset();
  const gids = new Map<number, number>();
  const hex = new Map<number, string>();
  const widths = [face.font.getGlyph(0).advanceWidth * face.scale];
  for (const cp of sorted) {
    const glyph = face.font.glyphForCodePoint(cp);
    const gid = subset.includeGlyph(glyph);
    gids.set(cp, gid);
    hex.set(cp, gid.toString(16).padStart(4, '0'));
    widths[gid] = glyph.advanceWidth * face.scale;
  }
  const digest = crypto.createHash('sha256').update(`${face.name}:${sorted.join(',')}`).digest();
  // A subset tag is six capital letters (ISO 32000-1, 9.6.4).
  const tag = String.fromCharCode(...[...digest.subarray(0, 6)].map((b) => 65 + (b % 26)));
  return { face, baseFont: `${tag}+${face.font.postscriptName ?? face.name}`, gids, hex, widths, fontFile: await encodeSubset(subset) };
}

/** Code points of each face's text, the key that decides which subset a document needs. */
export type GlyphSets = Record<FaceName, Set<number>>;

/** Empty per-face code point sets. */
export function emptyGlyphSets(): GlyphSets {
  return { serif: new Set(), bold: new Set(), sans: new Set() };
}

