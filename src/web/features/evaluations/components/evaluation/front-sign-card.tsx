import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationDetail } from '../../../../../shared/contracts/evaluations';
import { ConfirmModal } from '../../../../components/ui/confirm-modal';
import { useFrontSign } from '../../api/front-sign';

/** Art. 4.4: the Front working committee head reads the draft agreed at the joint meeting and co-signs it. */
export function FrontSignCard({ d }: { d: EvaluationDetail }) {
  const { t } = useTranslation('evaluations');
  const [confirming, setConfirming] = useState(false);
  const sign = useFrontSign();
  return (
    <Card withBorder padding="md" component="section" aria-label={t('frontSign.title')} bg="blue.0">
      <Stack gap="sm">
        <Title order={3} fz="lg">
          {t('frontSign.title')}
        </Title>
        <Text>{t('frontSign.text', { name: d.fullName })}</Text>
        {sign.error && (
          <Alert color="red" role="alert">
            {sign.error.message}
          </Alert>
        )}
        <Button
          size="lg"
          leftSection={<IconSignature size={20} />}
          onClick={() => setConfirming(true)}
          loading={sign.isPending}
        >
          {t('frontSign.button')}
        </Button>
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={t('frontSign.confirmTitle')}
        message={t('frontSign.confirmText', { name: d.fullName })}
        confirmLabel={t('frontSign.button')}
        color="blue"
        loading={sign.isPending}
        onClose={() => setConfirming(false)}
        // the card leaves the page once signed: the promise, not the observer, carries the outcome
        onConfirm={() =>
          void sign
            .mutateAsync(d.id)
            .then(() => notifications.show({ color: 'green', message: t('frontSign.done') }))
            .catch(() => undefined)
            .finally(() => setConfirming(false))
        }
      />
    </Card>
  );
}
