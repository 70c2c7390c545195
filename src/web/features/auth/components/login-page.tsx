import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import type { Me } from '../../../../shared/contracts/auth';
import { useMe } from '../api/get-me';
import { useLogin } from '../api/login';
import { AuthShell } from './auth-shell';
import { SecondFactorForm } from './second-factor-form';

export function LoginPage() {
  const { t } = useTranslation('auth');
  const [loginValue, setLoginValue] = useState('');
  const [password, setPassword] = useState('');
  const mutation = useLogin();
  const navigate = useNavigate();
  const search = useSearch({ from: '/login' });
  const { data: session } = useMe();
  // a session that gave its password but not yet its second factor (also after a reload)
  const secondStep = session?.security.pending === 'second_factor';

  const proceed = (me: Me | null) => {
    if (!me) return;
    if (me.security.pending === 'second_factor') return;
    if (me.security.pending !== 'none') {
      void navigate({ to: paths.accountSetup });
      return;
    }
    // only same-site paths: never bounce to another origin
    const target =
      search.redirect?.startsWith('/') && !search.redirect.startsWith('//') ? search.redirect : null;
    if (target && !target.startsWith(paths.login)) void navigate({ href: target });
    else void navigate({ to: paths.home });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ login: loginValue.trim(), password }, { onSuccess: proceed });
  };

  return (
    <AuthShell
      footer={
        <Text size="xs" c="dimmed" ta="center">
          {t('login.footer')}
        </Text>
      }
    >
      {secondStep ? (
        <SecondFactorForm onDone={proceed} />
      ) : (
        <Paper withBorder shadow="sm" p="lg" radius="md" component="form" onSubmit={submit} noValidate>
          <Stack>
            <Title order={2} fz={22}>
              {t('login.title')}
            </Title>
            {mutation.isError && (
              <Alert color="red" icon={<IconAlertCircle />} role="alert">
                {mutation.error.message}
              </Alert>
            )}
            <TextInput
              label={t('login.login')}
              description={t('login.loginHint')}
              value={loginValue}
              onChange={(e) => setLoginValue(e.currentTarget.value)}
              autoComplete="username"
              autoCapitalize="none"
              required
              size="md"
            />
            <PasswordInput
              label={t('login.password')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete="current-password"
              required
              size="md"
            />
            <Button type="submit" size="md" loading={mutation.isPending} disabled={!loginValue || !password}>
              {t('login.submit')}
            </Button>
            <Anchor component={Link} to={paths.forgotPassword} size="sm" ta="center">
              {t('login.forgot')}
            </Anchor>
          </Stack>
        </Paper>
      )}
    </AuthShell>
  );
}
