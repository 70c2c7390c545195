import { Alert, Button, Paper, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newPasswordSchema } from '../../../../shared/contracts/auth';
import { PageHeader } from '../../../components/ui/page-header';
import { fieldErrors } from '../../../lib/form-errors';
import { useChangePassword } from '../api/change-password';

export function ChangePasswordPage() {
  const { t } = useTranslation('auth');
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [localError, setLocalError] = useState<Record<string, string>>({});
  const mutation = useChangePassword();
  const serverErrors = fieldErrors(mutation.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    const check = newPasswordSchema.safeParse(newPassword);
    if (!check.success) errors.newPassword = t('password.rules');
    if (confirm !== newPassword) errors.confirm = t('password.mismatch');
    setLocalError(errors);
    if (Object.keys(errors).length) return;
    mutation.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('password.changed') });
          setCurrent('');
          setNew('');
          setConfirm('');
        },
      },
    );
  };

  return (
    <>
      <PageHeader title={t('password.title')} subtitle={t('password.rules')} />
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
          <PasswordInput
            label={t('password.new')}
            value={newPassword}
            onChange={(e) => setNew(e.currentTarget.value)}
            autoComplete="new-password"
            error={localError.newPassword ?? serverErrors.newPassword}
            required
          />
          <PasswordInput
            label={t('password.confirm')}
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            autoComplete="new-password"
            error={localError.confirm}
            required
          />
          <Button type="submit" loading={mutation.isPending}>
            {t('password.submit')}
          </Button>
        </Stack>
      </Paper>
    </>
  );
}
