import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { getMe, meQueryKey, useMe } from '../api/get-me';
import { AuthShell } from './auth-shell';
import { ChangePasswordForm } from './change-password-page';
import { TotpEnrolment } from './totp-enrolment';

/**
 * Before the app: the new password an admin's account asks for, then (admins, committee officers) enrolling an
 * authenticator. The server refuses everything else until then (password_change_required, second_factor_required).
 */
export function AccountSetupPage() {
  const { t } = useTranslation('auth');
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const next = async () => {
    const fresh = await getMe();
    queryClient.setQueryData(meQueryKey, fresh);
    if (!fresh || fresh.security.pending === 'none') void navigate({ to: paths.home });
  };

  const step = me?.security.pending;
  return (
    <AuthShell width={520}>
      <Paper withBorder shadow="sm" p="lg" radius="md">
        <Stack>
          <Title order={2} fz={22}>
            {step === 'password_change' ? t('setup.passwordTitle') : t('setup.totpTitle')}
          </Title>
          <Text size="sm">
            {step === 'password_change' ? t('setup.passwordIntro') : t('setup.totpIntro')}
          </Text>
          {step === 'password_change' ? (
            <ChangePasswordForm onDone={() => void next()} />
          ) : (
            <TotpEnrolment onEnrolled={() => void next()} />
          )}
        </Stack>
      </Paper>
    </AuthShell>
  );
}
