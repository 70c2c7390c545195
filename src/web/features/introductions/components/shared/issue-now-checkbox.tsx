import { Checkbox } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface IssueNowCheckboxProps {
  canSign: boolean;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** "Issue at once" unless the dialog needs to say which letter */
  label?: string;
}

/** Only a signer may issue a letter; for anyone else it stays a draft until a signer issues it. */
export function IssueNowCheckbox({ canSign, checked, onChange, label }: IssueNowCheckboxProps) {
  const { t } = useTranslation('introductions');
  if (!canSign) return null;
  return (
    <Checkbox
      label={label ?? t('wholeCell.issue')}
      checked={checked}
      onChange={(e) => onChange(e.currentTarget.checked)}
    />
  );
}
