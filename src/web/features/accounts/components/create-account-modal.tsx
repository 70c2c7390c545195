import { Button, Group, Modal, PasswordInput, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createAccountBodySchema, type Account } from '../../../../shared/contracts/accounts';
import { useFormCheck } from '../../../lib/use-form-check';
import { useCreateAccount } from '../api/create-account';

export function CreateAccountModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (a: Account) => void;
}) {
  const { t } = useTranslation('accounts');
  const mutation = useCreateAccount();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const body = {
    username: username.trim(),
    displayName: displayName.trim(),
    email: email.trim() || null,
    phone: phone.trim() || null,
    password,
  };
  const { errors, check, ref: formRef } = useFormCheck(createAccountBodySchema, body, mutation.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check()) return;
    mutation.mutate(body, {
      onSuccess: (account) => {
        notifications.show({ color: 'green', message: t('created', { name: account.displayName }) });
        onCreated(account);
        onClose();
      },
    });
  };

  return (
    <Modal opened onClose={onClose} title={t('new')}>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('fields.username')}
            required
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            error={errors.username}
            autoComplete="off"
          />
          <TextInput
            label={t('fields.displayName')}
            required
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={errors.displayName}
          />
          <TextInput
            label={t('fields.email')}
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
          />
          <TextInput
            label={t('fields.phone')}
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            error={errors.phone}
          />
          <PasswordInput
            label={t('fields.password')}
            description={t('auth:password.rules')}
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password}
            autoComplete="new-password"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('common:actions.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
