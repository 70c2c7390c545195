import { SegmentedControl } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/contracts/auth';
import { meQueryKey } from '../../features/auth/api/get-me';
import { setLocale } from '../../features/auth/api/set-locale';
import { toAppLocale, type AppLocale } from '../../lib/i18n';

export const appLocales: AppLocale[] = ['vi', 'en'];

/** The language shown and a way to change it (kept on the account when logged in). */
export function useLocaleChoice() {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const current = toAppLocale(i18n.resolvedLanguage ?? i18n.language);

  const change = (locale: AppLocale) => {
    void i18n.changeLanguage(locale);
    const me = queryClient.getQueryData<Me | null>(meQueryKey);
    if (me) {
      setLocale(locale).catch(() => {
        // the UI already switched; the account keeps its old language until the next change
      });
      queryClient.setQueryData(meQueryKey, { ...me, user: { ...me.user, locale } });
    }
    // server messages are localised: refetch what is on screen
    void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
  };
  return { current, change };
}

export function LanguageSwitcher({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const { current, change } = useLocaleChoice();
  return (
    <SegmentedControl
      size={size}
      aria-label={t('language.label')}
      value={current}
      onChange={(value) => change(value as AppLocale)}
      data={appLocales.map((locale) => ({ value: locale, label: locale.toUpperCase() }))}
    />
  );
}
