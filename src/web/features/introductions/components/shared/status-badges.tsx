import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Props = { value: string } & Omit<BadgeProps, 'children' | 'color'>;

const letterStatusColors: Record<string, string> = {
  draft: 'gray',
  issued: 'blue',
  received: 'cyan',
  placed: 'teal',
  acknowledged: 'green',
  rejected: 'red',
  superseded: 'violet',
  cancelled: 'dark',
  ended: 'dark',
};
const stageColors: Record<string, string> = {
  not_introduced: 'orange',
  draft: 'gray',
  awaiting_receipt: 'blue',
  awaiting_placement: 'cyan',
  awaiting_acknowledgement: 'teal',
  placed: 'green',
  rejected: 'red',
  not_to_introduce: 'dark',
};
const noticeKindColors: Record<string, string> = {
  often_away: 'yellow',
  mobile: 'yellow',
  special_duty: 'yellow',
  position_change: 'blue',
  job_transfer: 'indigo',
  expelled: 'red',
  removed: 'red',
  left: 'red',
};
const requestStatusColors: Record<string, string> = { open: 'orange', fulfilled: 'green', declined: 'gray' };

export function LetterStatusBadge({ value, ...rest }: Props) {
  const { t } = useTranslation('enums');
  return (
    <Badge variant="light" color={letterStatusColors[value] ?? 'gray'} {...rest}>
      {t(`letterStatus.${value}`, { defaultValue: value })}
    </Badge>
  );
}

export function StageBadge({ value, ...rest }: Props) {
  const { t } = useTranslation('enums');
  return (
    <Badge variant="light" color={stageColors[value] ?? 'gray'} {...rest}>
      {t(`introStage.${value}`, { defaultValue: value })}
    </Badge>
  );
}

export function NoticeKindBadge({ value, ...rest }: Props) {
  const { t } = useTranslation('enums');
  return (
    <Badge variant="light" color={noticeKindColors[value] ?? 'gray'} {...rest}>
      {t(`noticeKind.${value}`, { defaultValue: value })}
    </Badge>
  );
}

export function RequestStatusBadge({ value, ...rest }: Props) {
  const { t } = useTranslation('enums');
  return (
    <Badge variant="dot" color={requestStatusColors[value] ?? 'gray'} {...rest}>
      {t(`requestStatus.${value}`, { defaultValue: value })}
    </Badge>
  );
}

/** Receipt is late (not received within the configured days): the commune should act. */
export function OverdueBadge({
  issuedAt,
  ...rest
}: { issuedAt: string | null } & Omit<BadgeProps, 'children'>) {
  const { t } = useTranslation('introductions');
  const days = daysSince(issuedAt);
  return (
    <Badge color="red" variant="filled" {...rest}>
      {days !== null ? t('overdueDays', { count: days }) : t('overdue')}
    </Badge>
  );
}

export function daysSince(iso: string | null): number | null {
  if (!iso) return null;
  const ms = Date.now() - new Date(iso).getTime();
  return Number.isFinite(ms) ? Math.max(0, Math.floor(ms / 86_400_000)) : null;
}
