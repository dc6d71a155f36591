import { useTranslation } from 'react-i18next';
import { formatPeriod } from '../i18n/format.ts';

interface PeriodSelectProps {
  readonly label: string;
  readonly value: string;
  /** Groups of periods offered (months, quarters), newest first. */
  readonly groups: readonly { readonly label: string; readonly periods: readonly string[] }[];
  onChange(period: string): void;
}

/** A period chosen by its name in the reader's language; one reached by a link is offered too. */
export function PeriodSelect({ label, value, groups, onChange }: PeriodSelectProps) {
  const { i18n } = useTranslation();
  const known = groups.some((group) => group.periods.includes(value));
  const option = (period: string) => (
    <option key={period} value={period}>
      {formatPeriod(period, i18n.language)}
    </option>
  );
  return (
    <label className="inline">
      {label}
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {!known && option(value)}
        {groups.length === 1
          ? groups[0]!.periods.map(option)
          : groups.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.periods.map(option)}
              </optgroup>
            ))}
      </select>
    </label>
  );
}
