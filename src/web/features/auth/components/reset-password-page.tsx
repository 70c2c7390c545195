import { Alert, Anchor, Button, Paper, Stack, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { Link, useSearch } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { fieldErrors } from '../../../lib/form-errors';
import { useConfirmPasswordReset } from '../api/reset-password';
import { AuthShell } from './auth-shell';
import { NewPasswordFields, useNewPassword } from './new-password-fields';

/** The mailed link's page: a new password, once; every device is logged out. */
export function ResetPasswordPage() {
  const { t } = useTranslation('auth');
  const { token } = useSearch({ from: '/reset-password' });
  const password = useNewPassword();
  const mutation = useConfirmPasswordReset();
  const serverErrors = fieldErrors(mutation.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password.check()) mutation.mutate({ token: token ?? '', newPassword: password.value });
  };

  return (
    <AuthShell>
      <Paper withBorder shadow="sm" p="lg" radius="md" component="form" onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} fz={22}>
            {t('reset.title')}
          </Title>
          {mutation.isSuccess ? (
            <Alert color="green" icon={<IconCircleCheck />} role="status">
              {t('reset.done')}
            </Alert>
          ) : (
            <>
              {(!token || (mutation.isError && !serverErrors.newPassword)) && (
                <Alert color="red" icon={<IconAlertCircle />} role="alert">
                  {token ? mutation.error?.message : t('reset.noToken')}
                </Alert>
              )}
              <NewPasswordFields state={password} serverError={serverErrors.newPassword} />
              <Button type="submit" size="md" loading={mutation.isPending} disabled={!token}>
                {t('reset.submit')}
              </Button>
            </>
          )}
          <Anchor component={Link} to={paths.login} size="sm" ta="center">
            {t('reset.toLogin')}
          </Anchor>
        </Stack>
      </Paper>
    </AuthShell>
  );
}
