import { describe, expect, it } from 'vitest';
import { cleanFileName, sniffDocumentType } from './documents.ts';
import { SAMPLE_JPEG, SAMPLE_PDF, SAMPLE_PNG } from '../../../test/admissions.ts';

describe('sniffDocumentType', () => {
  it('recognises PDF, PNG and JPEG by their bytes', () => {
    expect(sniffDocumentType(SAMPLE_PDF)).toBe('application/pdf');
    expect(sniffDocumentType(SAMPLE_PNG)).toBe('image/png');
    expect(sniffDocumentType(SAMPLE_JPEG)).toBe('image/jpeg');
  });

  it('refuses other content whatever it is called', () => {
    expect(sniffDocumentType(Buffer.from('MZ\x90\x00 this is an executable'))).toBeNull();
    expect(sniffDocumentType(Buffer.from('<html><script>alert(1)</script></html>'))).toBeNull();
    expect(sniffDocumentType(Buffer.from('%PDF'))).toBeNull();
  });

  it('refuses a truncated file that starts right', () => {
    expect(sniffDocumentType(SAMPLE_PDF.subarray(0, 20))).toBeNull();
    expect(sniffDocumentType(SAMPLE_PNG.subarray(0, 20))).toBeNull();
    expect(sniffDocumentType(SAMPLE_JPEG.subarray(0, 20))).toBeNull();
  });
});

describe('cleanFileName', () => {
  it('drops paths, quotes and control characters', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\x\\"диплом"\u0000.pdf')).toBe('диплом.pdf');
    expect(cleanFileName('\u0001')).toBe('document');
  });
});
