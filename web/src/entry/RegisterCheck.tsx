import { useTranslation } from 'react-i18next';
import { readEntry } from '../../../src/contract/values.ts';
import { formatNumber } from '../i18n/format.ts';
import { problemText } from './problemText.ts';
import { registerResult, sum } from './totals.ts';

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
  const read = readEntry(text, locale, undefined);
  const register = read.kind === 'number' ? read.value : 0;
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
        {read.kind === 'invalid' && problemText(t, locale, read.problem, text)}
        {result === 'matches' && t('entry.registerMatches', { grid: show(gridTotal) })}
        {result === 'differs' && t('entry.registerDiffers', { grid: show(gridTotal), register: show(register), difference: show(sum([gridTotal, -register])) })}
      </p>
    </div>
  );
}
