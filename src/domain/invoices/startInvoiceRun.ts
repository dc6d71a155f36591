import type { Database } from '../../store/database.ts';
import type { Actor } from '../actor.ts';
import type { JobRow } from '../jobs/jobRecords.ts';
import type { JobRunner } from '../jobs/jobRunner.ts';
import { authorize } from '../scope.ts';
import { invoicePeriod } from './periods.ts';
import { runOffThread } from './runOffThread.ts';
import type { RunInvoicesProps } from './runInvoices.ts';

/**
 * Starts an invoice run as a job and returns the job at once. What can be refused at once is
 * (the committee's scope, the period's form); the rest — engine errors, a status changed
 * meanwhile — is the job's error. Its result is the run's id.
 */
export async function startInvoiceRun(database: Database, jobs: JobRunner, actor: Actor, props: RunInvoicesProps): Promise<JobRow> {
  await authorize(database.db, actor, props.programmeId, 'invoice.prepare', props.orgUnitId);
  const period = invoicePeriod(props.period).id;
  return jobs.start(
    { programmeId: props.programmeId, kind: 'invoice-run', orgUnitId: props.orgUnitId, scope: { orgUnitId: props.orgUnitId, period }, createdBy: actor.userId },
    (report) => runOffThread(database, actor, { ...props, period }, report),
  );
}
