const localeOf = (language: string) => (language === 'en' ? 'en-GB' : 'ru-RU');

/** "21.01, 09:40" in the given zone: a travel leg's date and time where it happens. */
export function formatLegTime(instant: string, timeZone: string, language: string, options: { withDate?: boolean } = {}): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(options.withDate ? { day: '2-digit', month: '2-digit' } : {}),
  }).format(new Date(instant));
}
