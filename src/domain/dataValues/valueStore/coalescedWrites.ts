import { groupBy } from '../../../store/bulk.ts';
import { coalesced } from '../../../store/coalesced.ts';
import type { Db, Tx } from '../../../store/database.ts';
import { impatientHandle } from '../../../store/prepared.ts';
import { isTransaction } from '../../../store/transaction.ts';
import type { HeldKey } from '../../workflow/statuses.ts';
import { valueKey } from '../rows.ts';
import type { StoredValue } from './columns.ts';
import { applyAuthoredChanges, type AuthoredChange, type Guard } from './statements.ts';

/** One request's guarded write (see applyChanges): its change, who makes it and why, and the packages whose lock refuses it. */
export interface PendingWrite extends AuthoredChange {
  readonly programmeId: string;
  readonly holdings: readonly HeldKey[];
}

/**
 * Applies one write with those other requests make meanwhile, in one statement (see
 * coalesced): the stored value, or undefined where the guarded write refused it (the caller
 * finds out why). That statement gives up at once on a lock another transaction holds (a
 * workflow step, an import): then each of its writes runs alone, waiting as a write alone does,
 * so no write waits for another's lock.
 */
export async function writeCoalesced(db: Db, write: PendingWrite): Promise<StoredValue | undefined> {
  const [outcome] = await coalesced(db, [write], applyWrites);
  return outcome;
}

type Outcome = Promise<StoredValue | undefined>;

/** PostgreSQL's error when lock_timeout expires. */
const LOCK_NOT_AVAILABLE = '55P03';

/**
 * A promise for each write, given as soon as the batch's statement has answered: settled for
 * the writes it made or refused, still running for those tried again alone, so that none
 * waits for another's lock (a batch's lookups are all answered together).
 */
async function applyWrites(db: Db | Tx, writes: readonly PendingWrite[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const { batches, repeats } = batchesOf(writes);
  await Promise.all(batches.map((batch) => applyBatch(db, writes, batch, outcomes)));
  // Another write of a key already in a batch: after it, as if it came a moment later.
  for (const i of repeats) outcomes[i] = applyAlone(db, writes[i]!);
  return outcomes;
}

/** The writes' indices, a batch per programme, each key once in a batch; the other writes of a key apart. */
function batchesOf(writes: readonly PendingWrite[]): { batches: number[][]; repeats: number[] } {
  const seen = new Set<string>();
  const firsts: number[] = [];
  const repeats: number[] = [];
  writes.forEach((write, i) => {
    const key = `${write.programmeId}\u0000${valueKey(write.change.key)}`;
    (seen.has(key) ? repeats : firsts).push(i);
    seen.add(key);
  });
  return { batches: [...groupBy(firsts, (i) => writes[i]!.programmeId).values()], repeats };
}

async function applyBatch(db: Db | Tx, writes: readonly PendingWrite[], batch: readonly number[], outcomes: Outcome[]): Promise<void> {
  const inBatch = batch.map((i) => writes[i]!);
  const guards: Guard[] = inBatch.flatMap((write, n) => write.holdings.map((key) => ({ key, change: n + 1 })));
  const handle = isTransaction(db) ? db : impatientHandle(db);
  try {
    const stored = await applyAuthoredChanges(handle, inBatch[0]!.programmeId, inBatch, guards);
    batch.forEach((i, n) => (outcomes[i] = Promise.resolve(stored[n])));
  } catch (error) {
    // Nothing of a failed statement is written: a lock not granted in time (expected now and
    // then), or any other failure, which operators should see; each write goes alone, with its
    // own outcome or error.
    if ((error as { cause?: { code?: string } }).cause?.code !== LOCK_NOT_AVAILABLE) {
      db.machinery.log.warn({ err: error, writes: batch.length }, 'database: a statement of coalesced writes failed; writing them one by one');
    }
    for (const i of batch) outcomes[i] = applyAlone(db, writes[i]!);
  }
}

/** A write alone, running; its failure is its caller's, not an unhandled rejection meanwhile (it may fail before the batch's other statements answer). */
function applyAlone(db: Db | Tx, write: PendingWrite): Outcome {
  const guards = write.holdings.map((key) => ({ key, change: 0 }));
  const outcome = applyAuthoredChanges(db, write.programmeId, [write], guards).then(([stored]) => stored);
  outcome.catch(() => undefined);
  return outcome;
}
