import { PasswordInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newPasswordSchema } from '../../../../shared/contracts/auth';

/** The new password typed twice, checked with the server's own rules before it is sent. */
export function useNewPassword() {
  const [value, setValue] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ newPassword?: string; confirm?: string }>({});
  const { t } = useTranslation('auth');
  return {
    value,
    confirm,
    setValue,
    setConfirm,
    errors,
    reset: () => {
      setValue('');
      setConfirm('');
    },
    /** true when both fields are fine; otherwise the fields say why */
    check: () => {
      const next: typeof errors = {};
      if (!newPasswordSchema.safeParse(value).success) next.newPassword = t('password.rules');
      if (confirm !== value) next.confirm = t('password.mismatch');
      setErrors(next);
      return Object.keys(next).length === 0;
    },
  };
}

export function NewPasswordFields({
  state,
  serverError,
}: {
  state: ReturnType<typeof useNewPassword>;
  serverError?: string;
}) {
  const { t } = useTranslation('auth');
  return (
    <>
      <PasswordInput
        label={t('password.new')}
        description={t('password.rules')}
        value={state.value}
        onChange={(e) => state.setValue(e.currentTarget.value)}
        autoComplete="new-password"
        error={state.errors.newPassword ?? serverError}
        required
      />
      <PasswordInput
        label={t('password.confirm')}
        value={state.confirm}
        onChange={(e) => state.setConfirm(e.currentTarget.value)}
        autoComplete="new-password"
        error={state.errors.confirm}
        required
      />
    </>
  );
}
