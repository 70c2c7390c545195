import { DateInput, type DateInputProps } from '@mantine/dates';
import { DATE_FORMAT, parseDisplayDate } from '../../lib/dates';

type DateFieldProps = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  value: string | null;
  onChange: (value: string | null) => void;
};

/** Shows dd/mm/yyyy, accepts typed dd/mm/yyyy, holds ISO yyyy-mm-dd. */
export function DateField({ value, onChange, ...rest }: DateFieldProps) {
  return (
    <DateInput
      {...rest}
      value={value}
      onChange={onChange}
      valueFormat={DATE_FORMAT}
      dateParser={parseDisplayDate}
      placeholder={rest.placeholder ?? 'dd/mm/yyyy'}
      clearable={rest.clearable ?? true}
    />
  );
}
