import { DOCUMENT_LIMITS } from '@ms/contracts/admissions';

export type DocumentMediaType = 'application/pdf' | 'image/jpeg' | 'image/png';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_END = Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/**
 * The document's real type, read from its bytes (never from its name or the browser's claim): the
 * signature at the start and the end marker, so a renamed or truncated file is refused. Null: not
 * a PDF, JPEG or PNG.
 */
export function sniffDocumentType(bytes: Buffer): DocumentMediaType | null {
  if (bytes.length < 8) return null;
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    // The trailer may be followed by a little whitespace; look in the last kilobyte.
    return bytes.subarray(Math.max(0, bytes.length - 1024)).includes('%%EOF', 0, 'latin1') ? 'application/pdf' : null;
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return bytes.subarray(Math.max(0, bytes.length - 64)).includes(Buffer.from([0xff, 0xd9])) ? 'image/jpeg' : null;
  }
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    return bytes.subarray(Math.max(0, bytes.length - 12)).includes(PNG_END) ? 'image/png' : null;
  }
  return null;
}

/** A file name safe to show and to put in a header: no path, no control characters, bounded. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 200);
  return cleaned || 'document';
}

export const MAX_DOCUMENT_MB = DOCUMENT_LIMITS.maxBytes / (1024 * 1024);
