import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../store/database.ts';
import { inBatches, tupleIn } from '../../store/bulk.ts';
import { prepared } from '../../store/prepared.ts';
import { dataValues, users } from '../../store/schema.ts';
import type { Actor, UserRef } from '../actor.ts';
import { recordAudit, type AuditEntry } from '../audit.ts';
import { describeValue, valueKey, type ValueKey } from './rows.ts';
import { storedText } from './value.ts';

/** A stored value as the API shows it: the number, its version, who changed it last and when. */
export interface StoredValue extends ValueKey {
  readonly value: number;
  readonly version: number;
  readonly updatedBy: UserRef | null;
  readonly updatedAt: Date;
}

const selection = {
  orgUnit: dataValues.orgUnitId,
  period: dataValues.period,
  activity: dataValues.activity,
  state: dataValues.state,
  value: dataValues.value,
  version: dataValues.version,
  updatedAt: dataValues.updatedAt,
  userId: users.id,
  username: users.username,
  name: users.name,
};

interface Selected extends ValueKey {
  readonly value: string;
  readonly version: number;
  readonly updatedAt: Date;
  readonly userId: number | null;
  readonly username: string | null;
  readonly name: string | null;
}

function present(row: Selected): StoredValue {
  const { userId, username, name, value, ...rest } = row;
  return { ...rest, value: Number(value), updatedBy: userId === null ? null : { id: userId, username: username!, name: name! } };
}

/** The stored values among `keys`, by valueKey, in one query. */
export async function storedValues(db: Db | Tx, programmeId: string, keys: readonly ValueKey[]): Promise<Map<string, StoredValue>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .select(selection)
    .from(dataValues)
    .leftJoin(users, eq(users.id, dataValues.updatedBy))
    .where(
      and(
        eq(dataValues.programmeId, programmeId),
        tupleIn(
          [dataValues.orgUnitId, dataValues.period, dataValues.activity, dataValues.state],
          keys.map((key) => [key.orgUnit, key.period, key.activity, key.state]),
        ),
      ),
    );
  return new Map(rows.map((row) => [valueKey(row), present(row)]));
}

/** Every stored value of one unit and period. */
export async function valuesOf(db: Db | Tx, programmeId: string, orgUnit: string, period: string): Promise<StoredValue[]> {
  const rows = await prepared(db, 'values_of_unit_period', (handle, name) =>
    handle
      .select(selection)
      .from(dataValues)
      .leftJoin(users, eq(users.id, dataValues.updatedBy))
      .where(
        and(
          eq(dataValues.programmeId, sql.placeholder('programmeId')),
          eq(dataValues.orgUnitId, sql.placeholder('orgUnit')),
          eq(dataValues.period, sql.placeholder('period')),
        ),
      )
      .orderBy(dataValues.activity, dataValues.state)
      .prepare(name),
  ).execute({ programmeId, orgUnit, period });
  return rows.map(present);
}

/** A new value for a key, and the stored value it replaces (absent when it creates one). */
export interface ValueChange {
  readonly key: ValueKey;
  readonly value: number;
  readonly previous: StoredValue | undefined;
}

/**
 * Writes changes in one upsert, each applied only while the stored version is still the
 * one read (none, for a creation), and audits what was written. Returns the keys someone else
 * changed meanwhile: the caller must then fail the transaction, so nothing is overwritten.
 */
export async function applyChanges(
  tx: Tx,
  actor: Actor,
  programmeId: string,
  changes: readonly ValueChange[],
  reason?: string,
): Promise<{ written: StoredValue[]; stale: ValueKey[] }> {
  if (changes.length === 0) return { written: [], stale: [] };
  const rows = await upsert(tx, actor, programmeId, changes);
  const done = new Map(rows.map((row) => [valueKey(row), row]));
  const by = { id: actor.userId, username: actor.username, name: actor.name };
  const written: StoredValue[] = [];
  const stale: ValueKey[] = [];
  const entries: AuditEntry[] = [];
  for (const change of changes) {
    const row = done.get(valueKey(change.key));
    if (!row) {
      stale.push(change.key);
      continue;
    }
    written.push({ ...change.key, value: change.value, version: row.version, updatedBy: by, updatedAt: row.updatedAt });
    entries.push(auditEntry(actor, programmeId, change, row.version, reason));
  }
  for (const batch of inBatches(entries)) await recordAudit(tx, batch);
  return { written, stale };
}

/**
 * One insert-or-update for all changes, the keys sent as arrays (see tupleIn): many times
 * faster than a VALUES list, and without a limit on the number of rows.
 */
function upsert(tx: Tx, actor: Actor, programmeId: string, changes: readonly ValueChange[]) {
  const column = (pick: (change: ValueChange) => string) => sql`${sql.param(changes.map(pick))}::text[]`;
  // Columns in the table's order, as insert … select needs them.
  const rows = sql`select ${programmeId}, k.org_unit_id, k.period, k.activity, k.state, k.value::numeric, k.version::integer, ${actor.userId}::integer, now()
    from unnest(${column((c) => c.key.orgUnit)}, ${column((c) => c.key.period)}, ${column((c) => c.key.activity)}, ${column((c) => c.key.state)},
      ${column((c) => storedText(c.value))}, ${column((c) => String((c.previous?.version ?? 0) + 1))}) as k(org_unit_id, period, activity, state, value, version)`;
  return tx
    .insert(dataValues)
    .select(rows)
    .onConflictDoUpdate({
      target: [dataValues.programmeId, dataValues.orgUnitId, dataValues.period, dataValues.activity, dataValues.state],
      set: { value: sql`excluded.value`, version: sql`excluded.version`, updatedBy: sql`excluded.updated_by`, updatedAt: sql`excluded.updated_at` },
      // Only over the version read: a creation (version 1) never overwrites a row that appeared meanwhile.
      setWhere: sql`${dataValues.version} = excluded.version - 1`,
    })
    .returning({
      orgUnit: dataValues.orgUnitId,
      period: dataValues.period,
      activity: dataValues.activity,
      state: dataValues.state,
      version: dataValues.version,
      updatedAt: dataValues.updatedAt,
    });
}

function auditEntry(actor: Actor, programmeId: string, change: ValueChange, version: number, reason: string | undefined): AuditEntry {
  const previous = change.previous;
  return {
    programmeId,
    userId: actor.userId,
    action: previous ? 'update' : 'create',
    entity: 'data_value',
    entityKey: describeValue(change.key),
    oldValue: previous ? { value: previous.value, version: previous.version } : null,
    newValue: { value: change.value, version },
    ...(reason ? { reason } : {}),
  };
}
