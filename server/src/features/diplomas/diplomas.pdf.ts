import QRCode from 'qrcode';
import { readCredentialFacts } from './diplomas.credential.ts';
import { createFontSubset, emptyGlyphSets, FACE_NAMES, loadFaces, type FaceName, type Faces, type GlyphSets } from './diplomas.pdf-fonts.ts';
import { layoutDiploma, QR_BOX, type DiplomaPdfFacts, type DrawOp, type HolderFacts } from './diplomas.pdf-layout.ts';
import { assemble, buildTemplate, num, PAGE, type PdfTemplate } from './diplomas.pdf-writer.ts';

export { transliterate, type DiplomaPdfFacts } from './diplomas.pdf-layout.ts';

/**
 * The dark modules of a URL's QR code (level M) as horizontal runs [row, first column, length], rows
 * from the top. The library picks segments and mask itself (~0.3 ms): forcing one byte segment was
 * faster but changed the symbol of ~5 % of links, and a fixed mask would skip the spec's penalty rules.
 */
export function qrRuns(url: string): { size: number; runs: Array<[number, number, number]> } {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const runs: Array<[number, number, number]> = [];
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) {
      if (!modules.get(row, col)) continue;
      const start = col;
      while (col + 1 < modules.size && modules.get(row, col + 1)) col += 1;
      runs.push([row, start, col - start + 1]);
    }
  }
  return { size: modules.size, runs };
}

/**
 * The QR code as filled rectangles in module units (one run of dark modules each) under one transform,
 * with a one-module quiet zone inside its box. Integer coordinates make neighbouring runs meet exactly,
 * and the path is filled once, so no seams show; vector stays sharp in print.
 */
function qrContent(url: string): string {
  const { size, runs } = qrRuns(url);
  const module = QR_BOX.size / (size + 2);
  const left = PAGE.width - QR_BOX.right - QR_BOX.size + module;
  const bottom = QR_BOX.bottom + module;
  let out = `q\n0 0 0 rg\n${num(module)} 0 0 ${num(module)} ${num(left)} ${num(bottom)} cm\n`;
  for (const [row, col, length] of runs) out += `${col} ${size - 1 - row} ${length} 1 re\n`;
  return `${out}f\nQ\n`;
}

const rgb = (c: readonly number[]) => c.map(num).join(' ');

/** A page's content stream; null when a character is not in the template's subsets (the caller re-subsets). */
function pageContent(ops: readonly DrawOp[], template: PdfTemplate, qr: string): string | null {
  let out = '';
  for (const op of ops) {
    if (op.kind === 'frame') {
      out += `q\n${rgb(op.color)} RG\n${num(op.lineWidth)} w\n${num(op.x)} ${num(op.y)} ${num(op.width)} ${num(op.height)} re\nS\nQ\n`;
      continue;
    }
    if (!op.text) continue;
    const font = FACE_NAMES.indexOf(op.face);
    const { hex } = template.subsets[font]!;
    let glyphs = '';
    for (const ch of op.text) {
      const code = hex.get(ch.codePointAt(0)!);
      if (code === undefined) return null;
      glyphs += code;
    }
    // Glyph ids as a hex string: nothing in a name (parentheses, backslashes) can break out of it.
    out += `BT\n/F${font + 1} ${num(op.size)} Tf\n${rgb(op.color)} rg\n1 0 0 1 ${num(op.x)} ${num(op.y)} Tm\n<${glyphs}> Tj\nET\n`;
  }
  return out + qr;
}

/** Every code point each face draws on the pages (added to `into`). */
function glyphSetsOf(pages: readonly DrawOp[][], into: GlyphSets = emptyGlyphSets()): GlyphSets {
  for (const ops of pages) for (const op of ops) if (op.kind === 'text') for (const ch of op.text) into[op.face].add(ch.codePointAt(0)!);
  return into;
}

async function createTemplate(faces: Faces, sets: GlyphSets): Promise<PdfTemplate> {
  return buildTemplate(await Promise.all(FACE_NAMES.map((name) => createFontSubset(faces[name], sets[name]))));
}

/**
 * Characters every single download embeds besides its own: the letters a name, a registry number or a
 * link may hold, in the faces that draw those. All diplomas of a stream with ordinary names then need
 * the same subsets, so they share one cached template (fonts subset and serialized once) even when
 * rendered one by one; a name with rarer letters gets (and caches) a template of its own. The serif face
 * draws only fixed and stream texts, so it needs nothing more.
 */
