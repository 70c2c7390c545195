import { Alert, Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../shared/contracts/auth';
import { useGiveSecondFactor } from '../api/give-second-factor';
import { useLogout } from '../api/logout';

/** Login, step 2: the code from the authenticator app, or one of the recovery codes. */
export function SecondFactorForm({ onDone }: { onDone: (me: Me | null) => void }) {
  const { t } = useTranslation('auth');
  const [code, setCode] = useState('');
  const mutation = useGiveSecondFactor();
  const logout = useLogout();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(code.trim(), { onSuccess: onDone });
  };

  return (
    <Paper withBorder shadow="sm" p="lg" radius="md" component="form" onSubmit={submit} noValidate>
      <Stack>
        <Title order={2} fz={22}>
          {t('secondFactor.title')}
        </Title>
        <Text size="sm">{t('secondFactor.intro')}</Text>
        {mutation.isError && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {mutation.error.message}
          </Alert>
        )}
        <TextInput
          label={t('secondFactor.code')}
          description={t('secondFactor.codeHint')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          autoComplete="one-time-code"
          autoCapitalize="none"
          autoFocus
          required
          size="md"
        />
        <Button type="submit" size="md" loading={mutation.isPending} disabled={!code.trim()}>
          {t('secondFactor.submit')}
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={() => logout.mutate()}>
          {t('secondFactor.otherAccount')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
