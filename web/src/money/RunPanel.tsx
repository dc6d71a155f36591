import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { startInvoiceRun } from '../../../src/contract/api/invoiceRuns.ts';
import type { Answer } from '../../../src/contract/http.ts';
import { JOB_UNDER_WAY } from '../../../src/contract/jobs.ts';
import { ApiError, api } from '../api/client.ts';
import { detailsOf } from '../api/errors.ts';
import { ErrorMessage } from '../components/Status.tsx';
import { formatPercent, formatPeriod } from '../i18n/format.ts';
import { isEntryPeriod } from '../../../src/contract/periods.ts';
import { RunErrors } from './RunErrors.tsx';
import { useJob, useJobUnderWay } from '../api/jobs.ts';
import { useRunOf, type RunJob, type RunSummary } from './runJob.ts';
import { useUnitNames } from './unitNames.ts';
import { useParam } from './scope.ts';

/**
 * Runs the invoices of the subtree and period shown (committee). The run is a job on the
 * server: its id goes in the page's address (`job=`), so a reload, or coming back to the
 * address, follows the same job; opened without one, the panel finds a run still under way.
 */
export function RunPanel({ programmeId, unit, period, onRun }: { programmeId: string; unit: string; period: string; onRun: (runId: number) => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [jobParam, setJobParam] = useParam('job');
  const underWay = useJobUnderWay(programmeId, 'invoice-run', jobParam === null);
  const jobId = jobParam !== null ? Number(jobParam) : (underWay.data?.id ?? null);
  const job = useJob(programmeId, 'invoice-run', jobId).data ?? undefined;
  const names = useUnitNames(programmeId, [unit, job?.scope.orgUnitId ?? unit]);
  const start = useMutation({
    mutationFn: () => api.post<Answer<typeof startInvoiceRun>>(`/api/programmes/${programmeId}/invoice-runs`, { orgUnitId: unit, period }, { idempotent: true }),
    onSuccess: (answer) => setJobParam(String(answer.job.id)),
  });
  const running = start.isPending || (job !== undefined && JOB_UNDER_WAY.has(job.status));
  const ended = job !== undefined && !JOB_UNDER_WAY.has(job.status) ? job.id : undefined;
  const finished = job?.status === 'succeeded' ? job.result?.runId : undefined;
  // A run that ended, well or not, is a new row of the history (a failed run is recorded too).
  useEffect(() => {
    if (ended === undefined) return;
    void queryClient.invalidateQueries({ queryKey: ['invoices'] });
    void queryClient.invalidateQueries({ queryKey: ['invoice-runs'] });
  }, [ended, queryClient]);
  // The run just made opens, as the committee computed it to read it.
  const show = useRef(onRun);
  useEffect(() => {
    show.current = onRun;
  });
  useEffect(() => {
    if (finished !== undefined) show.current(finished);
  }, [finished]);
  const ready = isEntryPeriod(period);

  return (
    <section className="card" aria-labelledby="run-title">
      <h2 id="run-title">{t('money.run.title')}</h2>
      <p className="muted small-text" id="run-help">
        {t('money.run.help')}
      </p>
      <button aria-describedby="run-help" type="button" disabled={!ready || running} onClick={() => start.mutate()}>
        {ready ? t('money.run.submit', { unit: names.get(unit) ?? unit, period: formatPeriod(period, i18n.language) }) : t('money.run.needPeriod')}
      </button>
      {start.isError && <ErrorMessage error={start.error} />}
      {job && JOB_UNDER_WAY.has(job.status) && <JobProgress job={job} unitName={names.get(job.scope.orgUnitId) ?? job.scope.orgUnitId} />}
      {job?.status === 'succeeded' && <RunOutcome programmeId={programmeId} job={job} onShow={onRun} />}
      {job?.status === 'failed' && <RunFailure programmeId={programmeId} job={job} />}
    </section>
  );
}

/** The job's step and, while the engine computes, how many of the subtree's units it has done. */
function JobProgress({ job, unitName }: { job: RunJob; unitName: string }) {
  const { t, i18n } = useTranslation();
  const label = t('money.run.running', { unit: unitName, period: formatPeriod(job.scope.period, i18n.language) });
  const { done, total } = job.progress;
  const counted = job.step === 'computing' && total > 0;
  return (
    <div className="progress" role="status">
      <progress aria-label={label} {...(counted ? { value: done, max: total } : {})} />
      <span>
        {label} {t(`money.run.step.${job.step ?? 'queued'}`, { done, total })}
      </span>
      <p className="muted small-text">{t('money.run.leave')}</p>
    </div>
  );
}

function RunOutcome({ programmeId, job, onShow }: { programmeId: string; job: RunJob; onShow: (runId: number) => void }) {
  const { t, i18n } = useTranslation();
  const run: RunSummary | undefined = useRunOf(programmeId, job).data;
  if (!run || !job.result) return null;
  const facts = { id: run.id, count: run.invoiceCount, period: formatPeriod(run.period, i18n.language) };
  const warnings = run.amountWarnings;
  return (
    <div role="status">
      <p className="banner">
        <span>{job.result.created ? t('money.run.created', facts) : t('money.run.unchanged', facts)}</span>
        <button type="button" className="link" onClick={() => onShow(run.id)}>
          {t('money.run.show', { id: run.id })}
        </button>
      </p>
      {warnings.total > 0 && (
        <p className="warn">
          {t('warnings.outcome', {
            count: warnings.total,
            share: formatPercent(warnings.maxChange, i18n.language),
            period: formatPeriod(warnings.previousPeriod, i18n.language),
          })}
        </p>
      )}
    </div>
  );
}

/** A failed run: its error as the server recorded it, and the engine's errors located by unit, period and activity. */
function RunFailure({ programmeId, job }: { programmeId: string; job: RunJob }) {
  const { t } = useTranslation();
  if (!job.error) return null;
  const error = new ApiError(1, job.error.code, job.error.message, job.error.details);
  const details = detailsOf(error, 'INVOICE_RUN_FAILED');
  return (
    <>
      <ErrorMessage error={error} />
      {details && (
        <RunErrors programmeId={programmeId} errors={details.errors} caption={t('money.run.errors', { count: details.errorCount })} />
      )}
    </>
  );
}
