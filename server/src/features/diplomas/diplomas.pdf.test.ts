import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrPath, renderDiplomaPdf } from './diplomas.pdf.ts';

const VERIFY_URL = 'http://localhost:3000/verify/abcdefabcdefabcdefabcd';

describe('diploma PDF', () => {
  it('draws the QR code as one square per dark module, at its module coordinates', () => {
    const { modules } = QRCode.create(VERIFY_URL, { errorCorrectionLevel: 'M' });
    const { path, size } = qrPath(VERIFY_URL);
    expect(size).toBe(modules.size);
    const squares = [...path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map((m) => [Number(m[2]), Number(m[1])] as const);
    let dark = 0;
    for (let row = 0; row < size; row += 1) for (let col = 0; col < size; col += 1) if (modules.get(row, col)) dark += 1;
    expect(squares).toHaveLength(dark);
    expect(squares.every(([row, col]) => modules.get(row, col))).toBe(true);
  });

  it('renders two A4 pages (Russian, English) titled with the registry number and the holder', async () => {
    const credential = { validFrom: '2025-06-05T12:00:00Z', credentialSubject: { identifier: [{ identityType: 'name', hashed: false, identityHash: 'Иванов Иван Иванович' }], licenseNumber: 'ШМ-2025-000001' } };
    const facts = { verifyUrl: VERIFY_URL, programmeNameRu: 'Школа мэров', programmeNameEn: 'School of Mayors', organisationNameRu: 'Академия', organisationNameEn: 'Academy', termRu: 'Набор, Поток 3', termEn: 'Intake, Stream 3', startsOn: '2024-10-08', endsOn: '2025-06-05', totalHours: 144, topicsRu: ['Стратегическое планирование'], topicsEn: ['Strategic planning'] };
    const bytes = await renderDiplomaPdf({ credential, ...facts });
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(2);
    expect(pdf.getPages().map((p) => Math.round(p.getWidth()))).toEqual([595, 595]);
    expect(pdf.getTitle()).toBe('ШМ-2025-000001 Иванов Иван Иванович');
    // A second document reuses the parsed fonts and still embeds its own subset.
    expect((await renderDiplomaPdf({ credential, ...facts })).length).toBe(bytes.length);
  });
});
