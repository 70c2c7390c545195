import { Badge, type BadgeProps } from '@mantine/core';
import { IconAlertTriangle, IconClockExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

type Props = { value: string } & Omit<BadgeProps, 'children' | 'color'>;

export const statusColors: Record<string, string> = {
  not_requested: 'gray',
  requested: 'gray',
  drafted: 'blue',
  returned: 'orange',
  signed: 'indigo',
  delivered: 'teal',
  released: 'green',
  disputed: 'grape',
  cancelled: 'dark',
};

/** The evaluation's status in words (not a code). */
export function EvaluationStatusBadge({ value, ...rest }: Props) {
  const { t } = useTranslation('evaluations');
  return (
    <Badge variant="light" color={statusColors[value] ?? 'gray'} {...rest}>
      {t(`status.${value}`, { defaultValue: value })}
    </Badge>
  );
}

/** Past the due date while still with the residence side. */
export function OverdueBadge(props: Omit<BadgeProps, 'children' | 'color'>) {
  const { t } = useTranslation('evaluations');
  return (
    <Badge color="red" variant="filled" leftSection={<IconClockExclamation size={12} />} {...props}>
      {t('overdue')}
    </Badge>
  );
}

/** A rating contradicts the record (the form carries a written justification). */
export function FlagBadge({ count, ...rest }: { count: number } & Omit<BadgeProps, 'children' | 'color'>) {
  const { t } = useTranslation('evaluations');
  return (
    <Badge color="orange" variant="light" leftSection={<IconAlertTriangle size={12} />} {...rest}>
      {t('flags.badge', { count })}
    </Badge>
  );
}
