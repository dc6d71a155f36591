import type { RunError } from '../../contract/api/invoiceRuns.ts';
import { describeError, type EngineError } from '../../engine/index.ts';
import type { Db } from '../../store/database.ts';
import { invoiceRuns } from '../../store/schema.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { AppError, errors } from '../errors.ts';
import type { RunInputs } from './loadRunInputs.ts';
import { transaction } from '../../store/transaction.ts';

/** Engine errors as API details, located by unit, period and activity when the engine knows them. */
export function runErrorDetails(problems: readonly EngineError[]) {
  return problems.map((problem) => ({
    code: problem.code,
    at: problem.at,
    ...(problem.orgUnit !== undefined ? { orgUnit: problem.orgUnit } : {}),
    ...(problem.period !== undefined ? { period: problem.period } : {}),
    ...(problem.activity !== undefined ? { activity: problem.activity } : {}),
    message: describeError(problem),
  }));
}

export function runFailed(scope: { rootOrgUnitId: string; period: string }, runId: number, details: readonly RunError[], errorCount: number): AppError {
  return errors.unprocessable(
    'INVOICE_RUN_FAILED',
    `invoice run ${runId} over '${scope.rootOrgUnitId}' for ${scope.period} failed with ${errorCount} engine error(s), first: ${details[0]?.message ?? 'unknown'}; nothing was invoiced`,
    { runId, errorCount, errors: details },
  );
}

/**
 * Records a run the engine could not complete — the run row with its errors, no inputs,
 * values or invoices — and returns the 422 to answer with.
 */
export async function failRun(
  db: Db,
  actor: Actor,
  inputs: RunInputs,
  failure: { errors: readonly EngineError[]; errorCount: number },
  startedAt: Date,
): Promise<AppError> {
  const details = runErrorDetails(failure.errors);
  const runId = await transaction(db, async (tx) => {
    const [row] = await tx
      .insert(invoiceRuns)
      .values({
        programmeId: inputs.programmeId,
        rootOrgUnitId: inputs.rootOrgUnitId,
        period: inputs.period.id,
        programmeVersion: inputs.version.version,
        inputsHash: inputs.hash,
        status: 'failed',
        errors: details,
        startedBy: actor.userId,
        startedAt,
      })
      .returning({ id: invoiceRuns.id });
    await recordAudit(tx, {
      programmeId: inputs.programmeId,
      userId: actor.userId,
      action: 'run',
      entity: 'invoice_run',
      entityKey: String(row!.id),
      orgUnitId: inputs.rootOrgUnitId,
      newValue: { status: 'failed', rootOrgUnitId: inputs.rootOrgUnitId, period: inputs.period.id, errorCount: failure.errorCount },
    });
    return row!.id;
  });
  return runFailed({ rootOrgUnitId: inputs.rootOrgUnitId, period: inputs.period.id }, runId, details, failure.errorCount);
}
