import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconRosetteDiscountCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationDetail } from '../../../../../shared/contracts/evaluations';
import { ConfirmModal } from '../../../../components/ui/confirm-modal';
import { useConfirmEvaluations } from '../../api/confirm-evaluations';
import { ReturnModal } from '../shared/return-modal';

/** Art. 4.5: the commune committee confirms the signed form (it goes to the workplace) or returns it with a reason. */
export function CommuneActions({ d }: { d: EvaluationDetail }) {
  const { t } = useTranslation('evaluations');
  const [confirming, setConfirming] = useState(false);
  const [returning, setReturning] = useState(false);
  const confirm = useConfirmEvaluations();
  return (
    <Card withBorder padding="md" component="section" aria-label={t('commune.title')} bg="teal.0">
      <Stack gap="sm">
        <Title order={3} fz="lg">
          {t('commune.title')}
        </Title>
        <Text>{t('commune.text')}</Text>
        {confirm.error && (
          <Alert color="red" role="alert">
            {confirm.error.message}
          </Alert>
        )}
        <Group gap="sm">
          <Button
            size="md"
            color="teal"
            leftSection={<IconRosetteDiscountCheck size={20} />}
            onClick={() => setConfirming(true)}
          >
            {t('commune.confirm')}
          </Button>
          <Button
            size="md"
            variant="light"
            color="orange"
            leftSection={<IconArrowBackUp size={20} />}
            onClick={() => setReturning(true)}
          >
            {t('commune.return')}
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={t('commune.confirmTitle')}
        message={t('commune.confirmText', { name: d.fullName, workplace: d.workplaceUnitName })}
        confirmLabel={t('commune.confirm')}
        color="teal"
        loading={confirm.isPending}
        onClose={() => setConfirming(false)}
        // the card leaves the page once confirmed: the promise, not the observer, carries the outcome
        onConfirm={() =>
          void confirm
            .mutateAsync({ evaluationIds: [d.id] })
            .then(() =>
              notifications.show({
                color: 'green',
                message: t('commune.confirmed', { workplace: d.workplaceUnitName }),
              }),
            )
            .catch(() => undefined)
            .finally(() => setConfirming(false))
        }
      />
      {returning && <ReturnModal evaluations={[d]} onClose={() => setReturning(false)} />}
    </Card>
  );
}
