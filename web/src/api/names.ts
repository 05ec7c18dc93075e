import { useTranslation } from 'react-i18next';

/** Anything named in both languages (programmes, streams, regions…). */
export interface Bilingual {
  nameRu: string;
  nameEn: string;
}

/** Picks the name in the UI language, falling back to Russian when the English one is empty. */
export function localName(item: Bilingual, language: string): string {
  return language === 'en' && item.nameEn ? item.nameEn : item.nameRu;
}

/** `localName` bound to the current UI language, plus date formatting in it. */
export function useLocalised() {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'ru';
  const locale = language === 'en' ? 'en-GB' : 'ru-RU';
  return {
    language,
    name: (item: Bilingual) => localName(item, language),
    /** A YYYY-MM-DD date as the reader expects it, without shifting it through time zones. */
    date: (iso: string | null | undefined) => {
      if (!iso) return '';
      const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
      return new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString(locale, { timeZone: 'UTC' });
    },
    /** A UTC timestamp shown in the programme's zone (Moscow). */
    dateTime: (iso: string | null | undefined) =>
      iso ? new Date(iso).toLocaleString(locale, { timeZone: 'Europe/Moscow', dateStyle: 'short', timeStyle: 'short' }) : '',
    number: (n: number) => n.toLocaleString(locale),
  };
}
