/**
 * A worker thread's side of an invoice run (started by runOffThread.ts), so that the
 * engine's seconds of CPU never hold up the server's event loop. Two tasks:
 * - `run` (PostgreSQL): the whole run, on connections of its own — reading millions of
 *   values, hashing, sorting, computing and writing them all stay off the main thread;
 * - `compute` (PGlite, whose one connection lives on the main thread): the engine alone,
 *   over inputs the main thread read.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../store/database.ts';
import type { Actor } from '../actor.ts';
import { computeInvoices, storable } from './computeInvoices.ts';
import type { RunInputs } from './loadRunInputs.ts';
import { sendError, type WorkerMessage } from './runMessages.ts';
import { runInvoices, type RunInvoicesProps } from './runInvoices.ts';

export type WorkerTask =
  | { readonly task: 'run'; readonly url: string; readonly actor: Actor; readonly props: RunInvoicesProps }
  | { readonly task: 'compute'; readonly inputs: RunInputs };

const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

async function perform(task: WorkerTask): Promise<void> {
  if (task.task === 'compute') {
    const computation = storable(computeInvoices(task.inputs, { onProgress: (done, total) => post({ type: 'progress', step: 'computing', done, total }) }));
    post({ type: 'done', value: computation }, computation.ok ? [computation.values.values.buffer as ArrayBuffer] : []);
    return;
  }
  const database = await openDatabase({ url: task.url });
  try {
    const answer = await runInvoices(database.db, task.actor, task.props, { report: async (step, done, total) => post({ type: 'progress', step, done, total }) });
    post({ type: 'done', value: { created: answer.created, runId: answer.run.id } });
  } finally {
    await database.close();
  }
}

perform(workerData as WorkerTask).catch((error: unknown) => post({ type: 'error', error: sendError(error) }));
