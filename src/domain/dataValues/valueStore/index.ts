/**
 * The data-entry fast path's storage, behind one interface: a sheet's values, values by key,
 * one person's write and the guarded write of many. What it hides, and why (decisions 0009 to
 * 0011):
 * - the statements are prepared once per database handle and, outside a transaction, run on
 *   connections that plan them once (the database's machinery picks the pool);
 * - the lookups and writes that requests make during one turn of the event loop go to
 *   PostgreSQL as one statement, the writes on connections that give up on a lock after
 *   100 ms and are then tried one by one (coalescedWrites.ts);
 * - every value comes back as one positional JSON tuple, built by PostgreSQL and read with one
 *   `JSON.parse` (columns.ts).
 * Inside a transaction every call runs on the transaction's connection and sees its writes.
 *
 * A column added to data values is named in columns.ts and statements.ts, beside the schema,
 * its migration and the contract; callers build a change with `contentOf` and compare with
 * `sameContent`, so they need not change. Nothing outside this folder imports its other files
 * (eslint.config.js).
 */
export { contentOf, sameContent, type StoredValue, type ValueContent } from './columns.ts';
export { applyChanges, storedValues, valuesOf, type ValueChange } from './statements.ts';
export { writeCoalesced, type PendingWrite } from './coalescedWrites.ts';
