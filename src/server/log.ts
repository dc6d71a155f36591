import { pino, type Logger } from 'pino';
import type { LogLevel } from './settings.ts';

/**
 * The server's log: JSON lines on standard output (pino, as fastify ships it), made once at
 * start and given to the database (its lost connections, its failed batches) and to fastify
 * (requests, errors), so that everything the server logs is in one structured stream.
 * Nothing for `silent`: fastify then skips its per-request loggers altogether.
 */
export function serverLog(level: LogLevel): Logger | undefined {
  return level === 'silent' ? undefined : pino({ level });
}
