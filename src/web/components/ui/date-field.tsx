import { DateInput, type DateInputProps, type DateValue } from '@mantine/dates';
import { DATE_FORMAT, parseDisplayDate } from '../../lib/dates';

type DateFieldProps = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  value: string | null;
  onChange: (value: string | null) => void;
};

/**
 * Shows dd/mm/yyyy, accepts typed dd/mm/yyyy, holds ISO yyyy-mm-dd.
 * `minDate`/`maxDate` only grey out days in the calendar: Mantine would silently drop a typed date outside
 * them (and the form would go on with another date); typed, it is kept and the server's message explains.
 */
export function DateField({ value, onChange, minDate, maxDate, excludeDate, ...rest }: DateFieldProps) {
  const iso = (d: DateValue) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));
  const min = minDate ? iso(minDate) : null;
  const max = maxDate ? iso(maxDate) : null;
  const outside = (day: string) => (min !== null && day < min) || (max !== null && day > max) || Boolean(excludeDate?.(day));
  return (
    <DateInput
      {...rest}
      excludeDate={min || max || excludeDate ? outside : undefined}
      value={value}
      onChange={onChange}
      valueFormat={DATE_FORMAT}
      dateParser={parseDisplayDate}
      placeholder={rest.placeholder ?? 'dd/mm/yyyy'}
      clearable={rest.clearable ?? true}
    />
  );
}
