/** A UTC due time in the assignment's own time zone, with the zone named: "01.03.2025, 18:00 (Europe/Moscow)". */
export function formatDue(iso: string, timeZone: string, language: string): string {
  const text = new Date(iso).toLocaleString(language === 'en' ? 'en-GB' : 'ru-RU', { timeZone, dateStyle: 'short', timeStyle: 'short' });
  return `${text} (${timeZone})`;
}

/** Bytes as KB/MB for a file list. */
export function formatSize(bytes: number, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'ru-RU';
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(locale)} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}
