import zlib from 'node:zlib';
import type { FontSubset } from './diplomas.pdf-fonts.ts';

/*
 * A small PDF 1.7 writer for documents whose fonts and page tree never change between copies: those
 * objects are serialized once into a template, and each document only adds its page content streams,
 * its Info dictionary and the cross-reference table. pdf-lib rebuilt and re-subset every font for every
 * diploma (~25 ms of CPU each); this way a diploma costs ~1.5 ms, which a stream's ZIP of thousands needs.
 *
 * Object numbers are fixed: 1 catalog, 2 page tree, 3 resources, 4–5 pages, 6–7 their contents,
 * 8 Info, then five objects per font from 9 on (Type0, CIDFontType2, descriptor, FontFile2, ToUnicode).
 */

/** A4 in points. */
export const PAGE = { width: 595.28, height: 841.89 } as const;
const CONTENTS = [6, 7];
const INFO = 8;
const FIRST_FONT = 9;
const OBJECT_COUNT = FIRST_FONT + 3 * 5 - 1;

/** A number as PDF writes it: at most three decimals, never in exponent notation. */
export function num(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const fixed = n.toFixed(3).replace(/\.?0+$/, '');
  return fixed === '-0' ? '0' : fixed;
}

/** UTF-16BE hex of a string, as PDF text strings and ToUnicode targets take it. */
export function utf16Hex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) out += text.charCodeAt(i).toString(16).padStart(4, '0');
  return out;
}

/** A PDF text string of any content: hex UTF-16BE with a BOM, so no character needs escaping. */
export function textString(text: string): string {
  return `<FEFF${utf16Hex(text)}>`;
}

function streamObject(dict: string, data: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
}

/** A compressed stream object (the fonts, made once, at the best level; page contents at the default). */
export function flateStream(data: Uint8Array | string, dict = '', level = zlib.constants.Z_DEFAULT_COMPRESSION): Buffer {
  return streamObject(`${dict} /Filter /FlateDecode`.trim(), zlib.deflateSync(typeof data === 'string' ? Buffer.from(data, 'latin1') : data, { level }));
}

