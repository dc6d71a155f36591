import { groupBy } from "../../store/bulk.js";
import { coalesced } from "../../store/coalesced.js";
import { impatientHandle } from "../../store/prepared.js";
import { isTransaction } from "../../store/transaction.js";
import { valueKey } from "./rows.js";
import { applyAuthoredChanges } from "./storedValues.js";
/**
 * Applies one write with those other requests make meanwhile, in one statement (see
 * coalesced): the stored value, or undefined where the guarded write refused it (the caller
 * finds out why). That statement gives up at once on a lock another transaction holds (a
 * workflow step, an import): then each of its writes runs alone, waiting as a write alone does,
 * so no write waits for another's lock.
 */
export async function writeCoalesced(db, write) {
    const [outcome] = await coalesced(db, [write], applyWrites);
    return outcome;
}
/** PostgreSQL's error when lock_timeout expires. */
const LOCK_NOT_AVAILABLE = '55P03';
/**
 * A promise for each write, given as soon as the batch's statement has answered: settled for
 * the writes it made or refused, still running for those tried again alone, so that none
 * waits for another's lock (a batch's lookups are all answered together).
 */
async function applyWrites(db, writes) {
    const outcomes = [];
    const { batches, repeats } = batchesOf(writes);
    await Promise.all(batches.map((batch) => applyBatch(db, writes, batch, outcomes)));
    // Another write of a key already in a batch: after it, as if it came a moment later.
    for (const i of repeats)
        outcomes[i] = applyAlone(db, writes[i]);
    return outcomes;
}
/** The writes' indices, a batch per programme, each key once in a batch; the other writes of a key apart. */
function batchesOf(writes) {
    const seen = new Set();
    const firsts = [];
    const repeats = [];
    writes.forEach((write, i) => {
        const key = `${write.programmeId}\u0000${valueKey(write.change.key)}`;
        (seen.has(key) ? repeats : firsts).push(i);
        seen.add(key);
    });
    return { batches: [...groupBy(firsts, (i) => writes[i].programmeId).values()], repeats };
}
async function applyBatch(db, writes, batch, outcomes) {
    const inBatch = batch.map((i) => writes[i]);
    const guards = inBatch.flatMap((write, n) => write.holdings.map((key) => ({ key, change: n + 1 })));
    const handle = isTransaction(db) ? db : impatientHandle(db);
    try {
        const stored = await applyAuthoredChanges(handle, inBatch[0].programmeId, inBatch, guards);
        batch.forEach((i, n) => (outcomes[i] = Promise.resolve(stored[n])));
    }
    catch (error) {
        // Nothing of a failed statement is written: a lock not granted in time (expected now and
        // then), or any other failure, which operators should see; each write goes alone, with its
        // own outcome or error.
        if (error.cause?.code !== LOCK_NOT_AVAILABLE) {
            console.error(`database: a statement of ${batch.length} writes failed (${error.message.split('\n')[0]}); writing them one by one`);
        }
        for (const i of batch)
            outcomes[i] = applyAlone(db, writes[i]);
    }
}
/** A write alone, running; its failure is its caller's, not an unhandled rejection meanwhile (it may fail before the batch's other statements answer). */
function applyAlone(db, write) {
    const guards = write.holdings.map((key) => ({ key, change: 0 }));
    const outcome = applyAuthoredChanges(db, write.programmeId, [write], guards).then(([stored]) => stored);
    outcome.catch(() => undefined);
    return outcome;
}
//# sourceMappingURL=coalescedWrites.js.map