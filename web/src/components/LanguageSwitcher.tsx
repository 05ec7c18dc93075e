import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meQuery, saveLocale } from '../api/auth.ts';
import { isLanguage } from '../i18n/index.ts';

/** RU | EN. Signed in, the choice is also saved to the account so e-mails follow it. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();

  const change = (value: string) => {
    if (!isLanguage(value)) return;
    void i18n.changeLanguage(value);
    const me = queryClient.getQueryData(meQuery.queryKey);
    if (me && me.locale !== value) {
      queryClient.setQueryData(meQuery.queryKey, (old) => (old ? { ...old, locale: value } : old));
      // Best effort: the interface already switched; a failed save only affects e-mails.
      saveLocale(value).catch(() => undefined);
    }
  };

  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={isLanguage(i18n.language) ? i18n.language : 'ru'}
      onChange={change}
      data={[
        { value: 'ru', label: <LanguageLabel short="RU" full="Русский" lang="ru" /> },
        { value: 'en', label: <LanguageLabel short="EN" full="English" lang="en" /> },
      ]}
    />
  );
}

/** Shows "RU" but reads "Русский" (in Russian) to screen readers. */
function LanguageLabel({ short, full, lang }: { short: string; full: string; lang: string }) {
  return (
    <>
      <span aria-hidden="true">{short}</span>
      <VisuallyHidden lang={lang}>{full}</VisuallyHidden>
    </>
  );
}
