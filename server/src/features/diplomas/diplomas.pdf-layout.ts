import { drawable, measure, type Face, type FaceName, type Faces } from './diplomas.pdf-fonts.ts';
import { PAGE } from './diplomas.pdf-writer.ts';

/** What a diploma PDF shows besides the credential: the stream's programme, dates and the public link. */
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

/** The credential's facts a diploma prints (see readCredentialFacts). */
export interface HolderFacts {
  holderName: string | null;
  registryNumber: string | null;
  validFrom: string | null;
}

export type Rgb = readonly [number, number, number];
/** A line of text, already drawable by its face; (x, y) is the baseline's start. */
export interface TextOp {
  kind: 'text';
  face: FaceName;
  text: string;
  x: number;
  y: number;
  size: number;
  color: Rgb;
}
/** A stroked rectangle (the page's border), the line centred on its edges. */
export interface FrameOp {
  kind: 'frame';
  x: number;
  y: number;
  width: number;
  height: number;
  lineWidth: number;
  color: Rgb;
}
export type DrawOp = TextOp | FrameOp;

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

const INK: Rgb = [0.11, 0.16, 0.3];
const ACCENT: Rgb = [0.62, 0.45, 0.16];
const MUTED: Rgb = [0.35, 0.38, 0.45];

/** The QR code's square: 110 pt with its quiet zone, 90 pt from the right edge, 70 pt from the bottom. */
export const QR_BOX = { size: 110, right: 90, bottom: 70 } as const;

/**
 * A word wider than the line: cut after its hyphens (a double surname), and by characters only where a
 * part is still too wide (a hostile name without spaces), instead of running off the page.
 */
