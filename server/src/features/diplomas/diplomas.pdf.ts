import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { readCredentialFacts } from './diplomas.credential.ts';

/** DejaVu (free licence, Bitstream Vera terms) from the dejavu-fonts-ttf package: never a system font. */
const FONT_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
let fontBytes: Promise<{ serif: Buffer; serifBold: Buffer; sans: Buffer }> | null = null;
function loadFonts() {
  fontBytes ??= Promise.all([readFile(path.join(FONT_DIR, 'DejaVuSerif.ttf')), readFile(path.join(FONT_DIR, 'DejaVuSerif-Bold.ttf')), readFile(path.join(FONT_DIR, 'DejaVuSans.ttf'))]).then(([serif, serifBold, sans]) => ({ serif, serifBold, sans }));
  return fontBytes;
}

/**
 * fontkit parses a font (and builds its glyph and layout caches) on every `create`; pdf-lib calls it for
 * each document. The three fonts never change, so the parsed fonts are shared between documents: the
 * subset each PDF embeds is still made per document. On this machine it took a diploma from ~175 ms to ~45–70 ms.
 */
const parsedFonts = new Map<Uint8Array, ReturnType<typeof fontkit.create>>();
const cachingFontkit: typeof fontkit = {
  ...fontkit,
  create: (data: Uint8Array, postscriptName?: string) => {
    if (postscriptName) return fontkit.create(data, postscriptName);
    let font = parsedFonts.get(data);
    if (!font) parsedFonts.set(data, (font = fontkit.create(data)));
    return font;
  },
};

const TEXTS = {
  ru: { title: 'ДИПЛОМ', awarded: 'Настоящий диплом выдан', completed: 'в том, что он(а) успешно освоил(а) программу', term: 'Набор и поток', period: 'Период обучения', hours: 'Объём программы', hoursUnit: 'часов', topics: 'Темы программы', registry: 'Регистрационный номер', date: 'Дата выдачи', verify: 'Проверить подлинность диплома', signed: 'Подписан электронной подписью (Open Badges 3.0, eddsa-rdfc-2022)' },
  en: { title: 'DIPLOMA', awarded: 'This diploma is awarded to', completed: 'for successfully completing the programme', term: 'Intake and stream', period: 'Period of study', hours: 'Programme volume', hoursUnit: 'hours', topics: 'Topics', registry: 'Registry number', date: 'Date of issue', verify: 'Verify this diploma', signed: 'Digitally signed (Open Badges 3.0, eddsa-rdfc-2022)' },
} as const;

const CYRILLIC: Record<string, string> = { а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia' };

/** Latin spelling of a Russian name as in passports (ICAO Doc 9303 transliteration). */
export function transliterate(text: string): string {
  return [...text]
    .map((ch) => {
      const lower = ch.toLowerCase();
      const latin = CYRILLIC[lower];
      if (latin === undefined) return ch;
      return ch === lower ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
    })
    .join('');
}

export interface DiplomaPdfFacts {
  credential: Record<string, unknown>;
  verifyUrl: string;
  programmeNameRu: string;
  programmeNameEn: string;
  organisationNameRu: string;
  organisationNameEn: string;
  termRu: string;
  termEn: string;
  startsOn: string;
  endsOn: string;
  totalHours: number;
  topicsRu: string[];
  topicsEn: string[];
}

const INK = rgb(0.11, 0.16, 0.3);
const ACCENT = rgb(0.62, 0.45, 0.16);
const MUTED = rgb(0.35, 0.38, 0.45);

function centered(page: PDFPage, text: string, y: number, font: PDFFont, size: number, color = INK) {
  const width = font.widthOfTextAtSize(text, size);
  page.drawText(text, { x: (page.getWidth() - width) / 2, y, size, font, color });
}

/** Breaks text into lines that fit `maxWidth`. */
function wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > maxWidth && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

const QR_SIZE = 110;

/** The QR code of a URL as one SVG path of unit squares (row by row, y down), and its width in modules. */
export function qrPath(url: string): { path: string; size: number } {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) if (modules.get(row, col)) parts.push(`M${col} ${row}h1v1h-1z`);
  }
  return { path: parts.join(''), size: modules.size };
}

const dmy = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/**
 * The printable diploma, generated from the signed credential: an A4 page in Russian and one in English,
 * fonts embedded (subset), the registry number and a QR code to the public verification page.
 */
