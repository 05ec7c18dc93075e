import 'i18next';
import type ru from './ru.json';

// Typed keys: a t('…') call with a key missing from the Russian catalogue fails the typecheck.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof ru };
  }
}
