import type { Db, Tx } from '../../store/database.ts';
import { transaction } from '../../store/transaction.ts';
import type { Actor } from '../actor.ts';
import { errors } from '../errors.ts';
import { checkAgainstProgramme, checkRows, heldBy } from './checkRows.ts';
import { problemError } from '../workflow/problems.ts';
import { describeValue, valueKey, type ValueKey } from './rows.ts';
import { applyChanges, contentOf, sameContent, storedValues, writeCoalesced, type StoredValue, type ValueContent } from './valueStore/index.ts';

export interface WriteDataValueProps extends ValueKey, ValueContent {
  readonly programmeId: string;
  /** The version read; absent to create the value. */
  readonly version?: number | undefined;
  readonly package?: string | undefined;
  readonly reason?: string | undefined;
}

/**
 * Stores one value over the version its writer read (optimistic concurrency): when the stored
 * version differs, a 409 carries the current value, its version, who changed it and when.
 * Writing the value already stored changes nothing, not even the version.
 *
 * The write is tried first as one guarded statement (applyChanges, with the writes of other
 * requests meanwhile: writeCoalesced), which refuses a locked period, another version and an
 * unchanged value by itself: the usual write costs a share of one round trip. Only when it
 * refused are the checks run again in a transaction, to say why.
 */
export async function writeDataValue(db: Db, actor: Actor, props: WriteDataValueProps): Promise<{ stored: StoredValue; created: boolean }> {
  const { programmeId } = props;
  const { checked, errors: problems } = await checkAgainstProgramme(db, actor, programmeId, [{ row: 1, ...props }]);
  if (problems[0]) throw problemError(problems[0]);
  const over = props.version ?? 0;
  const change = { key: keyOf(props), ...contentOf(props), over };
  const stored = await writeCoalesced(db, { programmeId, actor, change, holdings: heldBy(checked[0]!), reason: props.reason });
  if (stored) return { stored, created: over === 0 };
  return transaction(db, (tx) => writeOrExplain(tx, actor, props));
}

/** Checks, holding the locks, and says why the value cannot be written; writes it if it now can (what refused it has passed). */
async function writeOrExplain(tx: Tx, actor: Actor, props: WriteDataValueProps): Promise<{ stored: StoredValue; created: boolean }> {
  const { programmeId } = props;
  const { checked, errors: problems } = await checkRows(tx, actor, programmeId, [{ row: 1, ...props }], true);
  if (problems[0]) throw problemError(problems[0]);
  const key = keyOf(props);
  const previous = await storedValue(tx, programmeId, key);
  if (previous?.version !== props.version) throw conflict(key, props.version, previous);
  if (previous && sameContent(previous, props)) return { stored: previous, created: false };
  const change = { key, ...contentOf(props), over: previous?.version ?? 0 };
  const { written } = await applyChanges(tx, actor, programmeId, [change], heldBy(checked[0]!), props.reason);
  if (!written[0]) throw conflict(key, props.version, await storedValue(tx, programmeId, key));
  return { stored: written[0], created: previous === undefined };
}

function keyOf({ orgUnit, period, activity, state }: ValueKey): ValueKey {
  return { orgUnit, period, activity, state };
}

async function storedValue(tx: Tx, programmeId: string, key: ValueKey): Promise<StoredValue | undefined> {
  return (await storedValues(tx, programmeId, [key])).get(valueKey(key));
}

function conflict(key: ValueKey, read: number | undefined, current: StoredValue | undefined) {
  const name = `data value ${describeValue(key)}`;
  if (!current) return errors.conflict(`${name} does not exist; leave out version to create it`, { current: null });
  const by = current.updatedBy ? `${current.updatedBy.name} (${current.updatedBy.username})` : 'the system';
  const now = `it is ${current.value} (version ${current.version}), changed by ${by} at ${current.updatedAt.toISOString()}`;
  const message =
    read === undefined ? `${name} already exists: ${now}; send its version to change it` : `${name} changed since you read version ${read}: ${now}`;
  return errors.conflict(message, { current });
}
