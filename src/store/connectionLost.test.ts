import { describe, expect, it } from 'vitest';
import { isConnectionLost } from './connectionLost.ts';

const coded = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('a lost database connection, told from other errors', () => {
  it.each([
    ['pg_terminate_backend', coded('57P01', 'terminating connection due to administrator command')],
    ['a crash of another backend', coded('57P02')],
    ['a server still starting', coded('57P03', 'the database system is starting up')],
    ['a connection exception', coded('08006')],
    ['a refused connection', coded('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a reset socket', coded('ECONNRESET', 'read ECONNRESET')],
    ['the end of the socket', new Error('Connection terminated unexpectedly')],
    ['a query on a dead client', new Error('Client has encountered a connection error and is not queryable')],
    ['a loss under the query builder', new Error('Failed query: rollback', { cause: new Error('Client was closed and is not queryable') })],
  ])('%s is one', (_name, error) => expect(isConnectionLost(error)).toBe(true));

  it.each([
    ['a unique violation', coded('23505', 'duplicate key value violates unique constraint')],
    ['a lock timeout', coded('55P03', 'canceling statement due to lock timeout')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error', 'Connection terminated'],
  ])('%s is not', (_name, error) => expect(isConnectionLost(error)).toBe(false));
});
