import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { sniffDocumentType } from '../admissions/documents.ts';
import { formScanPng, textPdf, transliterate } from './admissions-documents-demo.ts';
import { seedDemoIfEmpty } from './demo.seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await seedDemoIfEmpty({ db: t.db, log: t.app.log });
}, 120_000);
afterAll(async () => t?.close());

describe('demo admission documents', () => {
  it('are real PDFs and PNGs by the upload check, the same bytes every time', () => {
    const pdf = textPdf(['DIPLOMA (demo)', 'Holder: Ivanova Mariia']);
    expect(sniffDocumentType(pdf)).toBe('application/pdf');
    expect(textPdf(['DIPLOMA (demo)', 'Holder: Ivanova Mariia']).equals(pdf)).toBe(true);
    // The xref offsets point at the objects.
    const text = pdf.toString('latin1');
    const offsets = [...text.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((offset, i) => expect(text.slice(offset).startsWith(`${i + 1} 0 obj\n`)).toBe(true));
    expect(text).toContain('(DIPLOMA \\(demo\\)) Tj');

    const png = formScanPng(7);
    expect(sniffDocumentType(png)).toBe('image/png');
    expect(formScanPng(7).equals(png)).toBe(true);
    expect(formScanPng(8).equals(png)).toBe(false);
    expect(png.length).toBeLessThan(10_000);
  });

  it('transliterates names for the PDF’s Latin font', () => {
    expect(transliterate('Щукина Юлия Сергеевна')).toBe('Shchukina Iuliia Sergeevna');
    expect(transliterate('Ёлкин Ян')).toBe('Elkin Ian');
  });
});

describe('the seeded demo', () => {
  it('gives the 180 best-ranked 2024 applicants a diploma PDF and the first 60 an employment PNG, each as the upload check sees it', async () => {
    const { rows } = await t.db.execute<{ kind: string; media_type: string; rank_position: number; content: Buffer; sha256: string; size_bytes: number }>(sql`
      select d.kind, d.media_type, a.rank_position, d.content, d.sha256, d.size_bytes
      from admission_documents d join admission_applications a on a.id = d.application_id order by a.rank_position, d.kind`);
    expect(rows.filter((r) => r.kind === 'diploma')).toHaveLength(180);
    expect(rows.filter((r) => r.kind === 'employment').map((r) => r.rank_position)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    for (const r of rows) {
      expect(sniffDocumentType(r.content)).toBe(r.media_type);
      expect(r.size_bytes).toBe(r.content.length);
      expect(crypto.createHash('sha256').update(r.content).digest('hex')).toBe(r.sha256);
    }
  });
});
