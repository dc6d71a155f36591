import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, query } from '../api/client.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { formatDateTime, formatPeriod } from '../i18n/format.ts';
import type { Corrections } from './records.ts';

/** The corrections recorded on a facility's period after approval, and where each is applied (or that it waits). */
export function CorrectionList({ programmeId, orgUnitId, period }: { programmeId: string; orgUnitId: string; period: string }) {
  const { t, i18n } = useTranslation();
  const list = useQuery({
    queryKey: ['corrections', programmeId, orgUnitId, period],
    queryFn: () => api.get<Corrections>(`/api/programmes/${programmeId}/corrections${query({ orgUnitId, period })}`),
  });
  if (list.isPending) return <Loading />;
  if (list.error) return <ErrorMessage error={list.error} onRetry={() => list.refetch()} />;
  if (list.data.items.length === 0) return null;
  return (
    <section aria-labelledby="corrections-title" className="card corrections">
      <h2 id="corrections-title">{t('adjust.list.title', { count: list.data.items.length })}</h2>
      <ul>
        {list.data.items.map((correction) => (
          <li key={correction.id} data-correction={correction.id}>
            <strong>{correction.reason}</strong>{' '}
            <span className="muted small-text">
              {t('adjust.list.by', { name: correction.createdByName ?? '—', date: formatDateTime(correction.createdAt, i18n.language), period: formatPeriod(correction.period, i18n.language) })}
            </span>
            <div className="small-text">
              {Object.entries(correction.values)
                .flatMap(([activity, states]) => Object.entries(states).map(([state, value]) => `${activity} (${t(`adjust.state.${state}`, { defaultValue: state })}) → ${value}`))
                .join(' · ')}
            </div>
            <div className="small-text">
              {correction.appliedBy.length === 0
                ? t('adjust.list.waiting')
                : correction.appliedBy.map((applied) => (
                    <Link key={applied.invoiceId} to={`/invoices/${applied.invoiceId}`}>
                      {t('adjust.list.applied', { id: applied.invoiceId, period: formatPeriod(applied.period, i18n.language), status: t(`money.status.${applied.status}`) })}
                    </Link>
                  ))}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
