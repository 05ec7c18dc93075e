import { describe, expect, it } from 'vitest';
import { attachmentDisposition, safeMediaType, zipEntryNames } from './staff-application.download.ts';

describe('attachmentDisposition', () => {
  it('keeps a Cyrillic name exactly in filename* and gives an ASCII fallback', () => {
    const header = attachmentDisposition('Справка (копия)*.pdf');
    expect(header).toBe(`attachment; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent('Справка ')}%28${encodeURIComponent('копия')}%29%2A.pdf`);
    expect(attachmentDisposition('Справка 2024.pdf')).toMatch(/^attachment; filename="_______ 2024.pdf"; /);
  });

  it('encodes the characters RFC 8187 does not allow bare', () => {
    expect(attachmentDisposition("it's!.png")).toBe(`attachment; filename="it_s_.png"; filename*=UTF-8''it%27s%21.png`);
  });

  it('drops paths, quotes and control characters, and names an empty result', () => {
    expect(attachmentDisposition('../../etc/passwd')).toBe(`attachment; filename="passwd"; filename*=UTF-8''passwd`);
    expect(attachmentDisposition('a"b\r\nc.pdf')).toBe(`attachment; filename="abc.pdf"; filename*=UTF-8''abc.pdf`);
    expect(attachmentDisposition('C:\\Users\\x\\')).toBe(`attachment; filename="document"; filename*=UTF-8''document`);
    expect(attachmentDisposition('.hidden')).toBe(`attachment; filename="hidden"; filename*=UTF-8''.hidden`);
  });
});

describe('safeMediaType', () => {
  it('passes the accepted types and turns anything else into a plain download', () => {
    expect(safeMediaType('application/pdf')).toBe('application/pdf');
    expect(safeMediaType('image/png')).toBe('image/png');
    expect(safeMediaType('text/html')).toBe('application/octet-stream');
  });
});

describe('zipEntryNames', () => {
  it('makes names unique (case-insensitively), never hidden or relative', () => {
    expect(zipEntryNames(['a.pdf', 'A.pdf', 'a.pdf', '..', '.env', 'dir/b.png', 'noext', 'noext'])).toEqual(['a.pdf', 'A (2).pdf', 'a (3).pdf', 'document', 'env', 'b.png', 'noext', 'noext (2)']);
  });
});
