import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session.tsx';
import { Loading } from '../components/Status.tsx';
import { KnownName } from '../money/Money.tsx';
import { usePackageNames } from '../money/programme.ts';
import { formatDateTime, formatPeriod } from '../i18n/format.ts';
import type { PackageStatus } from './history.ts';

/** Where each package of the unit stands, period by period: open until declared, locked from validation. */
export function WorkflowHistory({ statuses, pending }: { statuses: readonly PackageStatus[]; pending: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'fr' ? 'fr' : 'en';
  const { programmeId } = useSession();
  const packages = usePackageNames(programmeId ?? '');
  return (
    <section className="card" aria-labelledby="workflow-title">
      <h2 id="workflow-title">{t('facility.workflow')}</h2>
      {pending && <Loading />}
      {!pending && statuses.length === 0 && <p>{t('facility.noPackages')}</p>}
      {statuses.length > 0 && (
        <div className="scroll-x">
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t('facility.period')}</th>
                <th scope="col">{t('facility.package')}</th>
                <th scope="col">{t('facility.status')}</th>
                <th scope="col">{t('facility.changedBy')}</th>
                <th scope="col">{t('facility.changedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {statuses.map((status) => (
                <tr key={`${status.period}/${status.package}`} data-status={status.status}>
                  <td>{formatPeriod(status.period, locale)}</td>
                  <td>
                    <KnownName code={status.package} names={packages} />
                  </td>
                  <td>
                    <span className={`status-badge ${status.status}`}>{t(`facility.status.${status.status}`)}</span>
                    {status.locked && <span className="muted"> · {t('facility.locked')}</span>}
                  </td>
                  <td>{status.updatedBy?.name ?? '—'}</td>
                  <td>{status.updatedAt ? formatDateTime(status.updatedAt, locale) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
