import { DateInput, type DateInputProps, type DateValue } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, dateTextProblem, formatDate, isIsoDate, parseDisplayDate } from '../../lib/dates';

type DateFieldProps = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  /** ISO yyyy-mm-dd, or the text as typed when it is not a date (kept, never dropped) */
  value: string | null;
  onChange: (value: string | null) => void;
};

const iso = (d: DateValue) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));

/**
 * Shows dd/mm/yyyy, accepts typed dd/mm/yyyy, holds ISO yyyy-mm-dd. What is typed is never thrown away:
 * Mantine would reset text that is no date ("31/02/2026") to the last good one, or to blank, and the form
 * would go on with another date. Here the text stays, the value is the text itself (so the shared contract
 * refuses it too), and the field says why it is no date. `minDate`/`maxDate` only grey out calendar days;
 * a typed day outside them is kept and explained as well.
 */
export function DateField({
  value,
  onChange,
  minDate,
  maxDate,
  excludeDate,
  error,
  onBlur,
  onInput,
  onClick,
  popoverProps,
  ...rest
}: DateFieldProps) {
  const { t } = useTranslation();
  const [left, setLeft] = useState(false);
  const [calendarAsked, setCalendarAsked] = useState(false);
  // a bound taken from another field may itself be text that is no date: then there is no bound
  const bound = (d: DateValue | undefined) => (d && isIsoDate(iso(d)) ? iso(d) : null);
  const min = bound(minDate);
  const max = bound(maxDate);
  const outside = (day: string) =>
    (min !== null && day < min) || (max !== null && day > max) || Boolean(excludeDate?.(day));
  const day = isIsoDate(value) ? value : null;
  const typed = value && !day ? dateTextProblem(value) : null;
  // Said once the person leaves the field (not at each keystroke), or at once when the form was refused.
  const explain = left || !!error;
  const own = !explain
    ? null
    : typed
      ? t(`validation.date.${typed.kind}`, typed)
      : day && min && day < min
        ? t('validation.date.beforeMin', { min: formatDate(min) })
        : day && max && day > max
          ? t('validation.date.afterMax', { max: formatDate(max) })
          : null;
  return (
    <DateInput
      {...rest}
      excludeDate={min || max || excludeDate ? outside : undefined}
      value={day}
      onChange={(d) => onChange(d ? iso(d) : null)}
      onInput={(e) => {
        const text = e.currentTarget.value;
        setLeft(false);
        onChange(text.trim() ? (parseDisplayDate(text) ?? text) : null);
        onInput?.(e);
      }}
      onBlur={(e) => {
        setLeft(true);
        setCalendarAsked(false);
        onBlur?.(e);
      }}
      onClick={(e) => {
        setCalendarAsked(true);
        onClick?.(e);
      }}
      // Focused to be corrected (a refused submit puts the cursor here), the calendar would cover the
      // explanation: it opens when asked for with a click.
      popoverProps={own && !calendarAsked ? { ...popoverProps, opened: false } : popoverProps}
      fixOnBlur={false}
      error={own ?? error}
      valueFormat={DATE_FORMAT}
      dateParser={parseDisplayDate}
      placeholder={rest.placeholder ?? 'dd/mm/yyyy'}
      clearable={rest.clearable ?? true}
    />
  );
}
