import { Alert, Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconMailCheck } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { useRequestPasswordReset } from '../api/reset-password';
import { AuthShell } from './auth-shell';

/** "Quên mật khẩu?": the answer is the same whether or not the account exists. */
export function ForgotPasswordPage() {
  const { t } = useTranslation('auth');
  const [login, setLogin] = useState('');
  const mutation = useRequestPasswordReset();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(login.trim());
  };

  return (
    <AuthShell>
      <Paper withBorder shadow="sm" p="lg" radius="md" component="form" onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} fz={22}>
            {t('forgot.title')}
          </Title>
          {mutation.isSuccess ? (
            <Alert color="green" icon={<IconMailCheck />} role="status">
              {t('forgot.sent')}
            </Alert>
          ) : (
            <>
              <Text size="sm">{t('forgot.intro')}</Text>
              {mutation.isError && (
                <Alert color="red" icon={<IconAlertCircle />} role="alert">
                  {mutation.error.message}
                </Alert>
              )}
              <TextInput
                label={t('forgot.login')}
                value={login}
                onChange={(e) => setLogin(e.currentTarget.value)}
                autoComplete="username"
                autoCapitalize="none"
                required
                size="md"
              />
              <Button type="submit" size="md" loading={mutation.isPending} disabled={!login.trim()}>
                {t('forgot.submit')}
              </Button>
            </>
          )}
          <Anchor component={Link} to={paths.login} size="sm" ta="center">
            {t('forgot.back')}
          </Anchor>
        </Stack>
      </Paper>
    </AuthShell>
  );
}
