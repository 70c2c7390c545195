import { Button, Group, Text } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * The filter a count on the home page opened the list with ("only the forms to sign"), said in words, with a
 * way back to the whole list. The words are the home page's (namespace `home`, `filter.*`).
 */
export function ActiveFilter({ label, onClear }: { label: string; onClear: () => void }) {
  const { t } = useTranslation('home');
  return (
    <Group
      justify="space-between"
      wrap="wrap"
      gap="xs"
      px="sm"
      py={4}
      bg="blue.0"
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
      role="status"
    >
      <Group gap={6} wrap="nowrap">
        <IconFilter size={18} aria-hidden />
        <Text fw={500}>{t('filter.only', { label })}</Text>
      </Group>
      <Button variant="subtle" mih={44} onClick={onClear}>
        {t('filter.showAll')}
      </Button>
    </Group>
  );
}
