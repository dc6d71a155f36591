import type { Tx } from '../../store/database.ts';
import type { Actor } from '../actor.ts';
import { errors } from '../errors.ts';
import { checkRows } from './checkRows.ts';
import { problemError } from '../workflow/problems.ts';
import { describeValue, valueKey, type ValueKey } from './rows.ts';
import { applyChanges, storedValues, type StoredValue } from './storedValues.ts';

export interface WriteDataValueProps extends ValueKey {
  readonly programmeId: string;
  readonly value: number;
  /** The version read; absent to create the value. */
  readonly version?: number | undefined;
  readonly package?: string | undefined;
  readonly reason?: string | undefined;
}

/**
 * Stores one value over the version its writer read (optimistic concurrency): when the stored
 * version differs, a 409 carries the current value, its version, who changed it and when.
 * Writing the value already stored changes nothing, not even the version.
 */
export async function writeDataValue(tx: Tx, actor: Actor, props: WriteDataValueProps): Promise<{ stored: StoredValue; created: boolean }> {
  const { programmeId } = props;
  const { errors: problems } = await checkRows(tx, actor, programmeId, [{ row: 1, ...props }], true);
  if (problems[0]) throw problemError(problems[0]);
  const previous = await storedValue(tx, programmeId, props);
  if (previous?.version !== props.version) throw conflict(props, props.version, previous);
  if (previous && previous.value === props.value) return { stored: previous, created: false };
  const { written, stale } = await applyChanges(tx, actor, programmeId, [{ key: props, value: props.value, previous }], props.reason);
  if (stale.length > 0) throw conflict(props, props.version, await storedValue(tx, programmeId, props));
  return { stored: written[0]!, created: previous === undefined };
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
