import iconv from 'iconv-lite';

/**
 * Decodes a text file whose encoding nobody told us: UTF-16 by its BOM, UTF-8 (with or without BOM)
 * when the bytes are valid UTF-8, otherwise Windows-1251 — what Excel in Russia saves "CSV" as.
 */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), 'utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), 'utf16be');
  try {
    // fatal: invalid sequences throw instead of becoming U+FFFD; the BOM is dropped by default.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'win1251');
  }
}