/** The ToUnicode CMap: each CID back to its character, so text can be copied, searched and read aloud. */
export function toUnicodeCMap(subset: FontSubset): string {
  const byGid = new Map<number, number>();
  for (const [cp, gid] of subset.gids) if (!byGid.has(gid)) byGid.set(gid, cp);
  const entries = [...byGid].sort((a, b) => a[0] - b[0]).map(([gid, cp]) => `<${gid.toString(16).padStart(4, '0')}> <${utf16Hex(String.fromCodePoint(cp))}>`);
  const blocks: string[] = [];
  // A bfchar block holds at most 100 mappings (PDF 1.7, 9.10.3).
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** Font descriptor flags as pdf-lib (after pdfkit) derives them: symbolic, plus serif/fixed pitch/italic. */
function fontFlags(subset: FontSubset): number {
  const { font } = subset.face;
  const familyClass = font['OS/2'] ? font['OS/2'].sFamilyClass >> 8 : 0;
  let flags = 4;
  if (font.post.isFixedPitch) flags |= 1;
  if (familyClass >= 1 && familyClass <= 7) flags |= 2;
  if (font.head.macStyle.italic) flags |= 64;
  return flags;
}

/** The five objects of one Type0 font, from its object number `first` on. */
function fontObjects(subset: FontSubset, first: number): Array<string | Buffer> {
  const { font, scale } = subset.face;
  const name = `/${subset.baseFont}`;
  const bbox = [font.bbox.minX, font.bbox.minY, font.bbox.maxX, font.bbox.maxY].map((v) => num(v * scale)).join(' ');
  return [
    `<< /Type /Font /Subtype /Type0 /BaseFont ${name} /Encoding /Identity-H /DescendantFonts [${first + 1} 0 R] /ToUnicode ${first + 4} 0 R >>`,
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont ${name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${first + 2} 0 R /CIDToGIDMap /Identity /W [0 [${subset.widths.map((w) => num(w ?? 0)).join(' ')}]] >>`,
    `<< /Type /FontDescriptor /FontName ${name} /Flags ${fontFlags(subset)} /FontBBox [${bbox}] /ItalicAngle ${num(font.italicAngle)} /Ascent ${num(font.ascent * scale)} /Descent ${num(font.descent * scale)} /CapHeight ${num((font.capHeight || font.ascent) * scale)} /XHeight ${num((font.xHeight || 0) * scale)} /StemV 0 /FontFile2 ${first + 3} 0 R >>`,
    flateStream(subset.fontFile, `/Length1 ${subset.fontFile.length}`, zlib.constants.Z_BEST_COMPRESSION),
    flateStream(toUnicodeCMap(subset), '', zlib.constants.Z_BEST_COMPRESSION),
  ];
}

function indirectObject(n: number, body: string | Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${n} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1')]);
}

/** The serialized constant part of a document: header and every object but the contents and Info. */
export interface PdfTemplate {
  head: Buffer;
  /** Byte offset of each object by number (0 for the ones each document writes). */
  offsets: number[];
  /** The subsets, in resource order /F1 /F2 /F3. */
  subsets: readonly FontSubset[];
}

/** Serializes the fixed objects once: a document then costs its contents, Info and xref only. */
export function buildTemplate(subsets: readonly FontSubset[]): PdfTemplate {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
  const offsets = new Array<number>(OBJECT_COUNT + 1).fill(0);
  let length = parts[0]!.length;
  const add = (n: number, body: string | Buffer) => {
    const bytes = indirectObject(n, body);
    offsets[n] = length;
    parts.push(bytes);
    length += bytes.length;
  };
  const fonts = subsets.map((_s, i) => `/F${i + 1} ${FIRST_FONT + 5 * i} 0 R`).join(' ');
  add(1, '<< /Type /Catalog /Pages 2 0 R >>');
  add(2, '<< /Type /Pages /Kids [4 0 R 5 0 R] /Count 2 >>');
  add(3, `<< /Font << ${fonts} >> /ProcSet [/PDF /Text] >>`);
  for (const [i, contents] of CONTENTS.entries()) add(4 + i, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Resources 3 0 R /Contents ${contents} 0 R >>`);
  subsets.forEach((subset, i) => fontObjects(subset, FIRST_FONT + 5 * i).forEach((body, j) => add(FIRST_FONT + 5 * i + j, body)));
  return { head: Buffer.concat(parts), offsets, subsets };
}

/** The Info dictionary's entries (any text: they are written as hex UTF-16). */
export interface PdfInfo {
  title: string;
  creator: string;
  producer: string;
  /** PDF date, e.g. D:20250605120000Z (digits only: it is written as a literal string). */
  creationDate?: string | undefined;
}

/** One document: the template, the two pages' content streams (uncompressed) and its Info. */
export function assemble(template: PdfTemplate, contents: readonly string[], info: PdfInfo): Buffer {
  const parts: Buffer[] = [template.head];
  const offsets = template.offsets.slice();
  let length = template.head.length;
  const add = (n: number, body: string | Buffer) => {
    const bytes = indirectObject(n, body);
    offsets[n] = length;
    parts.push(bytes);
    length += bytes.length;
  };
  contents.forEach((content, i) => add(CONTENTS[i]!, flateStream(content)));
  add(INFO, `<< /Title ${textString(info.title)} /Creator ${textString(info.creator)} /Producer ${textString(info.producer)}${info.creationDate ? ` /CreationDate (${info.creationDate})` : ''} >>`);
  let xref = `xref\n0 ${OBJECT_COUNT + 1}\n0000000000 65535 f \n`;
  for (let n = 1; n <= OBJECT_COUNT; n += 1) xref += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  xref += `trailer\n<< /Size ${OBJECT_COUNT + 1} /Root 1 0 R /Info ${INFO} 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}
