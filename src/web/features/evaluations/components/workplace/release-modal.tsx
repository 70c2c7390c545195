import { List, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../../components/ui/confirm-modal';
import { useReleaseEvaluations } from '../../api/release-evaluations';

interface ReleaseModalProps {
  evaluations: { id: string; fullName: string }[];
  onClose: () => void;
  onDone: () => void;
}

/** Art. 3.5: tell the members their residence comments (each is notified and may ask for a review). */
export function ReleaseModal({ onClose, onDone, ...props }: ReleaseModalProps) {
  const { t } = useTranslation('evaluations');
  const [evaluations] = useState(props.evaluations);
  const release = useReleaseEvaluations();
  return (
    <ConfirmModal
      opened
      title={t('release.title', { count: evaluations.length })}
      message={t('release.many')}
      confirmLabel={t('release.submit')}
      color="blue"
      loading={release.isPending}
      onClose={onClose}
      onConfirm={() =>
        release.mutate(
          { evaluationIds: evaluations.map((e) => e.id) },
          {
            onSuccess: (r) => {
              notifications.show({
                color: 'green',
                message: t('release.done', { changed: r.changed, repeated: r.repeated }),
              });
              onDone();
            },
          },
        )
      }
    >
      {release.error && (
        <Text c="red" size="sm" role="alert">
          {release.error.message}
        </Text>
      )}
      <List size="sm" spacing={2}>
        {evaluations.slice(0, 8).map((e) => (
          <List.Item key={e.id}>{e.fullName}</List.Item>
        ))}
      </List>
      {evaluations.length > 8 && (
        <Text size="sm" c="dimmed">
          {t('batch.andMore', { count: evaluations.length - 8 })}
        </Text>
      )}
    </ConfirmModal>
  );
}
