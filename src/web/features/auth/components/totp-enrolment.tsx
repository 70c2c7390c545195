import { Alert, Button, Code, Image, List, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirmTotp } from '../api/confirm-totp';
import { useStartTotpSetup } from '../api/start-totp-setup';
import { RecoveryCodes } from './recovery-codes';

/**
 * Enrolling an authenticator: a QR code (and the secret as text for apps that cannot scan), confirmed with a
 * first code; then the ten recovery codes, shown once.
 */
export function TotpEnrolment({ onEnrolled }: { onEnrolled: () => void }) {
  const { t } = useTranslation('auth');
  const setup = useStartTotpSetup();
  const confirm = useConfirmTotp();
  const [code, setCode] = useState('');

  if (confirm.data) {
    return (
      <Stack>
        <RecoveryCodes codes={confirm.data.codes} />
        <Button onClick={onEnrolled}>{t('totp.continue')}</Button>
      </Stack>
    );
  }
  if (!setup.data) {
    return (
      <Stack>
        <Text size="sm">{t('totp.intro')}</Text>
        {setup.isError && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {setup.error.message}
          </Alert>
        )}
        <Button onClick={() => setup.mutate()} loading={setup.isPending}>
          {t('totp.start')}
        </Button>
      </Stack>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate(code.trim());
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <List type="ordered" spacing="xs" size="sm">
          <List.Item>{t('totp.step1')}</List.Item>
          <List.Item>{t('totp.step2')}</List.Item>
          <List.Item>{t('totp.step3')}</List.Item>
        </List>
        <Image src={setup.data.qrDataUrl} alt={t('totp.qrAlt')} w={240} h={240} />
        <Text size="sm">
          {t('totp.secret')} <Code style={{ wordBreak: 'break-all' }}>{setup.data.secret}</Code>
        </Text>
        {confirm.isError && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {confirm.error.message}
          </Alert>
        )}
        <TextInput
          label={t('totp.code')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          autoComplete="one-time-code"
          inputMode="numeric"
          required
          maw={240}
        />
        <Button type="submit" loading={confirm.isPending} disabled={!code.trim()}>
          {t('totp.confirm')}
        </Button>
      </Stack>
    </form>
  );
}
