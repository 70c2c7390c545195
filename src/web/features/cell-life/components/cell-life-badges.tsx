import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Props = { value: string } & Omit<BadgeProps, 'children' | 'color'>;

const kindColors: Record<string, string> = {
  construction: 'orange',
  culture: 'grape',
  relief: 'pink',
  security: 'indigo',
  environment: 'teal',
  other: 'gray',
};
const contributionColors: Record<string, string> = {
  proposed: 'yellow',
  confirmed: 'green',
  rejected: 'gray',
};
export const warningStatusColors: Record<string, string> = {
  open: 'orange',
  escalated: 'red',
  resolved: 'green',
  withdrawn: 'gray',
};

export function ActivityKindBadge({ value, ...rest }: Props) {
  const { t } = useTranslation('cellLife');
  return (
    <Badge variant="light" color={kindColors[value] ?? 'gray'} {...rest}>
      {t(`activityKind.${value}`, { defaultValue: value })}
    </Badge>
  );
}

export function ContributionStatusBadge({ value, ...rest }: Props) {
  const { t } = useTranslation('cellLife');
  return (
    <Badge
      variant={value === 'proposed' ? 'filled' : 'light'}
      color={contributionColors[value] ?? 'gray'}
      // yellow needs dark text to stay readable outdoors on a phone
      c={value === 'proposed' ? 'dark' : undefined}
      {...rest}
    >
      {t(`contributionStatus.${value}`, { defaultValue: value })}
    </Badge>
  );
}

export function WarningStatusBadge({ value, ...rest }: Props) {
  const { t } = useTranslation('cellLife');
  return (
    <Badge variant="light" color={warningStatusColors[value] ?? 'gray'} {...rest}>
      {t(`warningStatus.${value}`, { defaultValue: value })}
    </Badge>
  );
}

export function WarningKindBadge({ value, ...rest }: Props) {
  const { t } = useTranslation('cellLife');
  return (
    <Badge variant="outline" color={value === 'warning' ? 'red' : 'blue'} {...rest}>
      {t(`warningKind.${value}`, { defaultValue: value })}
    </Badge>
  );
}
