import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session.tsx';
import { Money, PaymentName, UnitName } from '../money/Money.tsx';
import { useUnitNames } from '../money/unitNames.ts';
import { formatPeriod } from '../i18n/format.ts';
import type { saveVersion } from '../../../src/contract/api/programmes.ts';
import type { Answer } from '../../../src/contract/http.ts';

/** What saving a version would reprice, as the dry run of the save answers it. */
export type VersionReach = Extract<Answer<typeof saveVersion>, { dryRun: true }>['reach'];

const SHOWN = 10;

/**
 * Asks the designer to confirm, with a reason, a version that reaches back: which periods,
 * which prepared invoices the next run would reprice, and that approved and paid ones stay.
 */
export function ReachBack({ reach, saving, onConfirm, onCancel }: { reach: VersionReach; saving: boolean; onConfirm: (reason: string) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const [reason, setReason] = useState('');
  const { programmeId } = useSession();
  const shown = reach.repriced.slice(0, SHOWN);
  const names = useUnitNames(programmeId ?? '', shown.map((invoice) => invoice.orgUnitId));
  const periods = reach.periods.map((period) => formatPeriod(period, i18n.language)).join(', ');
  return (
    <div className="reach-back" role="alertdialog" aria-labelledby="reach-back-title">
      <h3 id="reach-back-title">{t('designer.reach.title')}</h3>
      <p>{t('designer.reach.periods', { periods, count: reach.decidedStatuses })}</p>
      <p>{t('designer.reach.counts', { repriced: reach.repricedCount, unchanged: reach.unchangedCount })}</p>
      {reach.repriced.length > 0 && (
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">{t('designer.reach.unit')}</th>
              <th scope="col">{t('designer.reach.period')}</th>
              <th scope="col">{t('designer.reach.payment')}</th>
              <th scope="col" className="num">
                {t('designer.reach.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((invoice) => (
              <tr key={invoice.id}>
                <td>
                  <UnitName id={invoice.orgUnitId} names={names} />
                </td>
                <td>{formatPeriod(invoice.period, i18n.language)}</td>
                <td>
                  <PaymentName code={invoice.payment} />
                </td>
                <td className="num">
                  <Money value={invoice.amount} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {reach.repricedCount > SHOWN && <p className="muted">{t('designer.reach.more', { count: reach.repricedCount - SHOWN })}</p>}
      <label className="stacked">
        {t('designer.reach.reason')}
        <textarea name="reachReason" value={reason} rows={2} onChange={(event) => setReason(event.target.value)} />
      </label>
      <div className="actions">
        <button type="button" disabled={reason.trim() === '' || saving} onClick={() => onConfirm(reason.trim())}>
          {t('designer.reach.confirm')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
