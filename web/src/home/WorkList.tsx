import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../api/session.tsx';
import type { Action } from '../../../src/contract/actions.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { fetchStatuses, packageLabel, statusesKey, useRulesInForce, type StatusLine, type WorkflowStatus } from '../entry/api.ts';
import { formatPeriod } from '../i18n/format.ts';
import type { MessageKey } from '../i18n/en.ts';

/** A home page shows the first few, and the others on demand (as many as a page of the API holds). */
const SHOWN = 20;
const ALL = 1000;

export interface WorkListProps {
  /** The step the work waits for: its subtrees are where the list looks. */
  readonly action: Action;
  /** The status the work waits in: open for the clerk, declared for the verifier, verified for the committee. */
  readonly status: WorkflowStatus;
  readonly title: MessageKey;
  /** The periods whose work waits (the last month and quarter that ended). */
  readonly periods: readonly string[];
  link(line: StatusLine): string;
}

/** What waits for one step: its facilities' packages in a status, in the subtrees the user takes the step on. */
export function WorkList({ action, status, title, periods, link }: WorkListProps) {
  const { t } = useTranslation();
  const headingId = `work-${action.replace('.', '-')}`;
  return (
    <section className="card work-list" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(title)}</h2>
      {periods.map((period) => (
        <PeriodWork key={period} action={action} status={status} period={period} link={link} />
      ))}
    </section>
  );
}

interface PeriodWorkProps {
  readonly action: Action;
  readonly status: WorkflowStatus;
  readonly period: string;
  link(line: StatusLine): string;
}

function PeriodWork({ action, status, period, link }: PeriodWorkProps) {
  const { t, i18n } = useTranslation();
  const { capability, programmeId } = useSession();
  const { rules, none, error: rulesError } = useRulesInForce(programmeId!, period);
  const [limit, setLimit] = useState(SHOWN);
  // A period without rules in force has nothing to enter, verify or validate.
  const roots = none ? [] : capability(action).roots;
  const results = useQueries({
    queries: roots.map((root) => ({
      queryKey: statusesKey(programmeId!, { period, root, status }, limit, 0),
      queryFn: () => fetchStatuses(programmeId!, { period, root, status }, limit, 0),
      placeholderData: (previous: Awaited<ReturnType<typeof fetchStatuses>> | undefined) => previous,
    })),
  });
  if (none) return null;
  const error = rulesError ?? results.find((result) => result.error)?.error;
  if (error) return <ErrorMessage error={error} />;
  if (results.some((result) => result.isPending)) return <Loading />;
  const lines = results.flatMap((result) => result.data?.items ?? []);
  const total = results.reduce((count, result) => count + (result.data?.total ?? 0), 0);
  const label = formatPeriod(period, i18n.language);
  return (
    <div className="period-work">
      <h3>
        {label} <span className="badge">{total}</span>
      </h3>
      {lines.length === 0 ? (
        <p className="muted small-text">{t('home.nothing')}</p>
      ) : (
        <ul aria-label={label}>
          {lines.map((line) => (
            <li key={`${line.orgUnit}/${line.period}/${line.package}`}>
              <Link to={link(line)}>{line.orgUnitName}</Link> <span className="muted">{packageLabel(rules.data, line.package)}</span>
            </li>
          ))}
        </ul>
      )}
      {total > lines.length && (
        <button type="button" className="link small-text" onClick={() => setLimit(ALL)}>
          {t('home.more', { count: total - lines.length })}
        </button>
      )}
    </div>
  );
}
