import {
  Alert,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { LanguageSwitcher } from '../../../components/ui/language-switcher';
import { useLogin } from '../api/login';

export function LoginPage() {
  const { t } = useTranslation('auth');
  const [loginValue, setLoginValue] = useState('');
  const [password, setPassword] = useState('');
  const mutation = useLogin();
  const navigate = useNavigate();
  const search = useSearch({ from: '/login' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(
      { login: loginValue.trim(), password },
      {
        onSuccess: () => {
          // only same-site paths: never bounce to another origin
          const target =
            search.redirect?.startsWith('/') && !search.redirect.startsWith('//') ? search.redirect : null;
          if (target && !target.startsWith(paths.login)) void navigate({ href: target });
          else void navigate({ to: paths.home });
        },
      },
    );
  };

  return (
    <Center component="main" mih="100vh" p="md" bg="gray.0">
      <Stack w="100%" maw={420} gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={0}>
            <Title order={1} c="red.8" fz={28}>
              Residence Link
            </Title>
            <Text c="dimmed" size="sm">
              {t('common:app.subtitle')}
            </Text>
          </Stack>
          <LanguageSwitcher size="sm" />
        </Group>
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
          </Stack>
        </Paper>
        <Text size="xs" c="dimmed" ta="center">
          {t('login.footer')}
        </Text>
      </Stack>
    </Center>
  );
}
