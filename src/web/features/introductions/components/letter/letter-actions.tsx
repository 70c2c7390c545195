import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowBackUp,
  IconCheck,
  IconHomeCheck,
  IconInbox,
  IconRefresh,
  IconSignature,
  IconTrash,
} from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LetterDetail } from '../../../../../shared/contracts/introductions';
import { hrefs } from '../../../../app/paths';
import { ConfirmModal } from '../../../../components/ui/confirm-modal';
import { canSignFor } from '../../../../lib/roles';
import { useCurrentUser } from '../../../auth/api/get-me';
import { useAcknowledgeLetters } from '../../api/acknowledge-letters';
import { useCancelLetters } from '../../api/cancel-letters';
import { useIssueLetters } from '../../api/issue-letters';
import { useReceiveLetters } from '../../api/receive-letters';
import { PlaceModal } from '../shared/place-modal';
import { RejectModal } from '../shared/reject-modal';
import { ResendModal } from '../shared/resend-modal';

type Dialog = 'cancel' | 'place' | 'reject' | 'resend' | null;

/** Only the steps the server allows this reader now (`allowedActions`, from the workflow table). */
export function LetterActions({ letter }: { letter: LetterDetail }) {
  const { t } = useTranslation('introductions');
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const issue = useIssueLetters();
  const cancel = useCancelLetters();
  const receive = useReceiveLetters();
  const acknowledge = useAcknowledgeLetters();
  const allowed = new Set(letter.allowedActions);
  const busy = issue.isPending || cancel.isPending || receive.isPending || acknowledge.isPending;
  const done = (key: string) => () =>
    notifications.show({ color: 'green', message: t(`actions.done.${key}`) });

  if (allowed.size === 0) return null;
  return (
    <Group gap="xs">
      {allowed.has('issue') && (
        <Button
          leftSection={<IconSignature size={18} />}
          loading={issue.isPending}
          disabled={busy}
          onClick={() => issue.mutate([letter.id], { onSuccess: done('issue') })}
        >
          {t('actions.issue')}
        </Button>
      )}
      {allowed.has('receive') && (
        <Button
          variant="light"
          leftSection={<IconInbox size={18} />}
          loading={receive.isPending}
          disabled={busy}
          onClick={() => receive.mutate([letter.id], { onSuccess: done('receive') })}
        >
          {t('actions.receive')}
        </Button>
      )}
      {allowed.has('place') && (
        <Button leftSection={<IconHomeCheck size={18} />} disabled={busy} onClick={() => setDialog('place')}>
          {t('actions.place')}
        </Button>
      )}
      {allowed.has('acknowledge') && (
        <Button
          color="teal"
          leftSection={<IconCheck size={18} />}
          loading={acknowledge.isPending}
          disabled={busy}
          onClick={() => acknowledge.mutate([letter.id], { onSuccess: done('acknowledge') })}
        >
          {t('actions.acknowledge')}
        </Button>
      )}
      {allowed.has('resend') && (
        <Button
          color="orange"
          leftSection={<IconRefresh size={18} />}
          disabled={busy}
          onClick={() => setDialog('resend')}
        >
          {t('resend.action')}
        </Button>
      )}
      {allowed.has('reject') && (
        <Button
          variant="light"
          color="red"
          leftSection={<IconArrowBackUp size={18} />}
          disabled={busy}
          onClick={() => setDialog('reject')}
        >
          {t('actions.reject')}
        </Button>
      )}
      {allowed.has('cancel') && (
        <Button
          variant="default"
          color="red"
          leftSection={<IconTrash size={18} />}
          disabled={busy}
          onClick={() => setDialog('cancel')}
        >
          {letter.status === 'draft' ? t('actions.discard') : t('actions.cancel')}
        </Button>
      )}

      <ConfirmModal
        opened={dialog === 'cancel'}
        title={letter.status === 'draft' ? t('actions.discardTitle') : t('actions.cancelTitle')}
        message={t('actions.cancelMessage', { name: letter.memberName })}
        confirmLabel={letter.status === 'draft' ? t('actions.discard') : t('actions.cancel')}
        loading={cancel.isPending}
        onClose={() => setDialog(null)}
        onConfirm={() =>
          cancel.mutate([letter.id], {
            onSuccess: () => {
              done('cancel')();
              setDialog(null);
            },
          })
        }
      />
      {dialog === 'place' && (
        <PlaceModal
          communeId={letter.receivingCommuneId}
          letters={[letter]}
          onClose={() => setDialog(null)}
          onDone={() => setDialog(null)}
        />
      )}
      {dialog === 'reject' && (
        <RejectModal letters={[letter]} onClose={() => setDialog(null)} onDone={() => setDialog(null)} />
      )}
      {dialog === 'resend' && (
        <ResendModal
          letter={letter}
          canSign={canSignFor(me, letter.issuingUnitId)}
          onClose={() => setDialog(null)}
          onResent={(id) => void navigate({ to: hrefs.letter(id) })}
        />
      )}
    </Group>
  );
}
