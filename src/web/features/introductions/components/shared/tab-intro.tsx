import { Button, Group, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';

interface TabIntroProps {
  hint: string;
  actionLabel: string;
  onAction: () => void;
}

/** What a hub tab is for, beside the button that adds to it; on phones the button wraps under the text. */
export function TabIntro({ hint, actionLabel, onAction }: TabIntroProps) {
  return (
    <Group justify="space-between" gap="xs">
      <Text size="sm" c="dimmed" style={{ flex: 1, minWidth: 200 }}>
        {hint}
      </Text>
      <Button leftSection={<IconPlus size={18} />} onClick={onAction}>
        {actionLabel}
      </Button>
    </Group>
  );
}
