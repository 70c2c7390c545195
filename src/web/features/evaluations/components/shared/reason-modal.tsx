import { Alert, List, Stack, Text, Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../../components/ui/confirm-modal';
import { fieldErrors } from '../../../../lib/form-errors';

interface ReasonModalProps {
  title: string;
  message?: ReactNode;
  /** the evaluations the step applies to, by member name (a batch shows the first few) */
  names?: string[];
  label: string;
  hint?: string;
  minLength: number;
  confirmLabel: string;
  color?: string;
  loading: boolean;
  error: Error | null;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

/** A step that needs a written reason (return, cancel, dispute): the reason field and what the server refused. */
export function ReasonModal(props: ReasonModalProps) {
  const { t } = useTranslation('evaluations');
  const [reason, setReason] = useState('');
  const errors = fieldErrors(props.error);
  const names = props.names ?? [];
  return (
    <ConfirmModal
      opened
      title={props.title}
      message={props.message}
      confirmLabel={props.confirmLabel}
      color={props.color}
      loading={props.loading}
      confirmDisabled={reason.trim().length < props.minLength}
      onClose={props.onClose}
      onConfirm={() => props.onConfirm(reason.trim())}
    >
      <Stack gap="sm">
        {names.length > 0 && (
          <List size="sm" spacing={2}>
            {names.slice(0, 8).map((n, i) => (
              <List.Item key={`${n}-${i}`}>{n}</List.Item>
            ))}
          </List>
        )}
        {names.length > 8 && (
          <Text size="sm" c="dimmed">
            {t('batch.andMore', { count: names.length - 8 })}
          </Text>
        )}
        {props.error && !errors.reason && (
          <Alert color="red" role="alert">
            {props.error.message}
          </Alert>
        )}
        <Textarea
          label={props.label}
          description={props.hint ?? t('reason.minLength', { count: props.minLength })}
          required
          autosize
          minRows={3}
          size="md"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          data-autofocus
        />
      </Stack>
    </ConfirmModal>
  );
}
