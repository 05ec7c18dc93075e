import { describe, expect, it } from 'vitest';
import { detectDocumentKind, kindOfFileName } from './file-type.ts';

describe('detectDocumentKind', () => {
  it('recognises PDF, PNG and JPEG by their signatures', () => {
    expect(detectDocumentKind(Buffer.from('%PDF-1.7\n...'))).toBe('pdf');
    expect(detectDocumentKind(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(detectDocumentKind(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe('jpeg');
  });

  it('tells DOCX from XLSX by the parts inside the ZIP', () => {
    const zip = (entry: string) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(`....[Content_Types].xml....${entry}....`, 'latin1')]);
    expect(detectDocumentKind(zip('word/document.xml'))).toBe('docx');
    expect(detectDocumentKind(zip('xl/workbook.xml'))).toBe('xlsx');
    expect(detectDocumentKind(zip('other.txt'))).toBeNull();
  });

  it('refuses text and executables whatever they are called', () => {
    expect(detectDocumentKind(Buffer.from('hello, I am a PDF'))).toBeNull();
    expect(detectDocumentKind(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(detectDocumentKind(Buffer.alloc(0))).toBeNull();
  });

  it('reads the claimed kind from the extension', () => {
    expect(kindOfFileName('Проект.PDF')).toBe('pdf');
    expect(kindOfFileName('photo.jpg')).toBe('jpeg');
    expect(kindOfFileName('run.exe')).toBeNull();
  });
});
