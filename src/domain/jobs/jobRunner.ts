import type { JobStep } from '../../contract/jobs.ts';
import type { Db } from '../../store/database.ts';
import { insertJob, jobError, markFailed, markRunning, markSucceeded, recordProgress, type JobRow, type NewJob } from './jobRecords.ts';

/**
 * How a job's work tells how far it got; written to the job row, a step change or a
 * hundredth at a time, in order. Resolves once written: the work need not wait for it.
 */
export type ReportProgress = (step: JobStep, done: number, total: number) => Promise<void>;

/** A job's work: it reports progress and resolves to the job's result (JSON), or throws why it failed. */
export type JobWork = (report: ReportProgress) => Promise<unknown>;

/**
 * Runs jobs off the request path, one after another, in this process: a national invoice run
 * holds its inputs and values in memory and keeps a core busy, so two at once would only
 * slow each other (and serialise on the invoices' lock anyway). Owned by the app (one per
 * database), never a module singleton. Work that throws an unexpected error is logged here.
 */
export class JobRunner {
  #queue: Promise<void> = Promise.resolve();
  readonly #settled = new Map<number, Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly logError: (error: unknown, jobId: number) => void = () => undefined,
  ) {}

  /** Records the job as queued and runs it when the jobs before it are done; returns its row at once. */
  async start(job: NewJob, work: JobWork): Promise<JobRow> {
    const row = await insertJob(this.db, job);
    const settled = this.#queue.then(() => this.#run(row.id, work));
    this.#queue = settled;
    this.#settled.set(row.id, settled);
    void settled.then(() => this.#settled.delete(row.id));
    return row;
  }

  /** Resolves once the job (started by this runner) succeeded or failed; at once for any other. */
  settled(id: number): Promise<void> {
    return this.#settled.get(id) ?? Promise.resolve();
  }

  /** Resolves once every job started so far is done: the app waits for it before closing the database. */
  idle(): Promise<void> {
    return this.#queue;
  }

  async #run(id: number, work: JobWork): Promise<void> {
    const progress = progressWriter(this.db, id);
    try {
      await markRunning(this.db, id);
      const result = await work(progress.report);
      await progress.flushed();
      await markSucceeded(this.db, id, result);
    } catch (error) {
      await progress.flushed();
      const recorded = jobError(error);
      if (recorded.code === 'INTERNAL') this.logError(error, id);
      await markFailed(this.db, id, recorded).catch((failure: unknown) => this.logError(failure, id));
    }
  }
}

/**
 * Progress reports are synchronous (the engine calls back per unit); the row is written in
 * order behind them, only when the step or the hundredth changes, so that a run over 20,000
 * units writes about a hundred rows, not 20,000.
 */
function progressWriter(db: Db, id: number) {
  let written = Promise.resolve();
  let last = { step: '', hundredth: -1 };
  return {
    report(step: JobStep, done: number, total: number): Promise<void> {
      const hundredth = total === 0 ? 0 : Math.floor((done * 100) / total);
      if (step === last.step && hundredth === last.hundredth) return written;
      last = { step, hundredth };
      // A progress row that fails to be written (the database busy or gone) must not fail the work itself.
      written = written.then(() => recordProgress(db, id, step, done, total)).catch(() => undefined);
      return written;
    },
    flushed: () => written,
  };
}
