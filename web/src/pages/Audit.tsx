import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../api/client.ts';
import { useSession } from '../api/session.tsx';
import type { AuditEntry, Page } from '../api/types.ts';
import { Pager } from '../components/Pager.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { formatDateTime } from '../i18n/format.ts';

const LIMIT = 50;
const show = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

/** Every change, newest first: who, when, what, before, after, why. */
export function Audit() {
  const { t, i18n } = useTranslation();
  const { programmeId } = useSession();
  const [entity, setEntity] = useState('');
  const [offset, setOffset] = useState(0);
  const log = useQuery({
    queryKey: ['audit', programmeId, entity, offset],
    queryFn: () => api.get<Page<AuditEntry>>(`/api/programmes/${programmeId}/audit${query({ entity, limit: LIMIT, offset })}`),
    enabled: !!programmeId,
  });
  return (
    <section>
      <h1>{t('audit.title')}</h1>
      <label className="inline">
        {t('audit.what')}
        <input value={entity} onChange={(e) => { setOffset(0); setEntity(e.target.value); }} placeholder="data_value, invoice…" />
      </label>
      {log.isPending && <Loading />}
      {log.error && <ErrorMessage error={log.error} onRetry={() => log.refetch()} />}
      {log.data && (
        <>
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.what')}</th>
                <th scope="col">{t('audit.record')}</th>
                <th scope="col">{t('audit.old')}</th>
                <th scope="col">{t('audit.new')}</th>
                <th scope="col">{t('audit.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {log.data.items.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDateTime(entry.at, i18n.language)}</td>
                  <td>{entry.user ?? '—'}</td>
                  <td>{`${entry.action} ${entry.entity}`}</td>
                  <td className="code">{entry.entityKey}</td>
                  <td className="code">{show(entry.oldValue)}</td>
                  <td className="code">{show(entry.newValue)}</td>
                  <td>{entry.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager total={log.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />
        </>
      )}
    </section>
  );
}
