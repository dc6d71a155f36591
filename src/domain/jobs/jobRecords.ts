import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { JobKind, JobStatus, JobStep } from '../../contract/jobs.ts';
import type { Db } from '../../store/database.ts';
import { jobs, orgUnits } from '../../store/schema.ts';
import { isConnectionLost } from '../../store/connectionLost.ts';
import { AppError } from '../errors.ts';
import { subtreePattern } from '../subtree.ts';
import { arrayParam } from '../../store/sql.ts';

export type JobRow = typeof jobs.$inferSelect;

/** Why a job failed, as the API answers it: the error the work threw. */
export interface JobError {
  readonly code: string;
  readonly message: string;
  readonly details?: unknown;
}

export interface NewJob {
  readonly programmeId: string;
  readonly kind: JobKind;
  readonly orgUnitId: string;
  readonly scope: Record<string, unknown>;
  readonly createdBy: number;
}

export async function insertJob(db: Db, job: NewJob): Promise<JobRow> {
  const [row] = await db.insert(jobs).values(job).returning();
  return row!;
}

export async function markRunning(db: Db, id: number): Promise<void> {
  await db.update(jobs).set({ status: 'running', startedAt: new Date() }).where(eq(jobs.id, id));
}

export async function recordProgress(db: Db, id: number, step: JobStep, done: number, total: number): Promise<void> {
  await db.update(jobs).set({ step, progressDone: done, progressTotal: total }).where(eq(jobs.id, id));
}

export async function markSucceeded(db: Db, id: number, result: unknown): Promise<void> {
  await db.update(jobs).set({ status: 'succeeded', result, finishedAt: new Date() }).where(eq(jobs.id, id));
}

export async function markFailed(db: Db, id: number, error: JobError): Promise<void> {
  await db.update(jobs).set({ status: 'failed', error, finishedAt: new Date() }).where(eq(jobs.id, id));
}

const CONNECTION_LOST = 'the database connection was lost or the database is out of reach during the job; nothing of it was written: start it again';

/** The error a job records: an AppError as the API would have answered it; anything else, unexplained. */
export function jobError(error: unknown): JobError {
  if (isConnectionLost(error)) return { code: 'DATABASE_UNAVAILABLE', message: CONNECTION_LOST };
  if (error instanceof AppError) return { code: error.code, message: error.message, ...(error.details !== undefined ? { details: error.details } : {}) };
  return { code: 'INTERNAL', message: 'the job stopped on an unexpected error; the server log has its details' };
}

/**
 * Jobs that a stopped process left queued or running: their work is gone with it. Each kind
 * writes in one transaction (an invoice run stores whole or not at all), so nothing was half
 * applied; they are marked failed, to be started again. Returns their ids.
 */
export async function failInterrupted(db: Db): Promise<number[]> {
  const rows = await db
    .update(jobs)
    .set({
      status: 'failed',
      finishedAt: new Date(),
      error: { code: 'INTERRUPTED', message: 'the server stopped while the job was under way; nothing of it was written: start it again' },
    })
    .where(inArray(jobs.status, ['queued', 'running']))
    .returning({ id: jobs.id });
  return rows.map((row) => row.id).sort((a, b) => a - b);
}

export async function findJob(db: Db, programmeId: string, id: number): Promise<JobRow | undefined> {
  const [row] = await db.select().from(jobs).where(and(eq(jobs.programmeId, programmeId), eq(jobs.id, id)));
  return row;
}

export interface JobFilter {
  readonly programmeId: string;
  /** Root paths of the subtrees the reader may read ('/' for all). */
  readonly scopes: readonly string[];
  readonly kind?: JobKind;
  readonly status?: readonly JobStatus[];
  readonly limit: number;
}

/** The newest jobs over units under the reader's scopes. */
export async function listJobs(db: Db, filter: JobFilter): Promise<JobRow[]> {
  if (filter.scopes.length === 0) return [];
  const patterns = filter.scopes.map(subtreePattern);
  const rows = await db
    .select({ job: jobs })
    .from(jobs)
    .innerJoin(orgUnits, and(eq(orgUnits.programmeId, jobs.programmeId), eq(orgUnits.id, jobs.orgUnitId)))
    .where(
      and(
        eq(jobs.programmeId, filter.programmeId),
        sql`${orgUnits.path} like any(${arrayParam(patterns, 'text')})`,
        filter.kind === undefined ? undefined : eq(jobs.kind, filter.kind),
        filter.status === undefined ? undefined : inArray(jobs.status, [...filter.status]),
      ),
    )
    .orderBy(desc(jobs.id))
    .limit(filter.limit);
  return rows.map((row) => row.job);
}
