import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../api/client.ts';
import { useSession } from '../api/session.tsx';
import type { listAudit } from '../../../src/contract/api/audit.ts';
import type { Answer } from '../../../src/contract/http.ts';
import { AuditChanges } from '../audit/AuditChanges.tsx';
import { Pager } from '../components/Pager.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { formatDateTime } from '../i18n/format.ts';

type AuditEntry = Answer<typeof listAudit>['items'][number];

const LIMIT = 50;

/** Every change, newest first: who, when, what, on which record, field by field, why. */
export function Audit() {
  const { t } = useTranslation();
  const { programmeId } = useSession();
  const [entity, setEntity] = useState('');
  const [offset, setOffset] = useState(0);
  const log = useQuery({
    queryKey: ['audit', programmeId, entity, offset],
    queryFn: () => api.get<Answer<typeof listAudit>>(`/api/programmes/${programmeId}/audit${query({ entity, limit: LIMIT, offset })}`),
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
          <table className="list audit-log">
            <colgroup>
              <col className="audit-when" />
              <col className="audit-who" />
              <col className="audit-what" />
              <col className="audit-record" />
              <col />
              <col className="audit-reason" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.what')}</th>
                <th scope="col">{t('audit.record')}</th>
                <th scope="col">{t('audit.changes')}</th>
                <th scope="col">{t('audit.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {log.data.items.map((entry) => (
                <AuditRow key={entry.id} entry={entry} />
              ))}
            </tbody>
          </table>
          <Pager total={log.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />
        </>
      )}
    </section>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const { t, i18n } = useTranslation();
  return (
    <tr data-entity={entry.entity}>
      <td>{formatDateTime(entry.at, i18n.language)}</td>
      <td>
        {entry.userName ?? entry.user ?? t('audit.system')}
        {entry.userName && <div className="muted code">{entry.user}</div>}
      </td>
      <td>
        {t(`audit.action.${entry.action}`, { defaultValue: entry.action })}
        <div className="muted">{t(`audit.entity.${entry.entity}`, { defaultValue: entry.entity })}</div>
      </td>
      <td>
        {entry.orgUnitName ?? <span className="code">{entry.entityKey}</span>}
        {entry.orgUnitName && <div className="muted code">{entry.entityKey}</div>}
      </td>
      <td>
        <AuditChanges oldValue={entry.oldValue} newValue={entry.newValue} />
      </td>
      <td>{entry.reason ?? ''}</td>
    </tr>
  );
}
