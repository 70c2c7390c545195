import { Alert, Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';

interface FormModalProps {
  title: string;
  opened?: boolean;
  onClose: () => void;
  onSubmit: () => void;
  /** the mutation's error: what the server refused shows above the fields */
  error: Error | null;
  children: ReactNode;
}

/**
 * A dialog around a form, so Enter in a field submits it. The fields validate on the server
 * (noValidate): its messages come back per field in the user's language.
 */
export function FormModal({ title, opened = true, onClose, onSubmit, error, children }: FormModalProps) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {error && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          {children}
        </Stack>
      </form>
    </Modal>
  );
}
