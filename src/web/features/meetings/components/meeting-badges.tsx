import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Props = { value: string } & Omit<BadgeProps, 'children' | 'color'>;

const statusColors: Record<string, string> = { scheduled: 'blue', held: 'green', cancelled: 'gray' };
export const attendanceColors: Record<string, string> = {
  present: 'green',
  late: 'yellow',
  absent_excused: 'orange',
  absent_unexcused: 'red',
  excused_exempt: 'grape',
  unrecorded: 'gray',
};
const rsvpColors: Record<string, string> = { attending: 'teal', not_attending: 'orange' };
const halfStateColors: Record<string, string> = {
  met: 'green',
  missed: 'red',
  open: 'yellow',
  future: 'gray',
};

export function MeetingStatusBadge({ value, ...rest }: Props) {
  const { t } = useTranslation('meetings');
  return (
    <Badge variant="light" color={statusColors[value] ?? 'gray'} {...rest}>
      {t(`status.${value}`, { defaultValue: value })}
    </Badge>
  );
}

export function MeetingKindBadge({ value, ...rest }: Props) {
  const { t } = useTranslation('meetings');
  return (
    <Badge variant="outline" color={value === 'extraordinary' ? 'grape' : 'gray'} {...rest}>
      {t(`kind.${value}`, { defaultValue: value })}
    </Badge>
  );
}

export function AttendanceBadge({ value, ...rest }: Props) {
  const { t } = useTranslation('meetings');
  return (
    <Badge variant="light" color={attendanceColors[value] ?? 'gray'} {...rest}>
      {t(`attendance.${value}`, { defaultValue: value })}
    </Badge>
  );
}

export function RsvpBadge({
  value,
  ...rest
}: { value: string | null } & Omit<BadgeProps, 'children' | 'color'>) {
  const { t } = useTranslation('meetings');
  return (
    <Badge variant="dot" color={value ? (rsvpColors[value] ?? 'gray') : 'gray'} {...rest}>
      {t(`rsvp.${value ?? 'none'}`, { defaultValue: value ?? '' })}
    </Badge>
  );
}

export function HalfStateBadge({
  state,
  held,
  required,
  ...rest
}: { state: string; held: number; required: number } & Omit<BadgeProps, 'children' | 'color'>) {
  const { t } = useTranslation('meetings');
  return (
    <Badge
      variant={state === 'future' ? 'outline' : 'light'}
      color={halfStateColors[state] ?? 'gray'}
      {...rest}
    >
      {t('compliance.halfBadge', { held, required, state: t(`halfState.${state}`, { defaultValue: state }) })}
    </Badge>
  );
}
