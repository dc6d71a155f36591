import type { z } from 'zod';
import type { dataImportJob, invoiceRunJob, job } from '../../contract/api/jobs.ts';
import type { JobKind, JobStatus } from '../../contract/jobs.ts';
import type { Db } from '../../store/database.ts';
import type { Actor } from '../actor.ts';
import { errors } from '../errors.ts';
import { authorize, scopePaths } from '../scope.ts';
import { findJob, listJobs, type JobRow } from './jobRecords.ts';

type JobView = z.output<typeof job>;
type InvoiceRunJob = z.output<typeof invoiceRunJob>;
type DataImportJob = z.output<typeof dataImportJob>;

/** A job as the API presents it (the contract's `job`): its scope and result as its kind wrote them. */
export function jobView(row: JobRow): JobView {
  const fields = {
    id: row.id,
    programmeId: row.programmeId,
    orgUnitId: row.orgUnitId,
    createdBy: row.createdBy,
    status: row.status,
    step: row.step,
    progress: { done: row.progressDone, total: row.progressTotal },
    error: row.error as JobView['error'],
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
  if (row.kind === 'data-import') {
    return { ...fields, kind: row.kind, scope: row.scope as DataImportJob['scope'], result: row.result as DataImportJob['result'] };
  }
  return { ...fields, kind: row.kind, scope: row.scope as InvoiceRunJob['scope'], result: row.result as InvoiceRunJob['result'] };
}

/** A data-import job as its start answers it. */
export function dataImportJobView(row: JobRow): DataImportJob {
  const view = jobView(row);
  if (view.kind !== 'data-import') throw new Error(`job ${row.id} is not a data import`);
  return view;
}

/**
 * One job, to whoever may read the unit it works on: the same people who may read the run it
 * makes (a province's committee sees its province's jobs, not another's; national roles all);
 * and to who started it (an import over two districts of one's own is about their province).
 */
export async function readJob(db: Db, actor: Actor, programmeId: string, id: number) {
  const row = await findJob(db, programmeId, id);
  if (!row) throw errors.notFound(`job ${id} of programme '${programmeId}'`);
  if (row.createdBy !== actor.userId) await authorize(db, actor, programmeId, 'read', row.orgUnitId);
  return jobView(row);
}

/**
 * The newest jobs over units the actor may read, of a kind and statuses when given: a screen
 * finds one under way again in its scope (one's own job elsewhere is read by its id only).
 */
export async function readJobs(db: Db, actor: Actor, programmeId: string, filter: { kind?: JobKind; status?: readonly JobStatus[] }) {
  const rows = await listJobs(db, { programmeId, scopes: scopePaths(actor, programmeId, 'read'), limit: 50, ...filter });
  return { items: rows.map(jobView) };
}
