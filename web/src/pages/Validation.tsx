import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useSession } from '../api/session.tsx';
import { ErrorMessage } from '../components/Status.tsx';
import { useRulesInForce } from '../entry/api.ts';
import { PeriodSelect } from '../entry/PeriodSelect.tsx';
import { WORKFLOW_STATUSES } from '../../../src/contract/workflow.ts';
import { isEntryPeriod, lastCompletedMonth, lastCompletedQuarter, periodsBack } from '../../../src/contract/periods.ts';
import { useUnitNames } from '../money/unitNames.ts';
import { StatusList } from '../validation/StatusList.tsx';


/** The committee's list: where each facility of its subtree stands for a period. */
export function Validation() {
  const { t } = useTranslation();
  const { programmeId, capability } = useSession();
  if (!programmeId) return <p>{t('home.noProgramme')}</p>;
  if (!capability('data.validate').somewhere) return <ErrorMessage error={new ApiError(403, 'FORBIDDEN', '')} />;
  return <ValidationScreen key={programmeId} programmeId={programmeId} />;
}

function ValidationScreen({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const { capability } = useSession();
  const [params, setParams] = useSearchParams();
  const roots = capability('data.validate').roots;
  const rootNames = useUnitNames(programmeId, roots);
  const requested = params.get('period');
  const period = isEntryPeriod(requested) ? requested : lastCompletedMonth();
  const status = WORKFLOW_STATUSES.find((candidate) => candidate === params.get('status'));
  const root = roots.find((candidate) => candidate === params.get('root')) ?? roots[0];
  const { rules } = useRulesInForce(programmeId, period);
  const groups = useMemo(
    () => [
      { label: t('validation.months'), periods: periodsBack(lastCompletedMonth(), 24) },
      { label: t('validation.quarters'), periods: periodsBack(lastCompletedQuarter(), 8) },
    ],
    [t],
  );
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setParams(next);
  };

  return (
    <section className="validation">
      <h1>{t('validation.title')}</h1>
      <div className="pickers">
        <PeriodSelect label={t('validation.period')} value={period} groups={groups} onChange={(next) => set({ period: next })} />
        <label className="inline">
          {t('validation.status')}
          <select value={status ?? ''} onChange={(event) => set({ status: event.target.value || undefined })}>
            <option value="">{t('validation.allStatuses')}</option>
            {WORKFLOW_STATUSES.map((candidate) => (
              <option key={candidate} value={candidate}>
                {t(`workflow.status.${candidate}`)}
              </option>
            ))}
          </select>
        </label>
        {roots.length > 1 && (
          <label className="inline">
            {t('validation.subtree')}
            <select value={root} onChange={(event) => set({ root: event.target.value })}>
              {roots.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {rootNames.get(candidate) ?? candidate}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <StatusList programmeId={programmeId} params={{ period, root, status }} rules={rules.data} />
    </section>
  );
}
