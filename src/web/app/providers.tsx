import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { toAppLocale } from '../lib/i18n';
import { queryClient } from './query-client';
import { router } from './router';
import { theme } from './theme';

export function AppProviders() {
  const { i18n } = useTranslation();
  const locale = toAppLocale(i18n.resolvedLanguage ?? i18n.language);
  return (
    <MantineProvider theme={theme}>
      <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
