import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../store/database.ts';
import { jobs } from '../../store/schema.ts';
import { PROGRAMME, seed } from '../../../test/support/api.ts';
import { backends, testDatabase } from '../../../test/support/database.ts';
import { errors } from '../errors.ts';
import { failInterrupted, type NewJob } from './jobRecords.ts';
import { JobRunner } from './jobRunner.ts';

/** A promise the test resolves when it chooses: the work waits on it, so the test sees the job mid-way. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe.each(backends)('jobs (%s)', (kind) => {
  let database: Database;
  let job: NewJob;
  const row = async (id: number) => (await database.db.select().from(jobs).where(eq(jobs.id, id)))[0]!;

  beforeAll(async () => {
    database = await testDatabase(kind);
    const users = await seed(database);
    job = { programmeId: PROGRAMME, kind: 'invoice-run', orgUnitId: 'p1', scope: { orgUnitId: 'p1', period: '202401' }, createdBy: users.validator };
  });
  afterAll(() => database.close());

  it('goes queued → running → succeeded, with its progress and result', async () => {
    const runner = new JobRunner(database.db);
    const halfway = gate();
    const seen: string[] = [];
    const started = await runner.start(job, async (report) => {
      seen.push((await row(started.id)).status);
      await report('computing', 5, 10);
      const during = await row(started.id);
      seen.push(`${during.step} ${during.progressDone}/${during.progressTotal}`);
      await halfway.opened;
      await report('computing', 10, 10);
      return { runId: 7, created: true };
    });
    expect(started).toMatchObject({ status: 'queued', progressDone: 0, startedAt: null, finishedAt: null });
    halfway.open();
    await runner.settled(started.id);
    expect(seen).toEqual(['running', 'computing 5/10']);
    const done = await row(started.id);
    expect(done).toMatchObject({ status: 'succeeded', step: 'computing', progressDone: 10, progressTotal: 10, result: { runId: 7, created: true }, error: null });
    expect(done.startedAt!.getTime()).toBeLessThanOrEqual(done.finishedAt!.getTime());
  });

  it('fails with the error the work threw: an AppError as the API answers it, anything else unexplained and logged', async () => {
    const logged: unknown[] = [];
    const runner = new JobRunner(database.db, (error) => logged.push(error));
    const refused = await runner.start(job, async () => {
      throw errors.conflict("the workflow status of 'cds_1' changed while the run was computing", [{ orgUnitId: 'cds_1' }]);
    });
    const broken = await runner.start(job, async () => {
      throw new Error('secret internals');
    });
    await runner.idle();
    expect(await row(refused.id)).toMatchObject({
      status: 'failed',
      result: null,
      error: { code: 'CONFLICT', message: expect.stringContaining("'cds_1' changed"), details: [{ orgUnitId: 'cds_1' }] },
    });
    expect(await row(broken.id)).toMatchObject({ status: 'failed', error: { code: 'INTERNAL', message: expect.not.stringContaining('secret') } });
    expect(logged).toEqual([expect.objectContaining({ message: 'secret internals' })]);
  });

  it('runs one job at a time: the next waits queued', async () => {
    const runner = new JobRunner(database.db);
    const first = gate();
    const a = await runner.start(job, () => first.opened.then(() => null));
    const b = await runner.start(job, async () => null);
    const during = await runner.start(job, async () => [(await row(a.id)).status, (await row(b.id)).status]);
    first.open();
    await runner.idle();
    expect((await row(during.id)).result).toEqual(['succeeded', 'succeeded']);
    // While `a` waited on its gate, `b` had not started.
    expect((await row(b.id)).startedAt!.getTime()).toBeGreaterThanOrEqual((await row(a.id)).finishedAt!.getTime());
  });

  it('marks the jobs a stopped process left queued or running as failed, and leaves finished ones', async () => {
    const [running] = await database.db.insert(jobs).values({ ...job, status: 'running', startedAt: new Date() }).returning();
    const [queued] = await database.db.insert(jobs).values(job).returning();
    const [finished] = await database.db.insert(jobs).values({ ...job, status: 'succeeded', result: { runId: 1, created: true } }).returning();
    expect(await failInterrupted(database.db)).toEqual([running!.id, queued!.id]);
    for (const id of [running!.id, queued!.id]) {
      expect(await row(id)).toMatchObject({ status: 'failed', error: { code: 'INTERRUPTED' }, finishedAt: expect.any(Date) });
    }
    expect(await row(finished!.id)).toMatchObject({ status: 'succeeded', error: null });
    expect(await failInterrupted(database.db)).toEqual([]);
  });
});
