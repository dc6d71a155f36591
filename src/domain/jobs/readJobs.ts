import type { JobKind, JobStatus } from '../../contract/jobs.ts';
import type { Db } from '../../store/database.ts';
import type { Actor } from '../actor.ts';
import { errors } from '../errors.ts';
import { authorize, scopePaths } from '../scope.ts';
import { findJob, listJobs, type JobRow } from './jobRecords.ts';

/** A job as the API presents it (the contract's `job`). */
export function jobView(row: JobRow) {
  return {
    id: row.id,
    programmeId: row.programmeId,
    kind: row.kind,
    orgUnitId: row.orgUnitId,
    scope: row.scope as { orgUnitId: string; period: string },
    createdBy: row.createdBy,
    status: row.status,
    step: row.step,
    progress: { done: row.progressDone, total: row.progressTotal },
    result: row.result as { runId: number; created: boolean } | null,
    error: row.error as { code: string; message: string; details?: unknown } | null,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}

/**
 * One job, to whoever may read the unit it works on: the same people who may read the run it
 * makes (a province's committee sees its province's jobs, not another's; national roles all).
 */
export async function readJob(db: Db, actor: Actor, programmeId: string, id: number) {
  const row = await findJob(db, programmeId, id);
  if (!row) throw errors.notFound(`job ${id} of programme '${programmeId}'`);
  await authorize(db, actor, programmeId, 'read', row.orgUnitId);
  return jobView(row);
}

/** The newest jobs the actor may see, of a kind and statuses when given. */
export async function readJobs(db: Db, actor: Actor, programmeId: string, filter: { kind?: JobKind; status?: readonly JobStatus[] }) {
  const rows = await listJobs(db, { programmeId, scopes: scopePaths(actor, programmeId, 'read'), limit: 50, ...filter });
  return { items: rows.map(jobView) };
}
