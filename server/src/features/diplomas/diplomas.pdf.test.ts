import { execFileSync } from 'node:child_process';
import zlib from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { createDiplomaPdfRenderer, qrRuns, renderDiplomaPdf, type DiplomaPdfFacts } from './diplomas.pdf.ts';

const VERIFY_URL = 'http://localhost:3000/verify/abcdefabcdefabcdefabcd';
const STREAM = { programmeNameRu: 'Школа мэров', programmeNameEn: 'School of Mayors', organisationNameRu: 'Академия', organisationNameEn: 'Academy', termRu: 'Набор, Поток 3', termEn: 'Intake, Stream 3', startsOn: '2024-10-08', endsOn: '2025-06-05', totalHours: 144, topicsRu: ['Стратегическое планирование'], topicsEn: ['Strategic planning'] };

function diploma(name: string, number = 'ШМ-2025-000001', verifyUrl = VERIFY_URL): DiplomaPdfFacts {
  const credential = { validFrom: '2025-06-05T12:00:00Z', credentialSubject: { identifier: [{ identityType: 'name', hashed: false, identityHash: name }], licenseNumber: number } };
  return { credential, verifyUrl, ...STREAM };
}

interface ReadPage {
  /** The text of each Tj, decoded through its font's ToUnicode map. */
  lines: string[];
  content: string;
}

/** Parses our PDF with pdf-lib and reads each page's text back through the fonts' ToUnicode CMaps, as a text extractor does. */
async function readPdf(bytes: Uint8Array): Promise<{ pdf: PDFDocument; pages: ReadPage[] }> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const inflate = (ref: unknown) => zlib.inflateSync((pdf.context.lookup(ref as PDFRef) as PDFRawStream).contents).toString('latin1');
  const pages = pdf.getPages().map((page) => {
    const fonts = page.node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
    const maps = new Map<string, Map<string, string>>();
    for (const [name, ref] of fonts.entries()) {
      const cmap = inflate(pdf.context.lookup(ref, PDFDict).get(PDFName.of('ToUnicode')));
      const map = new Map<string, string>();
      for (const [, cid, unicode] of cmap.matchAll(/<([0-9a-f]{4})> <([0-9a-f]+)>/gi)) map.set(cid!.toLowerCase(), Buffer.from(unicode!, 'hex').swap16().toString('utf16le'));
      maps.set(name.asString(), map);
    }
    const content = inflate(page.node.get(PDFName.of('Contents')));
    const lines = [...content.matchAll(/(\/F\d+) [\d.]+ Tf[\s\S]*?<([0-9a-f]*)> Tj/g)].map(([, font, hex]) => hex!.match(/.{4}/g)?.map((cid) => maps.get(font!)!.get(cid) ?? '\uFFFD').join('') ?? '');
    return { lines, content };
  });
  return { pdf, pages };
}

/** The QR modules drawn on a page: runs in module units under the QR's `cm`, as (row, col) from the top. */
function drawnModules(content: string, size: number): Set<string> {
  const qr = content.slice(content.lastIndexOf(' cm\n'));
  const dark = new Set<string>();
  for (const [, x, y, w] of qr.matchAll(/^(\d+) (\d+) (\d+) 1 re$/gm)) for (let i = 0; i < Number(w); i += 1) dark.add(`${size - 1 - Number(y)},${Number(x) + i}`);
  return dark;
}

/** The bytes every diploma of a template shares: header, catalog, pages, fonts (up to the first per-document object). */
const fixedPart = (bytes: Uint8Array) => {
  const buffer = Buffer.from(bytes);
  return buffer.subarray(0, buffer.indexOf('\n6 0 obj\n'));
};

