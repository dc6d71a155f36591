import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateInput, formatMonthInput, parseDateInput, parseMonthInput } from '../i18n/format.ts';

interface DateInputProps {
  /** The day as the API takes it, `2024-03-15` (a month: `2024-03`); empty for none. */
  readonly value: string;
  onChange(iso: string): void;
  /** The last day (month) allowed, written as `value`. */
  readonly max?: string;
  readonly required?: boolean;
}

/**
 * A day typed day first, "15/03/2024", whatever the browser's language: the browser's own
 * date field writes an American browser's days month first on a French screen (and its month
 * field names months in the browser's language). Until the text is a day (within `max`), the
 * field says so and the value stays the last good one.
 */
export function DateInput(props: DateInputProps) {
  const { t } = useTranslation();
  return <TypedDate {...props} format={formatDateInput} parse={parseDateInput} placeholder={t('common.datePlaceholder')} />;
}

/** A month typed "07/2024" (or `2024-07`), whatever the browser's language; see DateInput. */
export function MonthInput(props: DateInputProps) {
  const { t } = useTranslation();
  return <TypedDate {...props} format={formatMonthInput} parse={parseMonthInput} placeholder={t('common.monthPlaceholder')} />;
}

interface TypedDateProps extends DateInputProps {
  format(iso: string): string;
  parse(text: string): string | undefined;
  readonly placeholder: string;
}

function TypedDate({ value, onChange, max, required = false, format, parse, placeholder }: TypedDateProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => format(value));
  const parsed = parse(text);
  const invalid = text.trim() !== '' && (parsed === undefined || (max !== undefined && parsed > max));
  return (
    <input
      className="date-input"
      inputMode="numeric"
      placeholder={placeholder}
      value={text}
      required={required}
      aria-invalid={invalid || undefined}
      title={invalid ? t('common.dateInvalid') : undefined}
      ref={(input) => input?.setCustomValidity(invalid ? t('common.dateInvalid') : '')}
      onChange={(event) => {
        setText(event.target.value);
        const day = parse(event.target.value);
        if (day && (max === undefined || day <= max)) onChange(day);
        else if (event.target.value.trim() === '') onChange('');
      }}
    />
  );
}
