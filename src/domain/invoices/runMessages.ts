import type { JobStep } from '../../contract/jobs.ts';
import { isConnectionLost } from '../../store/connectionLost.ts';
import { AppError } from '../errors.ts';

/** What a run's worker thread tells the thread that started it (runWorker.ts, runOffThread.ts). */
export type WorkerMessage =
  | { readonly type: 'progress'; readonly step: JobStep; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly value: unknown }
  | { readonly type: 'error'; readonly error: SentError };

/** An error across threads: an AppError keeps its status, code and details; anything else its message and stack. */
export interface SentError {
  readonly status?: number;
  readonly code?: string;
  readonly message: string;
  readonly details?: unknown;
  readonly stack?: string;
}

export function sendError(error: unknown): SentError {
  // Its driver's error does not cross threads whole: it is told as the 503 the server would answer.
  if (isConnectionLost(error)) return { status: 503, code: 'DATABASE_UNAVAILABLE', message: 'the database connection was lost during the run; nothing of it was written: start it again' };
  if (error instanceof AppError) return { status: error.status, code: error.code, message: error.message, details: error.details };
  if (error instanceof Error) return { message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
  return { message: String(error) };
}

export function receivedError(sent: SentError): Error {
  if (sent.status !== undefined && sent.code !== undefined) return new AppError(sent.status, sent.code, sent.message, sent.details);
  const error = new Error(sent.message);
  if (sent.stack) error.stack = sent.stack;
  return error;
}