describe('diploma PDF', () => {
  it('draws the same QR symbol as the library chooses by itself, its dark modules grouped into runs', () => {
    for (const url of [VERIFY_URL, 'https://mayors.example.org/verify/AbC-_x9QZ0123456789abcd', 'HTTPS://SCHOOL.EXAMPLE/VERIFY/0123456789']) {
      const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
      const { size, runs } = qrRuns(url);
      expect(size).toBe(modules.size);
      const covered = new Set(runs.flatMap(([row, col, length]) => Array.from({ length }, (_v, i) => `${row},${col + i}`)));
      for (let row = 0; row < size; row += 1) for (let col = 0; col < size; col += 1) expect(covered.has(`${row},${col}`)).toBe(Boolean(modules.get(row, col)));
    }
  });

  it('renders two A4 pages (Russian, English) titled with the registry number and the holder', async () => {
    const bytes = await renderDiplomaPdf(diploma('Иванов Иван Иванович'));
    const { pdf } = await readPdf(bytes);
    expect(pdf.getPageCount()).toBe(2);
    expect(pdf.getPages().map((p) => [Math.round(p.getWidth()), Math.round(p.getHeight())])).toEqual([[595, 842], [595, 842]]);
    expect(pdf.getTitle()).toBe('ШМ-2025-000001 Иванов Иван Иванович');
    expect(pdf.getCreator()).toBe('Академия');
    expect(pdf.getProducer()).toBe('mayors-school');
    // The same document again comes from the cached subsets and is the same file.
    expect(Buffer.from(await renderDiplomaPdf(diploma('Иванов Иван Иванович'))).equals(Buffer.from(bytes))).toBe(true);
  });

  it('writes a cross-reference table whose offsets point at their objects (readers need not repair the file)', async () => {
    const text = Buffer.from(await renderDiplomaPdf(diploma('Иванов Иван'))).toString('latin1');
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
    expect(text.startsWith('xref\n', startxref)).toBe(true);
    const entries = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(entries.length).toBeGreaterThan(20);
    entries.forEach((offset, i) => expect(text.startsWith(`${i + 1} 0 obj\n`, offset)).toBe(true));
    expect(text).toMatch(new RegExp(`trailer\\n<< /Size ${entries.length + 1} /Root 1 0 R /Info 8 0 R >>`));
  });

  it('keeps the text extractable: holder, transliteration, registry number and link read back through ToUnicode', async () => {
    const { pages } = await readPdf(await renderDiplomaPdf(diploma('Щербакова Алёна Юрьевна')));
    expect(pages[0]!.lines).toEqual(expect.arrayContaining(['ДИПЛОМ', 'Щербакова Алёна Юрьевна', 'ШМ-2025-000001', VERIFY_URL, '«Школа мэров»', 'Дата выдачи: 05.06.2025', '08.10.2024 — 05.06.2025']));
    expect(pages[1]!.lines).toEqual(expect.arrayContaining(['DIPLOMA', 'Shcherbakova Alena Iurevna', 'ШМ-2025-000001', VERIFY_URL, '“School of Mayors”', 'Date of issue: 05.06.2025']));
  });

  it('embeds the three DejaVu fonts as TrueType subsets with Cyrillic glyphs', async () => {
    const { pdf } = await readPdf(await renderDiplomaPdf(diploma('Иванов Иван')));
    const fonts = pdf.getPages()[0]!.node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
    const names = fonts.values().map((ref) => {
      const type0 = pdf.context.lookup(ref, PDFDict);
      expect(type0.get(PDFName.of('Encoding'))).toBe(PDFName.of('Identity-H'));
      const cid = pdf.context.lookup(type0.lookup(PDFName.of('DescendantFonts'), PDFArray).get(0), PDFDict);
      expect(cid.get(PDFName.of('Subtype'))).toBe(PDFName.of('CIDFontType2'));
      const file = pdf.context.lookup(cid.lookup(PDFName.of('FontDescriptor'), PDFDict).get(PDFName.of('FontFile2'))) as PDFRawStream;
      // A TrueType file once inflated: fontkit's subsets carry the 'true' sfnt tag (as pdf-lib embedded them).
      expect(zlib.inflateSync(file.contents).subarray(0, 4).toString('latin1')).toBe('true');
      // Each font carries Cyrillic glyphs, mapped back to their letters (U+0400–U+04FF).
      const toUnicode = zlib.inflateSync((pdf.context.lookup(type0.get(PDFName.of('ToUnicode'))) as PDFRawStream).contents).toString('latin1');
      expect(toUnicode).toMatch(/<[0-9a-f]{4}> <04[0-9a-f]{2}>/i);
      return type0.get(PDFName.of('BaseFont'))!.toString();
    });
    expect(names.map((n) => n.replace(/^\/[A-Z]{6}\+/, ''))).toEqual(['DejaVuSerif', 'DejaVuSerif-Bold', 'DejaVuSans']);
  });

  it('draws the QR code of the verification link, module for module, on both pages', async () => {
    const { modules } = QRCode.create(VERIFY_URL, { errorCorrectionLevel: 'M' });
    const expected = new Set<string>();
    for (let row = 0; row < modules.size; row += 1) for (let col = 0; col < modules.size; col += 1) if (modules.get(row, col)) expected.add(`${row},${col}`);
    const { pages } = await readPdf(await renderDiplomaPdf(diploma('Иванов Иван')));
    for (const page of pages) {
      expect(drawnModules(page.content, modules.size)).toEqual(expected);
      // One module of quiet zone inside the 110 pt box 90 pt from the right edge and 70 pt from the bottom.
      const [scale, left, bottom] = /([\d.]+) 0 0 [\d.]+ ([\d.]+) ([\d.]+) cm\n/.exec(page.content)!.slice(1).map(Number) as [number, number, number];
      expect(scale).toBeCloseTo(110 / (modules.size + 2), 2);
      expect(left).toBeCloseTo(595.28 - 90 - 110 + scale, 2);
      expect(bottom).toBeCloseTo(70 + scale, 2);
    }
  });

  it('renders a hostile name without breaking the PDF: escapes, emoji and characters the fonts lack become drawable', async () => {
    const hostile = `Ив(ан) \\ "О'Нил" ) endstream endobj 😀 漢字 ${'Очень'.repeat(120)}`;
    const bytes = await renderDiplomaPdf(diploma(hostile));
    const { pdf, pages } = await readPdf(bytes);
    expect(pdf.getPageCount()).toBe(2);
    expect(pdf.getTitle()).toBe(`ШМ-2025-000001 ${hostile.slice(0, 500)}`);
    const text = pages[0]!.lines.join('\n');
    expect(text).toContain('Ив(ан) \\ "О\'Нил" ) endstream endobj ? ??');
    // The name never runs into the registry block at the bottom (at most four lines, set smaller).
    const nameLines = pages[0]!.lines.filter((l) => l.includes('Очень'));
    expect(nameLines.length).toBeGreaterThan(1);
    expect(nameLines.length).toBeLessThanOrEqual(4);
    expect(pages[0]!.lines).toContain('ШМ-2025-000001');
  });

  it('gives single downloads of one stream with ordinary names the same fonts, subset and serialized once', async () => {
    const first = await renderDiplomaPdf(diploma('Иванов Иван Иванович'));
    const second = await renderDiplomaPdf(diploma("Эльза Щукина-Д'Юрьева", 'ШМ-2025-000777', `${VERIFY_URL.slice(0, -4)}Zz_9`));
    expect(fixedPart(first).length).toBeGreaterThan(20_000);
    expect(fixedPart(first).equals(fixedPart(second))).toBe(true);
    // Rarer letters get fonts of their own, with those glyphs.
    const rare = await renderDiplomaPdf(diploma('Ёлка Ўзбекова Ї'));
    expect(fixedPart(rare).equals(fixedPart(first))).toBe(false);
    expect((await readPdf(rare)).pages[0]!.lines).toContain('Ёлка Ўзбекова Ї');
  });

  it('renders a stream with one shared subset and the same text as single downloads', async () => {
    const batch = [diploma('Иванов Иван', 'ШМ-2025-000001', `${VERIFY_URL}1`), diploma('Эльдарова Ёлка', 'ШМ-2025-000002', `${VERIFY_URL}2`), diploma('Щукин Юрий', 'ШМ-2025-000003', `${VERIFY_URL}3`)];
    const render = await createDiplomaPdfRenderer(batch);
    for (const facts of batch) {
      const [shared, alone] = await Promise.all([render(facts).then(readPdf), renderDiplomaPdf(facts).then(readPdf)]);
      expect(shared.pages.map((p) => p.lines)).toEqual(alone.pages.map((p) => p.lines));
      expect(shared.pdf.getTitle()).toBe(alone.pdf.getTitle());
    }
    expect(fixedPart(await render(batch[0]!)).equals(fixedPart(await render(batch[2]!)))).toBe(true);
    // A diploma outside the batch, with letters the shared subset lacks, is still rendered whole.
    const outsider = await render(diploma('Жанна Ъ', 'ШМ-2025-000004'));
    expect(fixedPart(outsider).equals(fixedPart(await render(batch[0]!)))).toBe(false);
    expect((await readPdf(outsider)).pages[0]!.lines).toContain('Жанна Ъ');
  });

  it.runIf(hasPdftotext())('is read by poppler (pdftotext) with the same text', async () => {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: await renderDiplomaPdf(diploma('Щербакова Алёна Юрьевна')) }).toString('utf8');
    for (const expected of ['ДИПЛОМ', 'Щербакова Алёна Юрьевна', 'Shcherbakova Alena Iurevna', 'ШМ-2025-000001', VERIFY_URL, 'Подписан электронной подписью']) expect(text).toContain(expected);
  });
});

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
