import { describe, expect, it } from 'vitest';
import { pickLocale, translate } from './i18n.ts';
import { MESSAGES } from './messages.ts';
import { ERROR_CODES } from './errors.ts';

describe('server message catalogues', () => {
  it('have the same keys in Russian and English', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.ru).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(MESSAGES.ru) as Array<keyof typeof MESSAGES.ru>) {
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(MESSAGES.en[key]), key).toEqual(names(MESSAGES.ru[key]));
    }
  });

  it('have a title for every error code', () => {
    for (const { title } of Object.values(ERROR_CODES)) expect(MESSAGES.ru[title]).toBeTruthy();
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'field.too_long', { max: 5 })).toBe('Too long (at most 5 characters)');
    expect(translate('ru', 'field.too_long')).toContain('{max}');
  });
});

describe('pickLocale', () => {
  it('prefers the user setting over the browser header', () => {
    expect(pickLocale('en-US,en;q=0.9', 'ru')).toBe('ru');
  });
  it('follows Accept-Language weights and defaults to Russian', () => {
    expect(pickLocale('de-DE,en;q=0.8,ru;q=0.5')).toBe('en');
    expect(pickLocale('de-DE')).toBe('ru');
    expect(pickLocale(undefined)).toBe('ru');
  });
});
