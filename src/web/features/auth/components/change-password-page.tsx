import { Alert, Button, Paper, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/page-header';
import { fieldErrors } from '../../../lib/form-errors';
import { useChangePassword } from '../api/change-password';
import { NewPasswordFields, useNewPassword } from './new-password-fields';

/** The current password and a new one; also the first-login step (account-setup-page.tsx). */
export function ChangePasswordForm({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation('auth');
  const [currentPassword, setCurrent] = useState('');
  const password = useNewPassword();
  const mutation = useChangePassword();
  const serverErrors = fieldErrors(mutation.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!password.check()) return;
    mutation.mutate(
      { currentPassword, newPassword: password.value },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('password.changed') });
          setCurrent('');
          password.reset();
          onDone?.();
        },
      },
    );
  };

  return (
    <Paper withBorder p="lg" maw={480} component="form" onSubmit={submit} noValidate>
      <Stack>
        {mutation.isError && !Object.keys(serverErrors).length && (
          <Alert color="red" role="alert">
            {mutation.error.message}
          </Alert>
        )}
        <PasswordInput
          label={t('password.current')}
          value={currentPassword}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          autoComplete="current-password"
          error={serverErrors.currentPassword}
          required
        />
        <NewPasswordFields state={password} serverError={serverErrors.newPassword} />
        <Button type="submit" loading={mutation.isPending}>
          {t('password.submit')}
        </Button>
      </Stack>
    </Paper>
  );
}

export function ChangePasswordPage() {
  const { t } = useTranslation('auth');
  return (
    <>
      <PageHeader title={t('password.title')} subtitle={t('password.rules')} />
      <ChangePasswordForm />
    </>
  );
}
