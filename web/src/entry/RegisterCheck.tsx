import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.ts';
import { parseEntry, registerResult, sum } from './numbers.ts';

interface RegisterCheckProps {
  readonly id: string;
  readonly text: string;
  readonly gridTotal: number;
  onChange(text: string): void;
}

/** The clerk's paper register total, and how the grid's total compares with it. */
export function RegisterCheck({ id, text, gridTotal, onChange }: RegisterCheckProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const result = registerResult(text, gridTotal, locale);
  const parsed = parseEntry(text, locale);
  const register = 'value' in parsed ? parsed.value : 0;
  const show = (value: number) => formatNumber(value, locale, 4);
  return (
    <div className="register-check">
      <label className="inline">
        {t('entry.register')}
        <input
          id={id}
          className="number register"
          value={text}
          inputMode="decimal"
          autoComplete="off"
          aria-invalid={result === 'differs' || result === 'invalid' ? true : undefined}
          aria-describedby={`${id}-result`}
          onChange={(event) => onChange(event.target.value)}
        />
      </label>
      <p id={`${id}-result`} className={`small-text ${result === 'matches' ? 'good' : result === 'missing' ? 'muted' : 'bad'}`} aria-live="polite">
        {result === 'missing' && t('entry.registerMissing', { grid: show(gridTotal) })}
        {result === 'invalid' && t('entry.problem.notNumber', { text })}
        {result === 'matches' && t('entry.registerMatches', { grid: show(gridTotal) })}
        {result === 'differs' && t('entry.registerDiffers', { grid: show(gridTotal), register: show(register), difference: show(sum([gridTotal, -register])) })}
      </p>
    </div>
  );
}
