import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, query } from '../api/client.ts';
import { useSession } from '../api/session.tsx';
import type { OrgUnit, OrgUnitPage } from '../api/types.ts';
import { Pager } from '../components/Pager.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';

const LIMIT = 50;

/** Browse the tree level by level (the server returns only the user's subtrees) or search it. */
export function OrgUnits() {
  const { t } = useTranslation();
  const { programmeId } = useSession();
  const [params, setParams] = useSearchParams();
  const parent = params.get('parent') ?? undefined;
  const search = params.get('search') ?? '';
  const [draft, setDraft] = useState(search);
  const [offset, setOffset] = useState(0);
  const units = useQuery({
    queryKey: ['org-units', programmeId, parent, search, offset],
    queryFn: () =>
      api.get<OrgUnitPage>(
        `/api/programmes/${programmeId}/org-units${query({ parent, search: search || undefined, limit: LIMIT, offset })}`,
      ),
    enabled: !!programmeId,
  });
  const parentUnit = useQuery({
    queryKey: ['org-unit', programmeId, parent],
    queryFn: () => api.get<OrgUnit>(`/api/programmes/${programmeId}/org-units/${parent}`),
    enabled: !!programmeId && !!parent,
  });

  return (
    <section>
      <h1>{parent && parentUnit.data ? t('orgUnits.children', { name: parentUnit.data.name }) : t('orgUnits.title')}</h1>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setOffset(0);
          setParams(draft ? { search: draft } : {});
        }}
      >
        <label className="inline">
          {t('orgUnits.search')}
          <input type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </label>
        <button type="submit">{t('common.search')}</button>
      </form>
      {units.isPending && <Loading />}
      {units.error && <ErrorMessage error={units.error} onRetry={() => units.refetch()} />}
      {units.data && (
        <>
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t('orgUnits.title')}</th>
                <th scope="col">{t('orgUnits.groups')}</th>
                <th scope="col">{t('orgUnits.attributes')}</th>
              </tr>
            </thead>
            <tbody>
              {units.data.items.map((unit) => (
                <tr key={unit.id}>
                  <th scope="row">
                    <Link to={`/org-units?parent=${encodeURIComponent(unit.id)}`}>{unit.name}</Link>
                    <div className="muted">
                      {unit.id} · {t('orgUnits.level', { level: unit.level })} ·{' '}
                      <Link to={`/org-units/${encodeURIComponent(unit.id)}`}>{t('orgUnits.page')}</Link>
                    </div>
                  </th>
                  <td>{Object.entries(unit.groups).map(([set, group]) => `${set}: ${group}`).join(', ')}</td>
                  <td>{Object.entries(unit.attributes).map(([name, value]) => `${name}: ${value}`).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {units.data.items.length === 0 && <p>{t('common.none')}</p>}
          <Pager total={units.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />
        </>
      )}
    </section>
  );
}
