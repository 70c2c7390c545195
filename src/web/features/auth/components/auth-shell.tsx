import { Center, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../../../components/ui/language-switcher';

/** The frame of the pages before the app: login, its second step, forgotten password, first-login setup. */
export function AuthShell({
  children,
  footer,
  width = 420,
}: {
  children: ReactNode;
  footer?: ReactNode;
  width?: number;
}) {
  const { t } = useTranslation('auth');
  return (
    <Center component="main" mih="100vh" p="md" bg="gray.0">
      <Stack w="100%" maw={width} gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={0}>
            <Title order={1} c="red.8" fz={28}>
              Residence Link
            </Title>
            <Text c="dimmed" size="sm">
              {t('common:app.subtitle')}
            </Text>
          </Stack>
          <LanguageSwitcher size="sm" />
        </Group>
        {children}
        {footer}
      </Stack>
    </Center>
  );
}
