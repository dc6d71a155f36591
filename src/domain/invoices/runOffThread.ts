import { Worker } from 'node:worker_threads';
import type { Database } from '../../store/database.ts';
import type { Actor } from '../actor.ts';
import type { ReportProgress } from '../jobs/jobRunner.ts';
import type { StorableComputation } from './computeInvoices.ts';
import { receivedError, type WorkerMessage } from './runMessages.ts';
import { runInvoices, type ComputeRun, type RunInvoicesProps } from './runInvoices.ts';
import type { WorkerTask } from './runWorker.ts';

/** What an invoice-run job answers: the run, and whether it is new or the stored one of unchanged inputs. */
export interface RunOutcome {
  readonly runId: number;
  readonly created: boolean;
}

const typescript = import.meta.url.endsWith('.ts');
const entry = new URL(typescript ? './runWorker.ts' : './runWorker.js', import.meta.url);

/**
 * An invoice run with the engine off the event loop: on PostgreSQL the whole run in a worker
 * thread with connections of its own; on PGlite, whose one connection is this thread's, the
 * inputs are read and the run written here and only the engine runs in the worker.
 */
export async function runOffThread(database: Database, actor: Actor, props: RunInvoicesProps, report: ReportProgress): Promise<RunOutcome> {
  if (database.url) return inWorker<RunOutcome>({ task: 'run', url: database.url, actor, props }, report);
  const compute: ComputeRun = (inputs, onProgress) =>
    inWorker<StorableComputation>({ task: 'compute', inputs }, async (_step, done, total) => onProgress(done, total));
  const answer = await runInvoices(database.db, actor, props, { report, compute });
  return { runId: answer.run.id, created: answer.created };
}

/**
 * Run by tsx (npm start, the tests), the thread must register tsx's loader before it reads
 * TypeScript: Node 20 does not carry a loader given to the process into a worker thread.
 * Compiled (dist/), the thread runs the JavaScript beside this file.
 */
function throughTsx(file: URL): string {
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return `import(${api}).then(({ register }) => { register(); return import(${JSON.stringify(file.href)}); })`;
}

function inWorker<T>(task: WorkerTask, report: ReportProgress): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = typescript ? new Worker(throughTsx(entry), { eval: true, workerData: task }) : new Worker(entry, { workerData: task });
    let answered = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') return void report(message.step, message.done, message.total);
      answered = true;
      if (message.type === 'done') resolve(message.value as T);
      else reject(receivedError(message.error));
    });
    worker.on('error', (error) => {
      answered = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!answered) reject(new Error(`the invoice run's worker thread stopped (exit code ${code}) before it answered`));
    });
  });
}
