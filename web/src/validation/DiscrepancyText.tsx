import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.ts';
import type { Discrepancy } from './totals.ts';

/**
 * "+24 (+21.8%)": declared over verified. Where the programme declares its penalty the line
 * is coloured by it — beyond tolerance or within — so that 20% and 3.4% do not look alike;
 * without a declaration, any difference is marked.
 */
export function DiscrepancyText({ value, breach }: { value: Discrepancy | undefined; breach?: boolean | undefined }) {
  const { t, i18n } = useTranslation();
  if (!value) return <span className="muted">—</span>;
  const signed = (n: number, digits: number) => `${n > 0 ? '+' : ''}${formatNumber(n, i18n.language, digits)}`;
  const tone = breach === undefined ? (value.difference === 0 ? 'good' : 'warn') : breach ? 'bad' : 'good';
  return (
    <span className={tone}>
      {signed(value.difference, 4)}
      {value.ratio !== undefined && value.difference !== 0 && (
        <span className="ratio"> ({t('validation.percent', { value: signed(value.ratio * 100, 1) })})</span>
      )}
      {breach !== undefined && <span className={breach ? 'badge bad-badge' : 'badge'}>{t(breach ? 'field.beyond' : 'penalty.within')}</span>}
    </span>
  );
}
