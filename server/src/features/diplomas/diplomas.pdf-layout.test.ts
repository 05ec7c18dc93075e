import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readCredentialFacts } from './diplomas.credential.ts';
import { drawable, loadFaces, measure } from './diplomas.pdf-fonts.ts';
import { layoutDiploma, transliterate, type DiplomaPdfFacts, type TextOp } from './diplomas.pdf-layout.ts';
import { PAGE } from './diplomas.pdf-writer.ts';

const STREAM = { verifyUrl: 'http://localhost:3000/verify/abc', programmeNameRu: 'Школа мэров', programmeNameEn: 'School of Mayors', organisationNameRu: 'Академия', organisationNameEn: 'Academy', termRu: 'Набор, Поток 3', termEn: 'Intake, Stream 3', startsOn: '2024-10-08', endsOn: '2025-06-05', totalHours: 144, topicsRu: ['Стратегическое планирование'], topicsEn: ['Strategic planning'] };
const facts = (name: string): DiplomaPdfFacts => ({ credential: { validFrom: '2025-06-05T12:00:00Z', credentialSubject: { identifier: [{ identityType: 'name', hashed: false, identityHash: name }], licenseNumber: 'ШМ-2025-000001' } }, ...STREAM });
const texts = async (name: string) => {
  const f = facts(name);
  return layoutDiploma(await loadFaces(), f, readCredentialFacts(f.credential)).map((ops) => ops.filter((op): op is TextOp => op.kind === 'text'));
};

describe('diploma PDF layout', () => {
  it('measures text as pdf-lib did, so centring and wrapping stay where they were', async () => {
    const faces = await loadFaces();
    const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    const pdf = await PDFDocument.create();
    pdf.registerFontkit(fontkit);
    const files = { serif: 'DejaVuSerif.ttf', bold: 'DejaVuSerif-Bold.ttf', sans: 'DejaVuSans.ttf' } as const;
    for (const [name, file] of Object.entries(files) as Array<[keyof typeof files, string]>) {
      const reference = await pdf.embedFont(await readFile(path.join(dir, file)), { subset: true });
      for (const text of ['ДИПЛОМ', 'Щербакова Алёна Юрьевна', 'Shcherbakova Alena Iurevna', '«Школа мэров» — 144 часов', 'ШМ-2025-000001', 'http://localhost:3000/verify/AbC-_x9']) {
        expect(measure(faces[name], text, 26)).toBeCloseTo(reference.widthOfTextAtSize(text, 26), 6);
      }
    }
  });

  it('turns text into what the face can draw: composed letters, spaces for controls, "?" for missing glyphs', async () => {
    const { bold, sans } = await loadFaces();
    expect(drawable(bold, 'Андрей'.normalize('NFD'))).toBe('Андрей');
    expect(drawable(bold, 'А\tБ\nВ\u0000Г')).toBe('А Б В Г');
    expect(drawable(bold, 'Ян 😀 漢')).toBe('Ян ? ?');
    // DejaVu Sans has this emoji: each face substitutes only what it lacks.
    expect(drawable(sans, '😀')).toBe('😀');
    expect(drawable(bold, '\uD800x')).toBe('?x');
  });

  it('centres the holder name on both pages, in Russian and in the passport transliteration', async () => {
    const [ru, en] = await texts('Щербакова Алёна Юрьевна');
    const faces = await loadFaces();
    for (const [page, name] of [[ru!, 'Щербакова Алёна Юрьевна'], [en!, transliterate('Щербакова Алёна Юрьевна')]] as const) {
      const op = page.find((o) => o.text === name)!;
      expect(op).toMatchObject({ face: 'bold', size: 26, y: PAGE.height - 295 });
      expect(op.x + measure(faces.bold, name, 26) / 2).toBeCloseTo(PAGE.width / 2, 6);
    }
    expect(transliterate('Щербакова Алёна Юрьевна')).toBe('Shcherbakova Alena Iurevna');
  });

  it('keeps a long name inside the frame and above the registry block: smaller, broken, at most four lines', async () => {
    const faces = await loadFaces();
    for (const name of ['Константинопольская-Преображенская Александра-Виктория Владимировна', 'Я'.repeat(500), `${'Оченьдлинноеимя '.repeat(40)}`]) {
      for (const page of await texts(name)) {
        for (const op of page) {
          expect(op.x).toBeGreaterThanOrEqual(32);
          expect(op.x + measure(faces[op.face], op.text, op.size)).toBeLessThanOrEqual(PAGE.width - 32);
        }
        const bottom = Math.min(...page.filter((o) => o.face === 'serif' && o.x === 230).map((o) => o.y));
        expect(bottom).toBeGreaterThan(190);
      }
    }
    // Real long names keep the usual size; a double surname too wide for a line breaks after its hyphen.
    for (const name of ['Константинопольская Александра-Виктория Владимировна', 'Константинопольская-Преображенская Александра Владимировна']) {
      const [ru] = await texts(name);
      const lines = ru!.filter((o) => o.face === 'bold' && o.size === 26).map((o) => o.text);
      expect(lines.length).toBeLessThanOrEqual(3);
      expect(lines.join(' ').replace('- ', '-')).toBe(name);
    }
    expect((await texts('Константинопольская-Преображенская Александра Владимировна'))[0]!.map((o) => o.text)).toContain('Константинопольская-');
  });
});
