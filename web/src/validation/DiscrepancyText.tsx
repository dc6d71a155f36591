import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.ts';
import type { Discrepancy } from './totals.ts';

/** "+24 (+21.8%)": declared over verified, marked when they differ. */
export function DiscrepancyText({ value }: { value: Discrepancy | undefined }) {
  const { t, i18n } = useTranslation();
  if (!value) return <span className="muted">—</span>;
  const signed = (n: number, digits: number) => `${n > 0 ? '+' : ''}${formatNumber(n, i18n.language, digits)}`;
  return (
    <span className={value.difference === 0 ? 'good' : 'warn'}>
      {signed(value.difference, 4)}
      {value.ratio !== undefined && value.difference !== 0 && (
        <span className="ratio"> ({t('validation.percent', { value: signed(value.ratio * 100, 1) })})</span>
      )}
    </span>
  );
}
