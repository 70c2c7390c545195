import { Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalActions } from './modal-actions';

interface ConfirmModalProps {
  opened: boolean;
  title: string;
  message?: ReactNode;
  children?: ReactNode;
  confirmLabel?: string;
  color?: string;
  loading?: boolean;
  confirmDisabled?: boolean;
  /** why the action cannot be confirmed yet (shown next to it) */
  confirmDisabledReason?: string;
  onConfirm: () => void;
  onClose: () => void;
}

/** Asks before a destructive or structural action. */
export function ConfirmModal(props: ConfirmModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} centered>
      <Stack>
        {props.message && <Text size="sm">{props.message}</Text>}
        {props.children}
        <ModalActions
          submitLabel={props.confirmLabel ?? t('actions.confirm')}
          onCancel={props.onClose}
          onSubmit={props.onConfirm}
          color={props.color ?? 'red'}
          disabled={props.confirmDisabled}
          disabledReason={props.confirmDisabledReason}
          loading={props.loading}
        />
      </Stack>
    </Modal>
  );
}
