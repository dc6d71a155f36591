import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateInput, parseDateInput } from '../i18n/format.ts';

interface DateInputProps {
  /** The day as the API takes it, `2024-03-15`; empty for none. */
  readonly value: string;
  onChange(iso: string): void;
  /** The last day allowed, `2024-03-15`. */
  readonly max?: string;
  readonly required?: boolean;
}

/**
 * A day typed day first, "15/03/2024", whatever the browser's language: the browser's own
 * date field writes an American browser's days month first on a French screen. Until the text
 * is a day (within `max`), the field says so and the value stays the last good one.
 */
export function DateInput({ value, onChange, max, required = false }: DateInputProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => formatDateInput(value));
  const parsed = parseDateInput(text);
  const invalid = text.trim() !== '' && (parsed === undefined || (max !== undefined && parsed > max));
  return (
    <input
      className="date-input"
      inputMode="numeric"
      placeholder={t('common.datePlaceholder')}
      value={text}
      required={required}
      aria-invalid={invalid || undefined}
      title={invalid ? t('common.dateInvalid') : undefined}
      ref={(input) => input?.setCustomValidity(invalid ? t('common.dateInvalid') : '')}
      onChange={(event) => {
        setText(event.target.value);
        const day = parseDateInput(event.target.value);
        if (day && (max === undefined || day <= max)) onChange(day);
        else if (event.target.value.trim() === '') onChange('');
      }}
    />
  );
}
