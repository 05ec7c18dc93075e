/** The document kinds a project accepts, detected from the bytes (never from the client's claim). */
export type DocumentKind = 'pdf' | 'docx' | 'xlsx' | 'png' | 'jpeg';

export const MEDIA_TYPES: Record<DocumentKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpeg: 'image/jpeg',
};

const EXTENSIONS: Record<string, DocumentKind> = { pdf: 'pdf', docx: 'docx', xlsx: 'xlsx', png: 'png', jpg: 'jpeg', jpeg: 'jpeg' };

const startsWith = (bytes: Buffer, magic: number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/**
 * Detects the kind by magic bytes: %PDF-, the PNG signature, JPEG's FF D8 FF, and for DOCX/XLSX a ZIP
 * (PK\3\4) whose entry names (stored uncompressed in the local headers) include word/ or xl/ parts.
 */
export function detectDocumentKind(bytes: Buffer): DocumentKind | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const text = bytes.toString('latin1');
    if (!text.includes('[Content_Types].xml')) return null;
    if (text.includes('word/document.xml')) return 'docx';
    if (text.includes('xl/workbook.xml')) return 'xlsx';
  }
  return null;
}

/** The kind a file name claims by its extension, or null for anything else. */
export function kindOfFileName(fileName: string): DocumentKind | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  return EXTENSIONS[ext] ?? null;
}