function breakWord(face: Face, word: string, size: number, maxWidth: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const part of word.split(/(?<=-)/)) {
    if (!piece || measure(face, piece + part, size) <= maxWidth) piece += part;
    else {
      pieces.push(piece);
      piece = part;
    }
    if (measure(face, piece, size) <= maxWidth) continue;
    let cut = '';
    for (const ch of piece) {
      if (cut && measure(face, cut + ch, size) > maxWidth) {
        pieces.push(cut);
        cut = ch;
      } else cut += ch;
    }
    piece = cut;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Breaks drawable text into lines that fit `maxWidth` (at spaces, as before). */
function wrap(face: Face, text: string, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    const pieces = measure(face, word, size) > maxWidth ? breakWord(face, word, size, maxWidth) : [word];
    for (const [i, piece] of pieces.entries()) {
      // Parts of one word join without a space ("Римская-" + "Корсакова" when they fit after all).
      const next = line ? `${line}${i === 0 ? ' ' : ''}${piece}` : piece;
      if (line && measure(face, next, size) > maxWidth) {
        lines.push(line);
        line = piece;
      } else line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The holder's name at 26 pt in up to three lines, as every real name is; a longer one is set smaller,
 * and an absurd one (the credential allows 500 characters) cut after four lines, so it never pushes the
 * rest of the page over the registry block.
 */
function fitName(face: Face, name: string, maxWidth: number): { size: number; lines: string[] } {
  for (const size of [26, 22, 18, 15, 12]) {
    const lines = wrap(face, name, size, maxWidth);
    if (lines.length <= 3) return { size, lines };
    if (size === 12) return { size, lines: lines.length <= 4 ? lines : [...lines.slice(0, 3), `${[...lines[3]!].slice(0, -1).join('')}…`] };
  }
  return { size: 26, lines: [] };
}

/**
 * Wrapped lines of the stream's own texts (organisation, programme, topics), which every diploma of a
 * stream repeats: measured once, not once per diploma. Bounded; names never go through it.
 */
const wrapped = new Map<string, string[]>();

function wrapStreamText(face: Face, text: string, size: number, maxWidth: number): string[] {
  const key = `${face.name}|${size}|${maxWidth}|${text}`;
  let lines = wrapped.get(key);
  if (!lines) {
    lines = wrap(face, drawable(face, text), size, maxWidth);
    if (wrapped.size >= 256) wrapped.clear();
    wrapped.set(key, lines);
  }
  return lines;
}

const dmy = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/**
 * The two pages (Russian, English) as drawing operations, in the layout pdf-lib drew before: frames,
 * centred headings, the holder's name, the programme, a table of facts, and the registry block beside
 * the QR code (which the renderer adds: it depends on the link only).
 */
export function layoutDiploma(faces: Faces, f: DiplomaPdfFacts, holder: HolderFacts): DrawOp[][] {
  const { width, height } = PAGE;
  const issued = (holder.validFrom ?? '').slice(0, 10);
  return (['ru', 'en'] as const).map((locale) => {
    const t = TEXTS[locale];
    const ops: DrawOp[] = [
      { kind: 'frame', x: 24, y: 24, width: width - 48, height: height - 48, lineWidth: 3, color: ACCENT },
      { kind: 'frame', x: 32, y: 32, width: width - 64, height: height - 64, lineWidth: 0.75, color: ACCENT },
    ];
    const text = (face: FaceName, value: string, x: number, y: number, size: number, color = INK) => ops.push({ kind: 'text', face, text: drawable(faces[face], value), x, y, size, color });
    const centered = (face: FaceName, value: string, y: number, size: number, color = INK) => {
      const line = drawable(faces[face], value);
      ops.push({ kind: 'text', face, text: line, x: (width - measure(faces[face], line, size)) / 2, y, size, color });
    };

    let y = height - 90;
    for (const line of wrapStreamText(faces.sans, locale === 'ru' ? f.organisationNameRu : f.organisationNameEn, 12, width - 140)) {
      centered('sans', line, y, 12, MUTED);
      y -= 16;
    }
    centered('bold', t.title, height - 190, 40, ACCENT);
    centered('serif', t.awarded, height - 250, 14);
    const name = locale === 'ru' ? (holder.holderName ?? '') : transliterate(holder.holderName ?? '');
    const fitted = fitName(faces.bold, drawable(faces.bold, name), width - 120);
    y = height - 295;
    for (const line of fitted.lines) {
      centered('bold', line, y, fitted.size);
      y -= fitted.size + 6;
    }
    centered('serif', t.completed, y - 10, 14);
    y -= 50;
    for (const line of wrapStreamText(faces.bold, locale === 'ru' ? `«${f.programmeNameRu}»` : `“${f.programmeNameEn}”`, 22, width - 120)) {
      centered('bold', line, y, 22, ACCENT);
      y -= 28;
    }
    y -= 14;
    const rows: Array<[string, string]> = [
      [t.term, locale === 'ru' ? f.termRu : f.termEn],
      [t.period, `${dmy(f.startsOn)} — ${dmy(f.endsOn)}`],
      [t.hours, `${f.totalHours} ${t.hoursUnit}`],
    ];
    for (const [label, value] of rows) {
      text('sans', `${label}:`, 90, y, 11, MUTED);
      text('serif', value, 230, y, 11);
      y -= 20;
    }
    text('sans', `${t.topics}:`, 90, y, 11, MUTED);
    for (const line of wrapStreamText(faces.serif, (locale === 'ru' ? f.topicsRu : f.topicsEn).join('; '), 10, width - 320)) {
      text('serif', line, 230, y, 10);
      y -= 14;
    }
    text('sans', `${t.registry}:`, 90, 160, 10, MUTED);
    text('bold', holder.registryNumber ?? '', 90, 142, 14);
    text('sans', `${t.date}: ${issued ? dmy(issued) : ''}`, 90, 120, 10);
    text('sans', `${t.verify}:`, 90, 96, 8, MUTED);
    text('sans', f.verifyUrl, 90, 84, 8);
    text('sans', t.signed, 90, 70, 7, MUTED);
    return ops;
  });
}
