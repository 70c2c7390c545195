import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/page-header';
import { meQueryKey, useCurrentUser } from '../api/get-me';
import { useRegenerateRecoveryCodes } from '../api/regenerate-recovery-codes';
import { RecoveryCodes } from './recovery-codes';
import { SessionsList } from './sessions-list';
import { TotpEnrolment } from './totp-enrolment';

/** Under the account menu: the second factor (enrol, new recovery codes) and the devices logged in. */
export function AccountSecurityPage() {
  const { t } = useTranslation('auth');
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const regenerate = useRegenerateRecoveryCodes();
  const enabled = me.security.totpEnabled;

  return (
    <>
      <PageHeader title={t('security.title')} subtitle={t('security.subtitle')} />
      <Stack maw={720}>
        <Paper withBorder p="lg">
          <Stack>
            <Group justify="space-between">
              <Title order={2} fz="lg">
                {t('security.totpTitle')}
              </Title>
              <Badge color={enabled ? 'green' : 'gray'}>
                {enabled ? t('security.on') : t('security.off')}
              </Badge>
            </Group>
            <Text size="sm">
              {me.security.secondFactorRequired ? t('security.required') : t('security.optional')}
            </Text>
            {enabled ? (
              regenerate.data ? (
                <RecoveryCodes codes={regenerate.data.codes} />
              ) : (
                <Stack gap={4} align="flex-start">
                  <Button variant="light" onClick={() => regenerate.mutate()} loading={regenerate.isPending}>
                    {t('security.regenerate')}
                  </Button>
                  <Text size="xs" c="dimmed">
                    {t('security.regenerateNote')}
                  </Text>
                </Stack>
              )
            ) : (
              <TotpEnrolment
                onEnrolled={() => void queryClient.invalidateQueries({ queryKey: meQueryKey })}
              />
            )}
          </Stack>
        </Paper>
        <Paper withBorder p="lg">
          <Stack>
            <Title order={2} fz="lg">
              {t('sessions.title')}
            </Title>
            <SessionsList />
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}
