import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useSession } from '../api/session.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { Breadcrumb } from '../facility/Breadcrumb.tsx';
import { FacilityRisk } from '../facility/FacilityRisk.tsx';
import { isMonth, thisMonth } from '../../../src/contract/periods.ts';
import { firstMonthInForce, monthsUpTo } from '../facility/history.ts';
import { useChildCount, useUnit, useVersionStarts } from '../facility/queries.ts';
import { QuantityHistory } from '../facility/QuantityHistory.tsx';
import { UnitFacts } from '../facility/UnitFacts.tsx';
import { FacilityPayments } from '../money/FacilityPayments.tsx';

const HISTORY_MONTHS = 12;

/** One org unit: its place in the tree, who it is, its quantities and workflow over a year, its risk class. */
export function Facility() {
  const { t } = useTranslation();
  const { programmeId } = useSession();
  const { orgUnitId = '' } = useParams();
  if (!programmeId) return <p>{t('home.noProgramme')}</p>;
  return <FacilityPage key={`${programmeId}|${orgUnitId}`} programmeId={programmeId} orgUnitId={orgUnitId} />;
}

function FacilityPage({ programmeId, orgUnitId }: { programmeId: string; orgUnitId: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const unit = useUnit(programmeId, orgUnitId);
  const children = useChildCount(programmeId, orgUnitId);
  const versions = useVersionStarts(programmeId);
  const asked = params.get('to') ?? '';
  // The history ends with this month unless another month is chosen.
  const upTo = isMonth(asked) ? asked : thisMonth();
  const months = useMemo(() => monthsUpTo(upTo, HISTORY_MONTHS), [upTo]);

  if (unit.error) return <ErrorMessage error={unit.error} onRetry={() => unit.refetch()} />;
  if (!unit.data || versions.isPending) return <Loading />;
  const isFacility = children.data === 0;
  return (
    <section className="facility">
      <Breadcrumb programmeId={programmeId} path={unit.data.path} />
      <h1>{unit.data.name}</h1>
      <UnitFacts unit={unit.data} children={children.data} />
      {isFacility && <FacilityRisk programmeId={programmeId} orgUnitId={orgUnitId} />}
      {children.data !== undefined && !isFacility && (
        <p>
          <Link to={`/risk?root=${encodeURIComponent(orgUnitId)}`}>{t('facility.subtreeRisk')}</Link>
        </p>
      )}
      {versions.error && <ErrorMessage error={versions.error} onRetry={() => versions.refetch()} />}
      <QuantityHistory
        programmeId={programmeId}
        orgUnitId={orgUnitId}
        months={months}
        inForceFrom={firstMonthInForce(versions.data ?? [])}
        upTo={upTo}
        onUpTo={(month) => setParams({ to: month }, { replace: true })}
      />
      {isFacility && <FacilityPayments orgUnitId={orgUnitId} />}
    </section>
  );
}
