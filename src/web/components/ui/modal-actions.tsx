import { Button, Group, Stack, type MantineColor, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useExplained } from './explained';

interface ModalActionsProps {
  submitLabel: string;
  onCancel: () => void;
  /** Without it the button submits the surrounding form, so Enter in a field sends it too. */
  onSubmit?: () => void;
  disabled?: boolean;
  /** why it is disabled, shown above the buttons (default: the required fields are not all filled in) */
  disabledReason?: string;
  loading?: boolean;
  color?: MantineColor;
  size?: MantineSize;
  /** e.g. while a step of several requests runs, closing would hide how it ended */
  cancelDisabled?: boolean;
}

/** Cancel and the dialog's main action, bottom right, the same in every dialog; a disabled action says why. */
export function ModalActions(props: ModalActionsProps) {
  const { t } = useTranslation();
  const explained = useExplained(
    props.disabled ? (props.disabledReason ?? t('form.completeRequired')) : null,
  );
  return (
    <Stack gap={6} align="flex-end">
      {explained.note}
      <Group justify="flex-end">
        <Button variant="default" size={props.size} onClick={props.onCancel} disabled={props.cancelDisabled}>
          {t('actions.cancel')}
        </Button>
        <Button
          type={props.onSubmit ? 'button' : 'submit'}
          color={props.color}
          size={props.size}
          loading={props.loading}
          onClick={props.onSubmit}
          {...explained.props}
        >
          {props.submitLabel}
        </Button>
      </Group>
    </Stack>
  );
}
