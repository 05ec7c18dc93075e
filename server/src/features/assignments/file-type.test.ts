import { describe, expect, it } from 'vitest';
import { checkSubmissionFile, detectFileKind, safeFileName } from './file-type.ts';

const zip = (...names: string[]) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), ...names.map((n) => Buffer.from(n, 'latin1'))]);

describe('file kinds by content', () => {
  it('recognises PDF, PNG, JPEG and the three Office formats by their bytes', () => {
    expect(detectFileKind(Buffer.from('%PDF-1.7\n'))).toBe('pdf');
    expect(detectFileKind(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(detectFileKind(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(detectFileKind(zip('[Content_Types].xml', 'word/document.xml'))).toBe('docx');
    expect(detectFileKind(zip('[Content_Types].xml', 'xl/workbook.xml'))).toBe('xlsx');
    expect(detectFileKind(zip('[Content_Types].xml', 'ppt/presentation.xml'))).toBe('pptx');
  });

  it('knows nothing of executables, plain ZIPs and text', () => {
    expect(detectFileKind(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(detectFileKind(zip('readme.txt'))).toBeNull();
    expect(detectFileKind(Buffer.from('hello'))).toBeNull();
  });

  it('refuses a file whose name claims another kind than its content', () => {
    expect(checkSubmissionFile('report.pdf', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toEqual({ refusal: 'mismatch' });
    expect(checkSubmissionFile('report.pdf', Buffer.from('MZ\x90\x00'))).toEqual({ refusal: 'unsupported' });
    expect(checkSubmissionFile('photo.JPG', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toMatchObject({ kind: 'jpeg', mediaType: 'image/jpeg' });
  });

  it('keeps only the base name of an uploaded file, without quotes or control characters', () => {
    expect(safeFileName('C:\\Users\\me\\"отчёт"\u0007.pdf')).toBe('отчёт.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('')).toBe('file');
  });
});
