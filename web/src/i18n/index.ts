import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setRequestLanguage } from '../api/client.ts';
import en from './en.json';
import ru from './ru.json';

export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'ms.language';

export function isLanguage(value: unknown): value is Language {
  return value === 'ru' || value === 'en';
}

/** Russian first: the stored choice wins, then an English browser, else ru. */
function initialLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // storage may be blocked; fall back to the browser's language
  }
  return navigator.language?.toLowerCase().startsWith('en') ? 'en' : 'ru';
}

/** Keeps <html lang>, the API's Accept-Language and the stored choice in step with the UI language. */
function applyLanguage(lng: string): void {
  const language: Language = isLanguage(lng) ? lng : 'ru';
  document.documentElement.lang = language;
  setRequestLanguage(language);
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // not fatal: the choice just won't survive a reload
  }
}

i18n.on('languageChanged', applyLanguage);

void i18n.use(initReactI18next).init({
  resources: { ru: { translation: ru }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'ru',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyLanguage(i18n.language);

/** The current UI language, narrowed. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'ru';
}

export { i18n };
