import { Textarea, type TextareaProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface NoteFieldProps extends Omit<TextareaProps, 'value' | 'onChange'> {
  value: string;
  onChange: (value: string) => void;
}

/** The free-text note that travels with a request, a notice or a rejection to the other side. */
export function NoteField({ value, onChange, ...rest }: NoteFieldProps) {
  const { t } = useTranslation('introductions');
  return (
    <Textarea
      label={t('fields.note')}
      autosize
      minRows={2}
      {...rest}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
