import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { pathIds } from '../api/scope.ts';
import { useSession } from '../api/session.tsx';
import { useUnit } from './queries.ts';

/**
 * The unit's place in the tree, from the root down. Ancestors above the user's scope cannot
 * be read: they are shown by their code, without a link, and never asked for.
 */
export function Breadcrumb({ programmeId, path }: { programmeId: string; path: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const ids = pathIds(path);
  const granted = new Set(me?.grants.filter((grant) => grant.programmeId === programmeId).map((grant) => grant.orgUnitId));
  const firstReadable = ids.findIndex((id) => granted.has(id));
  return (
    <nav aria-label={t('facility.breadcrumb')} className="breadcrumb">
      <ol>
        {ids.map((id, i) => (
          <li key={id}>
            <Crumb programmeId={programmeId} id={id} readable={firstReadable >= 0 && i >= firstReadable} current={i === ids.length - 1} />
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Crumb({ programmeId, id, readable, current }: { programmeId: string; id: string; readable: boolean; current: boolean }) {
  const unit = useUnit(programmeId, id, readable);
  const name = unit.data?.name ?? id;
  if (current) return <span aria-current="page">{name}</span>;
  if (!readable) return <span className="muted">{id}</span>;
  return <Link to={`/org-units/${encodeURIComponent(id)}`}>{name}</Link>;
}