export async function renderDiplomaPdf(f: DiplomaPdfFacts): Promise<Uint8Array> {
  const facts = readCredentialFacts(f.credential);
  const fonts = await loadFonts();
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(cachingFontkit);
  pdf.setTitle(`${facts.registryNumber ?? ''} ${facts.holderName ?? ''}`.trim());
  pdf.setCreator(f.organisationNameRu);
  pdf.setProducer('mayors-school');
  const serif = await pdf.embedFont(fonts.serif, { subset: true });
  const bold = await pdf.embedFont(fonts.serifBold, { subset: true });
  const sans = await pdf.embedFont(fonts.sans, { subset: true });
  const qr = qrPath(f.verifyUrl);
  const issued = (facts.validFrom ?? '').slice(0, 10);

  for (const locale of ['ru', 'en'] as const) {
    const t = TEXTS[locale];
    const page = pdf.addPage([595.28, 841.89]);
    const { width, height } = page.getSize();
    page.drawRectangle({ x: 24, y: 24, width: width - 48, height: height - 48, borderColor: ACCENT, borderWidth: 3 });
    page.drawRectangle({ x: 32, y: 32, width: width - 64, height: height - 64, borderColor: ACCENT, borderWidth: 0.75 });
    const org = locale === 'ru' ? f.organisationNameRu : f.organisationNameEn;
    let y = height - 90;
    for (const line of wrap(org, sans, 12, width - 140)) {
      centered(page, line, y, sans, 12, MUTED);
      y -= 16;
    }
    centered(page, t.title, height - 190, bold, 40, ACCENT);
    centered(page, t.awarded, height - 250, serif, 14);
    const name = locale === 'ru' ? (facts.holderName ?? '') : transliterate(facts.holderName ?? '');
    y = height - 295;
    for (const line of wrap(name, bold, 26, width - 120)) {
      centered(page, line, y, bold, 26);
      y -= 32;
    }
    centered(page, t.completed, y - 10, serif, 14);
    y -= 50;
    for (const line of wrap(locale === 'ru' ? `«${f.programmeNameRu}»` : `“${f.programmeNameEn}”`, bold, 22, width - 120)) {
      centered(page, line, y, bold, 22, ACCENT);
      y -= 28;
    }
    y -= 14;
    const rows: Array<[string, string]> = [
      [t.term, locale === 'ru' ? f.termRu : f.termEn],
      [t.period, `${dmy(f.startsOn)} — ${dmy(f.endsOn)}`],
      [t.hours, `${f.totalHours} ${t.hoursUnit}`],
    ];
    for (const [label, value] of rows) {
      page.drawText(`${label}:`, { x: 90, y, size: 11, font: sans, color: MUTED });
      page.drawText(value, { x: 230, y, size: 11, font: serif, color: INK });
      y -= 20;
    }
    page.drawText(`${t.topics}:`, { x: 90, y, size: 11, font: sans, color: MUTED });
    for (const line of wrap((locale === 'ru' ? f.topicsRu : f.topicsEn).join('; '), serif, 10, width - 320)) {
      page.drawText(line, { x: 230, y, size: 10, font: serif, color: INK });
      y -= 14;
    }

    // Vector modules with a one-module quiet zone: sharp in print, and no PNG to encode and decode per
    // diploma (that took ~40 ms of each PDF). The path's y axis points down from its origin, the top left.
    const module = QR_SIZE / (qr.size + 2);
    page.drawSvgPath(qr.path, { x: width - 90 - QR_SIZE + module, y: 70 + QR_SIZE - module, scale: module, color: rgb(0, 0, 0) });
    page.drawText(`${t.registry}:`, { x: 90, y: 160, size: 10, font: sans, color: MUTED });
    page.drawText(facts.registryNumber ?? '', { x: 90, y: 142, size: 14, font: bold, color: INK });
    page.drawText(`${t.date}: ${issued ? dmy(issued) : ''}`, { x: 90, y: 120, size: 10, font: sans, color: INK });
    page.drawText(`${t.verify}:`, { x: 90, y: 96, size: 8, font: sans, color: MUTED });
    page.drawText(f.verifyUrl, { x: 90, y: 84, size: 8, font: sans, color: INK });
    page.drawText(t.signed, { x: 90, y: 70, size: 7, font: sans, color: MUTED });
  }
  return pdf.save();
}
