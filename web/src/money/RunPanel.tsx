import { useMutation, useMutationState, useQueryClient, type MutationState } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api/client.ts';
import { ErrorMessage } from '../components/Status.tsx';
import { formatPercent, formatPeriod } from '../i18n/format.ts';
import { isInvoicePeriod } from './periods.ts';
import { Progress } from './Progress.tsx';
import { RunErrors } from './RunErrors.tsx';
import type { RunAnswer, RunError } from './runTypes.ts';
import { useUnitNames } from './unitNames.ts';

interface RunRequest {
  readonly unit: string;
  readonly period: string;
}

const runKey = (programmeId: string) => ['invoice-run', programmeId];

/**
 * Runs the invoices of the subtree and period shown (committee). The run is a mutation of
 * the app-wide query client, not of this screen: leaving the screen does not stop it, and
 * coming back shows it still running, or its outcome.
 */
export function RunPanel({ programmeId, unit, period, onRun }: { programmeId: string; unit: string; period: string; onRun: (runId: number) => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const states = useMutationState({ filters: { mutationKey: runKey(programmeId) }, select: (mutation) => mutation.state as MutationState<RunAnswer, Error, RunRequest> });
  const last = states.at(-1);
  const names = useUnitNames(programmeId, [unit, last?.variables?.unit ?? unit]);
  const run = useMutation({
    mutationKey: runKey(programmeId),
    mutationFn: (request: RunRequest) => api.post<RunAnswer>(`/api/programmes/${programmeId}/invoice-runs`, { orgUnitId: request.unit, period: request.period }, { idempotent: true }),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['invoices'] }), queryClient.invalidateQueries({ queryKey: ['invoice-runs'] })]),
  });
  const running = last?.status === 'pending';
  const ready = isInvoicePeriod(period);
  const scopeName = names.get(unit) ?? unit;
  const runningUnit = last?.variables?.unit ?? '';

  return (
    <section className="card" aria-labelledby="run-title">
      <h2 id="run-title">{t('money.run.title')}</h2>
      <p className="muted small-text" id="run-help">
        {t('money.run.help')}
      </p>
      <button aria-describedby="run-help" type="button" disabled={!ready || running} onClick={() => run.mutate({ unit, period }, { onSuccess: (answer) => onRun(answer.run.id) })}>
        {ready ? t('money.run.submit', { unit: scopeName, period: formatPeriod(period, i18n.language) }) : t('money.run.needPeriod')}
      </button>
      {last && running && (
        <Progress
          since={last.submittedAt}
          label={t('money.run.running', { unit: names.get(runningUnit) ?? runningUnit, period: formatPeriod(last.variables?.period ?? '', i18n.language) })}
          note={t('money.run.leave')}
        />
      )}
      {last?.status === 'success' && last.data && <RunOutcome answer={last.data} onShow={() => onRun(last.data!.run.id)} />}
      {last?.status === 'error' && <RunFailure programmeId={programmeId} error={last.error} />}
    </section>
  );
}

function RunOutcome({ answer, onShow }: { answer: RunAnswer; onShow: () => void }) {
  const { t, i18n } = useTranslation();
  const facts = { id: answer.run.id, count: answer.run.invoiceCount, period: formatPeriod(answer.run.period, i18n.language) };
  const warnings = answer.run.amountWarnings;
  return (
    <div role="status">
      <p className="banner">
        <span>{answer.created ? t('money.run.created', facts) : t('money.run.unchanged', facts)}</span>
        <button type="button" className="link" onClick={onShow}>
          {t('money.run.show', { id: answer.run.id })}
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

/** A refused run: engine errors located by unit, period and activity when it is a 422. */
function RunFailure({ programmeId, error }: { programmeId: string; error: Error | null }) {
  const { t } = useTranslation();
  const details = error instanceof ApiError && error.code === 'INVOICE_RUN_FAILED' ? (error.details as { errors?: RunError[]; errorCount?: number }) : undefined;
  return (
    <>
      <ErrorMessage error={error} />
      {details?.errors && (
        <RunErrors programmeId={programmeId} errors={details.errors} caption={t('money.run.errors', { count: details.errorCount ?? details.errors.length })} />
      )}
    </>
  );
}
