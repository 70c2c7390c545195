import { Alert, Button, Group, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../lib/form-errors';
import { useAnswerInvitation } from '../api/answer-invitation';
import { RsvpBadge } from './meeting-badges';

interface RsvpPanelProps {
  meetingId: string;
  rsvp: 'attending' | 'not_attending' | null;
  reason?: string | null;
  /** false once the meeting has started (or is no longer scheduled) */
  open: boolean;
}

/** The member's answer: will attend, or cannot attend with a reason. Big buttons; changeable until the start. */
export function RsvpPanel({ meetingId, rsvp, reason, open }: RsvpPanelProps) {
  const { t } = useTranslation('meetings');
  const answer = useAnswerInvitation();
  const [declining, setDeclining] = useState(false);
  const [text, setText] = useState(reason ?? '');
  const errors = fieldErrors(answer.error);

  const send = (value: 'attending' | 'not_attending') =>
    answer.mutate(
      { id: meetingId, rsvp: value, reason: value === 'not_attending' ? text.trim() : null },
      {
        onSuccess: () => {
          setDeclining(false);
          notifications.show({ color: 'green', message: t(`rsvp.sent.${value}`) });
        },
      },
    );

  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Text size="sm">{t('rsvp.yourAnswer')}</Text>
        <RsvpBadge value={rsvp} size="lg" />
      </Group>
      {rsvp === 'not_attending' && reason && (
        <Text size="sm" c="dimmed">
          {t('rsvp.reasonShown', { reason })}
        </Text>
      )}
      {answer.error && !errors.reason && (
        <Alert color="red" role="alert">
          {answer.error.message}
        </Alert>
      )}
      {!open ? (
        <Text size="sm" c="dimmed">
          {t('rsvp.closed')}
        </Text>
      ) : declining ? (
        <Stack gap="sm">
          <Textarea
            label={t('rsvp.reason')}
            description={t('rsvp.reasonHint')}
            required
            autosize
            minRows={2}
            size="md"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={errors.reason}
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <Button
              size="lg"
              color="orange"
              onClick={() => send('not_attending')}
              loading={answer.isPending}
              disabled={text.trim().length === 0}
            >
              {t('rsvp.sendDecline')}
            </Button>
            <Button
              size="lg"
              variant="default"
              onClick={() => setDeclining(false)}
              disabled={answer.isPending}
            >
              {t('common:actions.cancel')}
            </Button>
          </SimpleGrid>
        </Stack>
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Button
            size="lg"
            color="teal"
            variant={rsvp === 'attending' ? 'filled' : 'light'}
            leftSection={<IconCheck />}
            onClick={() => send('attending')}
            loading={answer.isPending && answer.variables?.rsvp === 'attending'}
            disabled={answer.isPending || rsvp === 'attending'}
            // already the answer: keep its colour, so it reads as chosen rather than unavailable
            styles={
              rsvp === 'attending'
                ? {
                    root: {
                      backgroundColor: 'var(--mantine-color-teal-9)',
                      color: 'var(--mantine-color-white)',
                    },
                  }
                : undefined
            }
          >
            {rsvp === 'attending' ? t('rsvp.attendChosen') : t('rsvp.attend')}
          </Button>
          <Button
            size="lg"
            color="orange"
            variant={rsvp === 'not_attending' ? 'filled' : 'light'}
            leftSection={<IconX />}
            onClick={() => setDeclining(true)}
            disabled={answer.isPending}
          >
            {rsvp === 'not_attending' ? t('rsvp.changeReason') : t('rsvp.decline')}
          </Button>
        </SimpleGrid>
      )}
    </Stack>
  );
}
