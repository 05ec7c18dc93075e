import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { and, asc, eq, isNotNull, lte } from 'drizzle-orm';
import { admissionApplications, admissionCampaigns, admissionDocuments, people } from '../../db/schema/index.ts';
import type { Executor } from './demo.repo.ts';
import { mulberry32, randomInt } from './prng.ts';

const SEED = 20_240_701;
/** The admitted and the reserve list carry a diploma scan; the best ranked also an employment record. */
const WITH_DIPLOMA = 180;
const WITH_EMPLOYMENT = 60;

const LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r',
  с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
};

/** Passport-style Latin (the PDF's built-in font has no Cyrillic). */
export function transliterate(text: string): string {
  return [...text]
    .map((ch) => {
      const lower = ch.toLowerCase();
      const latin = LATIN[lower];
      if (latin === undefined) return ch;
      return ch === lower || latin === '' ? latin : latin[0]!.toUpperCase() + latin.slice(1);
    })
    .join('');
}

/** A one-page PDF 1.4 with lines of ASCII text in Helvetica, byte-for-byte the same for the same lines. */
export function textPdf(lines: string[]): Buffer {
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?');
  const content = ['BT', '/F1 16 Tf', '72 770 Td', '22 TL', ...lines.map((line) => `(${escape(line)}) Tj T*`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const offset = Buffer.byteLength(body, 'latin1');
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A small greyscale PNG that looks like a scanned form: a border and rows of "text" bars of seeded lengths. */
export function formScanPng(seed: number, width = 240, height = 320): Buffer {
  const rng = mulberry32(seed);
  const pixels = Buffer.alloc(height * (width + 1), 0xff);
  const set = (x: number, y: number, v: number) => {
    pixels[y * (width + 1) + 1 + x] = v;
  };
  for (let y = 0; y < height; y += 1) pixels[y * (width + 1)] = 0; // filter byte: none
  for (let x = 8; x < width - 8; x += 1) [8, height - 9].forEach((y) => set(x, y, 0x40));
  for (let y = 8; y < height - 8; y += 1) [8, width - 9].forEach((x) => set(x, y, 0x40));
  for (let row = 0; row < 14; row += 1) {
    const y0 = 30 + row * 20;
    const length = randomInt(rng, 60, width - 60);
    for (let y = y0; y < y0 + 6; y += 1) for (let x = 24; x < 24 + length; x += 1) set(x, y, row === 0 ? 0x20 : 0x90);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(0, 9); // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlib.deflateSync(pixels, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

const document = (applicationId: string, kind: string, fileName: string, mediaType: string, content: Buffer, createdAt: Date) => ({
  applicationId,
  kind,
  fileName,
  mediaType,
  content,
  sizeBytes: content.length,
  sha256: crypto.createHash('sha256').update(content).digest('hex'),
  createdAt,
});

/**
 * Scanned documents of the 2024 campaign's best-ranked applicants (a diploma PDF; for the first
 * ones an employment-record PNG too), so staff have real files to open. Synthetic: the PDF names
 * the demo applicant and says it is a demo document. Same bytes on every start.
 */
export async function seedAdmissionDocumentsDemo(tx: Executor): Promise<number> {
  const rows = await tx
    .select({ id: admissionApplications.id, rank: admissionApplications.rankPosition, submittedAt: admissionApplications.submittedAt, lastName: people.lastName, firstName: people.firstName, middleName: people.middleName })
    .from(admissionApplications)
    .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, admissionApplications.campaignId))
    .innerJoin(people, eq(people.id, admissionApplications.personId))
    .where(and(eq(admissionCampaigns.slug, 'school-of-mayors-2024'), isNotNull(admissionApplications.rankPosition), lte(admissionApplications.rankPosition, WITH_DIPLOMA)))
    .orderBy(asc(admissionApplications.rankPosition));
  const rng = mulberry32(SEED);
  const values = rows.flatMap((row) => {
    const holder = transliterate([row.lastName, row.firstName, row.middleName].filter(Boolean).join(' '));
    const year = randomInt(rng, 1995, 2015);
    const number = `${randomInt(rng, 100000, 999999)}`;
    const uploadedAt = row.submittedAt ?? new Date('2024-06-01T09:00:00Z');
    const diploma = textPdf([
      'DEMO DOCUMENT - synthetic data, not a real diploma',
      '',
      'DIPLOMA OF HIGHER EDUCATION',
      `Holder: ${holder}`,
      `Qualification: State and municipal administration (${year})`,
      `Registration No. ${number}`,
    ]);
    const files = [document(row.id, 'diploma', 'Диплом о высшем образовании.pdf', 'application/pdf', diploma, uploadedAt)];
    if ((row.rank ?? Infinity) <= WITH_EMPLOYMENT) {
      files.push(document(row.id, 'employment', 'Выписка из трудовой книжки.png', 'image/png', formScanPng(SEED + (row.rank ?? 0)), new Date(uploadedAt.getTime() + 60_000)));
    }
    return files;
  });
  for (let i = 0; i < values.length; i += 100) await tx.insert(admissionDocuments).values(values.slice(i, i + 100));
  return values.length;
}
