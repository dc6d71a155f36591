import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.ts';
import { LATE_AFTER_DAYS, isLate } from './delays.ts';

/** Days late, flagged in words as well as colour beyond the threshold. */
export function DelayDays({ days, threshold = LATE_AFTER_DAYS }: { days: number | null; threshold?: number }) {
  const { t, i18n } = useTranslation();
  if (days === null) return <span className="muted">—</span>;
  return (
    <>
      {formatNumber(days, i18n.language, 0)}
      {isLate(days, threshold) && <span className="badge warn">{t('money.late')}</span>}
    </>
  );
}
