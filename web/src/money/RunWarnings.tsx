import { useTranslation } from 'react-i18next';
import { VirtualRows } from '../components/VirtualRows.tsx';
import { formatPercent, formatPeriod } from '../i18n/format.ts';
import { Money, PaymentName, UnitName } from './Money.tsx';
import type { AmountWarnings } from './runTypes.ts';

/**
 * The invoices of a run to look at before approving: amounts fallen to 0, or moved more than
 * the programme's share, from the previous period's invoice of the same payment.
 */
export function RunWarnings({ warnings, names }: { warnings: AmountWarnings; names: ReadonlyMap<string, string> }) {
  const { t, i18n } = useTranslation();
  if (warnings.total === 0) return null;
  const facts = { count: warnings.total, share: formatPercent(warnings.maxChange, i18n.language), period: formatPeriod(warnings.previousPeriod, i18n.language) };
  return (
    <div className="run-warnings">
      <VirtualRows
        rows={warnings.items}
        columns={5}
        caption={t('warnings.caption', facts)}
        head={
          <tr>
            <th scope="col">{t('money.col.unit')}</th>
            <th scope="col">{t('money.col.payment')}</th>
            <th scope="col" className="number">{t('warnings.previous', { period: facts.period })}</th>
            <th scope="col" className="number">{t('warnings.amount')}</th>
            <th scope="col" className="number">{t('warnings.change')}</th>
          </tr>
        }
        renderRow={(warning, _index, props) => (
          <tr key={`${warning.orgUnitId}/${warning.payment}`} {...props}>
            <td>
              <UnitName id={warning.orgUnitId} names={names} />
            </td>
            <td>
              <PaymentName code={warning.payment} />
            </td>
            <td className="number">
              <Money value={warning.previousAmount} />
            </td>
            <td className="number">
              <Money value={warning.amount} />
            </td>
            <td className={Number(warning.change) < 0 ? 'number bad' : 'number warn'}>
              {warning.kind === 'zero' ? t('warnings.zero') : `${Number(warning.change) > 0 ? '+' : ''}${formatPercent(Number(warning.change), i18n.language, 1)}`}
            </td>
          </tr>
        )}
      />
      {warnings.items.length < warnings.total && <p className="muted small-text">{t('warnings.more', { shown: warnings.items.length, count: warnings.total })}</p>}
    </div>
  );
}
