import { Button, Group, type MantineColor, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface ModalActionsProps {
  submitLabel: string;
  onCancel: () => void;
  /** Without it the button submits the surrounding form, so Enter in a field sends it too. */
  onSubmit?: () => void;
  disabled?: boolean;
  loading?: boolean;
  color?: MantineColor;
  size?: MantineSize;
  /** e.g. while a step of several requests runs, closing would hide how it ended */
  cancelDisabled?: boolean;
}

/** Cancel and the dialog's main action, bottom right, the same in every dialog. */
export function ModalActions(props: ModalActionsProps) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" size={props.size} onClick={props.onCancel} disabled={props.cancelDisabled}>
        {t('actions.cancel')}
      </Button>
      <Button
        type={props.onSubmit ? 'button' : 'submit'}
        color={props.color}
        size={props.size}
        disabled={props.disabled}
        loading={props.loading}
        onClick={props.onSubmit}
      >
        {props.submitLabel}
      </Button>
    </Group>
  );
}
