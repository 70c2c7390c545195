import { Alert, Modal, Stack } from '@mantine/core';
import { useEffect, useRef, type FormEvent, type ReactNode, type RefObject } from 'react';
import { isApiError } from '../../lib/api-client';
import { focusFirstError } from '../../lib/form-errors';

interface FormModalProps {
  title: string;
  opened?: boolean;
  onClose: () => void;
  onSubmit: () => void;
  /** the mutation's error: what the server refused shows above the fields */
  error: Error | null;
  /** the form's element, when the form checks itself (`useFormCheck`), which then also focuses errors */
  formRef?: RefObject<HTMLFormElement | null>;
  children: ReactNode;
}

/**
 * A dialog around a form, so Enter in a field submits it. The fields validate in the browser by the shared
 * contract where the form uses `useFormCheck`, and on the server (noValidate): its messages come back per
 * field in the user's language, and the first field refused gets the focus.
 */
export function FormModal({
  title,
  opened = true,
  onClose,
  onSubmit,
  error,
  formRef,
  children,
}: FormModalProps) {
  const own = useRef<HTMLFormElement>(null);
  const ref = formRef ?? own;
  useEffect(() => {
    if (!formRef && isApiError(error, 422)) focusFirstError(own.current);
  }, [error, formRef]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered size="lg">
      <form ref={ref} onSubmit={submit} noValidate>
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