const LATIN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const COMMON: Record<FaceName, string> = {
  serif: '',
  bold: `${LATIN}АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя -'’.`,
  sans: `${LATIN}-_.:/ `,
};

function withCommon(sets: GlyphSets): GlyphSets {
  for (const name of FACE_NAMES) for (const ch of COMMON[name]) sets[name].add(ch.codePointAt(0)!);
  return sets;
}

/** Templates by glyph set, most recently used last. Bounded: each holds ~45 KB of fonts. */
const templates = new Map<string, Promise<PdfTemplate>>();
const TEMPLATE_CACHE_SIZE = 32;

function cachedTemplate(faces: Faces, sets: GlyphSets): Promise<PdfTemplate> {
  const key = FACE_NAMES.map((name) => [...sets[name]].sort((a, b) => a - b).join(',')).join('|');
  let template = templates.get(key);
  if (template) templates.delete(key);
  else template = createTemplate(faces, sets);
  templates.set(key, template);
  if (templates.size > TEMPLATE_CACHE_SIZE) templates.delete(templates.keys().next().value!);
  template.catch(() => templates.delete(key));
  return template;
}

/** "2025-06-05T12:00:00Z" → "D:20250605120000Z"; digits only, so the date cannot inject PDF syntax. */
function pdfDate(iso: string | null): string | undefined {
  const digits = (iso ?? '').replace(/\D/g, '').slice(0, 14);
  return digits.length === 14 ? `D:${digits}Z` : undefined;
}

function assembleDiploma(template: PdfTemplate, pages: readonly string[], f: DiplomaPdfFacts, holder: HolderFacts): Buffer {
  return assemble(template, pages, {
    title: `${holder.registryNumber ?? ''} ${holder.holderName ?? ''}`.trim(),
    creator: f.organisationNameRu,
    producer: 'mayors-school',
    creationDate: pdfDate(holder.validFrom),
  });
}

/** One diploma with fonts subset to its own characters and the common ones. */
async function renderAlone(faces: Faces, f: DiplomaPdfFacts, holder: HolderFacts, pages: DrawOp[][], qr: string): Promise<Buffer> {
  const template = await cachedTemplate(faces, withCommon(glyphSetsOf(pages)));
  return assembleDiploma(template, pages.map((ops) => pageContent(ops, template, qr)!), f, holder);
}

/**
 * The printable diploma, generated from the signed credential: an A4 page in Russian and one in English,
 * DejaVu fonts embedded (subset to the document's characters and the common ones, with a ToUnicode map
 * so the text can be copied and read aloud), the registry number and a QR code to the public
 * verification page. Diplomas of one stream share a cached template, so rendering them one by one costs
 * ~1–2 ms each; createDiplomaPdfRenderer is the better fit for a whole stream (smaller subsets).
 */
export async function renderDiplomaPdf(f: DiplomaPdfFacts): Promise<Uint8Array> {
  const faces = await loadFaces();
  const holder = readCredentialFacts(f.credential);
  return renderAlone(faces, f, holder, layoutDiploma(faces, f, holder), qrContent(f.verifyUrl));
}

/**
 * A renderer for many diplomas at once (a stream's ZIP): the fonts are subset once to the union of the
 * characters of all `batch` documents and serialized once, so each diploma then costs its layout, its
 * page contents, its QR code and the cross-reference table (a few ms instead of ~25 ms of CPU). A
 * diploma outside the batch whose characters the union lacks is rendered alone, so it is never wrong.
 */
export async function createDiplomaPdfRenderer(batch: readonly DiplomaPdfFacts[]): Promise<(f: DiplomaPdfFacts) => Promise<Uint8Array>> {
  const faces = await loadFaces();
  const sets = emptyGlyphSets();
  for (const f of batch) glyphSetsOf(layoutDiploma(faces, f, readCredentialFacts(f.credential)), sets);
  const shared = await createTemplate(faces, sets);
  return async (f) => {
    const holder = readCredentialFacts(f.credential);
    const pages = layoutDiploma(faces, f, holder);
    const qr = qrContent(f.verifyUrl);
    const contents = pages.map((ops) => pageContent(ops, shared, qr));
    if (contents.some((c) => c === null)) return renderAlone(faces, f, holder, pages, qr);
    return assembleDiploma(shared, contents as string[], f, holder);
  };
}
