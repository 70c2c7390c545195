import { Anchor, Button, Card, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconCircleCheck, IconMessageReply } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WarningItem } from '../../../../shared/contracts/cell-life';
import { canWarning } from '../../../../shared/rules/meeting';
import { hrefs } from '../../../app/paths';
import { ConfirmModal } from '../../../components/ui/confirm-modal';
import { formatDate, todayIso } from '../../../lib/dates';
import { fieldErrors } from '../../../lib/form-errors';
import { useReplyToWarning } from '../api/reply-warning';
import { useResolveWarning } from '../api/resolve-warning';
import { useWithdrawWarning } from '../api/withdraw-warning';
import { isOverdue } from '../lib/dates';
import { WarningKindBadge, WarningStatusBadge } from './cell-life-badges';

interface WarningCardProps {
  w: WarningItem;
  /** the member's own view: no name, the cell that sent it, "your answer" */
  mine?: boolean;
  /** on the member's page the name is already the page's title */
  showMember?: boolean;
}

/**
 * One reminder or warning (Art. 4.4): reason, deadline (red once past), what the member answered, how it
 * ended. The member answers; the cell records the improvement or withdraws it.
 */
export function WarningCard({ w, mine = false, showMember = true }: WarningCardProps) {
  const { t } = useTranslation('cellLife');
  const overdue = isOverdue(w, todayIso());
  const [replying, setReplying] = useState(false);
  const [resolving, setResolving] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const label = mine
    ? t('warning.fromCell', { kind: t(`warningKind.${w.kind}`), cell: w.cellName })
    : t('warning.forMember', { kind: t(`warningKind.${w.kind}`), member: w.memberName });

  return (
    <Card withBorder padding="md" component="article" aria-label={label}>
      <Stack gap="xs">
        <Stack gap={4}>
          {showMember && !mine ? (
            <Anchor component={Link} to={hrefs.member(w.memberId)} fw={700} fz="lg" lh={1.3}>
              {w.memberName}
            </Anchor>
          ) : (
            <Text fw={700} fz="lg" lh={1.3}>
              {t(`warningKind.${w.kind}`)}
            </Text>
          )}
          <Group gap={6}>
            <WarningStatusBadge value={w.status} />
            {showMember && !mine && <WarningKindBadge value={w.kind} />}
          </Group>
          <Text size="xs" c="dimmed">
            {t('warning.issued', { cell: w.cellName, date: formatDate(w.createdAt) })}
          </Text>
        </Stack>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {w.reason}
        </Text>
        <Text size="sm" fw={600} c={overdue ? 'red.8' : undefined}>
          {overdue
            ? t('warning.deadlineOverdue', { date: formatDate(w.deadline) })
            : t('warning.deadline', { date: formatDate(w.deadline) })}
        </Text>
        {w.escalatedAt && (
          <Text size="sm" c="red.8">
            {t('warning.escalated', { date: formatDate(w.escalatedAt) })}
          </Text>
        )}
        {w.memberReply && (
          <Paper withBorder p="xs" bg="gray.0">
            <Text size="xs" c="dimmed">
              {mine
                ? t('warning.myReply', { date: formatDate(w.repliedAt) })
                : t('warning.reply', { date: formatDate(w.repliedAt) })}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {w.memberReply}
            </Text>
          </Paper>
        )}
        {w.status === 'resolved' && (
          <Paper withBorder p="xs" bg="green.0">
            <Text size="xs" c="dimmed">
              {t('warning.resolved', { date: formatDate(w.closedAt) })}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {w.resolution}
            </Text>
          </Paper>
        )}
        {w.status === 'withdrawn' && (
          <Text size="sm" c="dimmed">
            {t('warning.withdrawn', { date: formatDate(w.closedAt) })}
          </Text>
        )}

        {w.canReply && canWarning('reply', w.status) && (
          <>
            {replying ? (
              <ReplyForm w={w} onDone={() => setReplying(false)} />
            ) : (
              <Button
                variant="light"
                leftSection={<IconMessageReply size={18} />}
                onClick={() => setReplying(true)}
                style={{ alignSelf: 'flex-start' }}
              >
                {w.memberReply ? t('reply.edit') : t('reply.open')}
              </Button>
            )}
          </>
        )}
        {w.canManage && (canWarning('resolve', w.status) || canWarning('withdraw', w.status)) && (
          <Group gap="xs">
            {canWarning('resolve', w.status) && (
              <Button
                color="green"
                leftSection={<IconCircleCheck size={18} />}
                onClick={() => setResolving(true)}
              >
                {t('resolve.open')}
              </Button>
            )}
            {canWarning('withdraw', w.status) && (
              <Button
                variant="light"
                color="red"
                leftSection={<IconArrowBackUp size={18} />}
                onClick={() => setWithdrawing(true)}
              >
                {t('withdraw.open')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      {resolving && <ResolveModal w={w} onClose={() => setResolving(false)} />}
      {withdrawing && <WithdrawModal w={w} onClose={() => setWithdrawing(false)} />}
    </Card>
  );
}

function ReplyForm({ w, onDone }: { w: WarningItem; onDone: () => void }) {
  const { t } = useTranslation('cellLife');
  const [text, setText] = useState(w.memberReply ?? '');
  const reply = useReplyToWarning();
  const errors = fieldErrors(reply.error);
  const submit = () =>
    reply.mutate(
      { id: w.id, reply: text.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('reply.sent') });
          onDone();
        },
      },
    );
  return (
    <Stack gap="xs">
      {reply.error && !errors.reply && (
        <Text c="red" size="sm" role="alert">
          {reply.error.message}
        </Text>
      )}
      <Textarea
        label={t('reply.label')}
        description={t('reply.hint')}
        autosize
        minRows={3}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={errors.reply}
      />
      <Group gap="xs" justify="flex-end">
        <Button variant="default" onClick={onDone} disabled={reply.isPending}>
          {t('common:actions.cancel')}
        </Button>
        <Button onClick={submit} loading={reply.isPending} disabled={text.trim().length < 3}>
          {t('reply.send')}
        </Button>
      </Group>
    </Stack>
  );
}

function ResolveModal({ w, onClose }: { w: WarningItem; onClose: () => void }) {
  const { t } = useTranslation('cellLife');
  const [text, setText] = useState('');
  const resolve = useResolveWarning();
  const errors = fieldErrors(resolve.error);
  return (
    <ConfirmModal
      opened
      title={t('resolve.title')}
      message={t('resolve.message', { member: w.memberName })}
      confirmLabel={t('resolve.confirm')}
      color="green"
      loading={resolve.isPending}
      confirmDisabled={text.trim().length < 3}
      onClose={onClose}
      onConfirm={() =>
        resolve.mutate(
          { id: w.id, resolution: text.trim() },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('resolve.done') });
              onClose();
            },
          },
        )
      }
    >
      <Stack gap="xs">
        {resolve.error && !errors.resolution && (
          <Text c="red" size="sm" role="alert">
            {resolve.error.message}
          </Text>
        )}
        <Textarea
          label={t('resolve.label')}
          description={t('resolve.hint')}
          required
          autosize
          minRows={3}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={errors.resolution}
          data-autofocus
        />
      </Stack>
    </ConfirmModal>
  );
}

function WithdrawModal({ w, onClose }: { w: WarningItem; onClose: () => void }) {
  const { t } = useTranslation('cellLife');
  const withdraw = useWithdrawWarning();
  return (
    <ConfirmModal
      opened
      title={t('withdraw.title')}
      message={t('withdraw.message', { kind: t(`warningKind.${w.kind}`), member: w.memberName })}
      confirmLabel={t('withdraw.confirm')}
      loading={withdraw.isPending}
      onClose={onClose}
      onConfirm={() =>
        withdraw.mutate(w.id, {
          onSuccess: () => {
            notifications.show({ color: 'orange', message: t('withdraw.done') });
            onClose();
          },
        })
      }
    >
      {withdraw.error && (
        <Text c="red" size="sm" role="alert">
          {withdraw.error.message}
        </Text>
      )}
    </ConfirmModal>
  );
}
