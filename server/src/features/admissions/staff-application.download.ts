import { DOCUMENT_MEDIA_TYPES } from '@ms/contracts/admissions';
import { cleanFileName } from './documents.ts';

/** RFC 8187 attr-char: everything else is percent-encoded (encodeURIComponent leaves ' ( ) * ! as they are). */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `attachment` with an ASCII fallback and the exact name in `filename*` (RFC 6266 / RFC 8187), so a
 * Cyrillic name survives and no name can break out of the header (quotes, CR/LF, paths are gone).
 */
export function attachmentDisposition(fileName: string): string {
  const name = cleanFileName(fileName);
  const ascii = name.replace(/[^A-Za-z0-9._() -]/g, '_').replace(/^[.\s]+/, '');
  // A name with no Latin letters or digits at all (a Cyrillic one) would fall back to underscores only.
  const dot = ascii.lastIndexOf('.');
  const fallback = /[A-Za-z0-9]/.test(dot > 0 ? ascii.slice(0, dot) : ascii) ? ascii : `document${dot > 0 ? ascii.slice(dot) : ''}`;
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(name)}`;
}

/** The stored type (sniffed at upload) if it is one we accept; otherwise a download the browser will not render. */
export function safeMediaType(mediaType: string): string {
  return (DOCUMENT_MEDIA_TYPES as readonly string[]).includes(mediaType) ? mediaType : 'application/octet-stream';
}

/**
 * Names for the entries of a ZIP: cleaned, never hidden or relative ("..", ".x"), and unique
 * ("a.pdf", "a (2).pdf") so that no document overwrites another on extraction.
 */
export function zipEntryNames(fileNames: string[]): string[] {
  const taken = new Set<string>();
  return fileNames.map((original) => {
    const name = cleanFileName(original).replace(/^\.+/, '') || 'document';
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${stem} (${n})${ext}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
