import { SUBMISSION_MEDIA_TYPES, type SubmissionFileKind } from '@ms/contracts/assignments';

const startsWith = (bytes: Buffer, signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
const hasText = (bytes: Buffer, text: string) => bytes.includes(Buffer.from(text, 'latin1'));

/**
 * What a file is, judged by its content only (magic bytes). Office files are ZIP containers; their part
 * names (stored uncompressed in the ZIP headers) tell a document from a workbook from a presentation.
 * Null for anything else — including an executable or an old binary .doc.
 */
export function detectFileKind(bytes: Buffer): SubmissionFileKind | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && hasText(bytes, '[Content_Types].xml')) {
    if (hasText(bytes, 'word/document.xml')) return 'docx';
    if (hasText(bytes, 'xl/workbook.xml')) return 'xlsx';
    if (hasText(bytes, 'ppt/presentation.xml')) return 'pptx';
  }
  return null;
}

const EXTENSIONS: Record<SubmissionFileKind, string[]> = {
  pdf: ['pdf'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  pptx: ['pptx'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
};

/**
 * Checks a file against what its name claims: the content must be one of the accepted kinds and the
 * extension must name that kind. Answers the media type to store, or the reason for refusing it.
 */
export function checkSubmissionFile(fileName: string, bytes: Buffer): { mediaType: string; kind: SubmissionFileKind } | { refusal: 'unsupported' | 'mismatch' } {
  const kind = detectFileKind(bytes);
  if (!kind) return { refusal: 'unsupported' };
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  if (!EXTENSIONS[kind].includes(extension)) return { refusal: 'mismatch' };
  return { kind, mediaType: SUBMISSION_MEDIA_TYPES[kind] };
}

/** A file name safe to keep and to send back in Content-Disposition (no paths, quotes or control characters). */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (base || 'file').slice(0, 200);
}
