import { Alert, Code, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The recovery codes, shown once: each works once in place of the authenticator's code. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation('auth');
  return (
    <Stack gap="xs">
      <Alert color="orange" icon={<IconAlertTriangle />} title={t('recovery.title')}>
        {t('recovery.keep')}
      </Alert>
      <List aria-label={t('recovery.title')} listStyleType="none" spacing={4}>
        {codes.map((code) => (
          <List.Item key={code}>
            <Code fz="md">{code}</Code>
          </List.Item>
        ))}
      </List>
      <Text size="sm" c="dimmed">
        {t('recovery.once')}
      </Text>
    </Stack>
  );
}
