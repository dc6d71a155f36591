import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../store/database.ts';
import { coalesced } from '../../../store/coalesced.ts';
import { preparedSql } from '../../../store/prepared.ts';
import { queryRows } from '../../../store/sql.ts';
import type { Actor } from '../../actor.ts';
import type { WorkflowStatus } from '../../../contract/workflow.ts';
import type { HeldKey } from '../../workflow/statuses.ts';
import { valueKey, type ValueKey } from '../rows.ts';
import { contentParams, parseStoredValue, type ContentParams, parseStoredValues, valueTuple, type StoredValue, type ValueContent } from './columns.ts';

/** The stored values among `keys`, by valueKey, in one query. */
export async function storedValues(db: Db | Tx, programmeId: string, keys: readonly ValueKey[]): Promise<Map<string, StoredValue>> {
  if (keys.length === 0) return new Map();
  const column = (of: (key: ValueKey) => string) => sql`${sql.param(keys.map(of))}::text[]`;
  const rows = await queryRows<ValueKey & { value: string }>(
    db,
    sql`select d.org_unit_id as "orgUnit", d.period, d.activity, d.state, ${valueTuple('d', 'u')}::text as value
      from data_values d left join users u on u.id = d.updated_by
      where d.programme_id = ${programmeId} and (d.org_unit_id, d.period, d.activity, d.state)
        in (select * from unnest(${column((k) => k.orgUnit)}, ${column((k) => k.period)}, ${column((k) => k.activity)}, ${column((k) => k.state)}))`,
  );
  return new Map(rows.map((row) => [valueKey(row), parseStoredValue(row.orgUnit, row.period, row.value)]));
}

interface UnitPeriod {
  readonly programmeId: string;
  readonly orgUnit: string;
  readonly period: string;
}

/** Every stored value of one unit and period (with those other requests ask for meanwhile, see coalesced). */
export async function valuesOf(db: Db | Tx, programmeId: string, orgUnit: string, period: string): Promise<StoredValue[]> {
  const [values] = await coalesced(db, [{ programmeId, orgUnit, period }], valuesOfUnitPeriods);
  return values!;
}

/** The stored values of each unit and period, in the order of `keys`, each ordered by activity and state. */
async function valuesOfUnitPeriods(db: Db | Tx, keys: readonly UnitPeriod[]): Promise<StoredValue[][]> {
  const rows = await preparedSql<UnitPeriodsParams, { values: string | null }>(db, 'values_of_unit_periods', valuesOfUnitPeriodsSql).execute({
    programmeIds: keys.map((key) => key.programmeId),
    orgUnits: keys.map((key) => key.orgUnit),
    periods: keys.map((key) => key.period),
  });
  return rows.map((row, i) => parseStoredValues(keys[i]!.orgUnit, keys[i]!.period, row.values));
}

interface UnitPeriodsParams {
  readonly programmeIds: string[];
  readonly orgUnits: string[];
  readonly periods: string[];
}

/**
 * Raw SQL rather than the query builder, and each sheet's values as one JSON array of
 * tuples (valueTuple): a sheet has dozens of values, and reading each of their columns through
 * the driver's and the builder's decoders was a large part of a sheet's cost.
 */
function valuesOfUnitPeriodsSql() {
  const p = (name: keyof UnitPeriodsParams) => sql`${sql.placeholder(name)}::text[]`;
  return sql`select (select json_agg(${valueTuple('d', 'u')} order by d.activity, d.state)
      from data_values d left join users u on u.id = d.updated_by
      where d.programme_id = k.programme_id and d.org_unit_id = k.org_unit_id and d.period = k.period)::text as values
    from unnest(${p('programmeIds')}, ${p('orgUnits')}, ${p('periods')}) with ordinality as k(programme_id, org_unit_id, period, ord)
    order by k.ord`;
}

/** A new content for a key, over the stored version it replaces (0 to create the value). */
export interface ValueChange extends ValueContent {
  readonly key: ValueKey;
  readonly over: number;
}

/**
 * Writes changes in one statement, atomic on its own or in the caller's transaction: a value is
 * written only while its stored version is still the one it replaces (none, for a creation) and
 * its number differs, and nothing at all while a package holding the values (`holdings`) has
 * reached the status that freezes them; the status rows read stay share-locked until the write commits (decision 0004). What
 * is written is audited by the same statement. Returns the values written and the changes that
 * were not: the caller must find out why (locked, changed meanwhile, unchanged) and, inside a
 * transaction, fail it, so nothing is overwritten.
 */
export async function applyChanges(
  db: Db | Tx,
  actor: Actor,
  programmeId: string,
  changes: readonly ValueChange[],
  holdings: readonly HeldKey[],
  reason?: string,
): Promise<{ written: StoredValue[]; notWritten: ValueKey[] }> {
  const authored = changes.map((change) => ({ change, actor, reason }));
  const outcome = await applyAuthoredChanges(db, programmeId, authored, holdings.map((key) => ({ key, change: 0 })));
  const written: StoredValue[] = [];
  const notWritten: ValueKey[] = [];
  outcome.forEach((stored, i) => (stored ? written.push(stored) : notWritten.push(changes[i]!.key)));
  return { written, notWritten };
}

/** A change with who makes it and why. */
export interface AuthoredChange {
  readonly change: ValueChange;
  readonly actor: Actor;
  readonly reason?: string | undefined;
}

/** A package whose status, from `key.frozenFrom` on, refuses the change numbered `change` (from 1, in order), or every change (0). */
export interface Guard {
  readonly key: HeldKey;
  readonly change: number;
}

/**
 * The guarded write of applyChanges for changes by several people, each refused while a
 * package guarding it has reached the status that freezes it; no two changes may have the same key. The stored value of
 * each change, in order, or undefined where it was not written.
 */
export async function applyAuthoredChanges(
  db: Db | Tx,
  programmeId: string,
  changes: readonly AuthoredChange[],
  guards: readonly Guard[],
): Promise<(StoredValue | undefined)[]> {
  if (changes.length === 0) return [];
  const rows = await preparedSql<GuardedUpsertParams, WrittenRow>(db, 'guarded_upsert', guardedUpsert).execute({
    programmeId,
    orgUnits: changes.map(({ change }) => change.key.orgUnit),
    periods: changes.map(({ change }) => change.key.period),
    activities: changes.map(({ change }) => change.key.activity),
    states: changes.map(({ change }) => change.key.state),
    ...contentParams(changes.map(({ change }) => change)),
    overs: changes.map(({ change }) => change.over),
    userIds: changes.map(({ actor }) => actor.userId),
    reasons: changes.map(({ reason }) => reason || null), // an empty reason is none
    guarded: guards.map((guard) => guard.change),
    heldUnits: guards.map(({ key }) => key.orgUnit),
    heldPeriods: guards.map(({ key }) => key.period),
    heldPackages: guards.map(({ key }) => key.package),
    heldFrozen: guards.map(({ key }) => key.frozenFrom),
  });
  const done = new Map(rows.map((row) => [valueKey(row), row]));
  return changes.map(({ change }) => {
    const row = done.get(valueKey(change.key));
    return row && parseStoredValue(row.orgUnit, row.period, row.value);
  });
}

/** A value written, its key and its tuple (valueTuple). */
interface WrittenRow extends ValueKey {
  readonly value: string;
}

interface GuardedUpsertParams extends ContentParams {
  readonly programmeId: string;
  readonly orgUnits: string[];
  readonly periods: string[];
  readonly activities: string[];
  readonly states: string[];
  readonly overs: number[];
  readonly userIds: number[];
  readonly reasons: (string | null)[];
  readonly guarded: number[];
  readonly heldUnits: string[];
  readonly heldPeriods: string[];
  readonly heldPackages: string[];
  readonly heldFrozen: WorkflowStatus[];
}

/**
 * The keys, values and holdings go as one array per column (see tupleIn): one statement, and
 * one round trip, whatever the number of rows; prepared, as it never changes. Every part reads
 * one snapshot; the version in it must be the one replaced, and the upsert checks the row again
 * when it conflicts, so a value changed after the snapshot is not overwritten either.
 */
function guardedUpsert() {
  const p = (name: keyof GuardedUpsertParams, type: string) => sql`${sql.placeholder(name)}::${sql.raw(type)}`;
  return sql`with k as (
      select * from unnest(${p('orgUnits', 'text[]')}, ${p('periods', 'text[]')}, ${p('activities', 'text[]')},
        ${p('states', 'text[]')}, ${p('values', 'numeric[]')}, ${p('overs', 'integer[]')}, ${p('userIds', 'integer[]')},
        ${p('reasons', 'text[]')}) with ordinality as k(org_unit_id, period, activity, state, value, over, user_id, reason, ord)
    ), held as (
      select h.guarded, s.status, h.frozen_from from period_status s
      join unnest(${p('guarded', 'integer[]')}, ${p('heldUnits', 'text[]')}, ${p('heldPeriods', 'text[]')}, ${p('heldPackages', 'text[]')},
          ${p('heldFrozen', 'text[]')}::workflow_status[])
        as h(guarded, org_unit_id, period, package, frozen_from)
        on (s.org_unit_id, s.period, s.package) = (h.org_unit_id, h.period, h.package)
      where s.programme_id = ${p('programmeId', 'text')}
      for share of s
    ), src as (
      select k.*, d.value as old_value, d.version as old_version from k left join data_values d
        on d.programme_id = ${p('programmeId', 'text')} and (d.org_unit_id, d.period, d.activity, d.state) = (k.org_unit_id, k.period, k.activity, k.state)
    ), locked as (
      -- Once, not per change: held has a row per guard, as many as the changes of an import.
      select distinct guarded from held where held.status >= held.frozen_from
    ), written as (
      insert into data_values (programme_id, org_unit_id, period, activity, state, value, version, updated_by, updated_at)
      select ${p('programmeId', 'text')}, s.org_unit_id, s.period, s.activity, s.state, s.value, s.over + 1, s.user_id, now()
      from src s
      where coalesce(s.old_version, 0) = s.over
        and not exists (select from locked where locked.guarded in (0, s.ord))
      on conflict (programme_id, org_unit_id, period, activity, state) do update
        set value = excluded.value, version = excluded.version, updated_by = excluded.updated_by, updated_at = excluded.updated_at
        where data_values.version = excluded.version - 1 and data_values.value <> excluded.value
      returning *
    ), audited as (
      -- The old values ride in src, one row a key: a CTE of them apart was joined by a loop over it per row (quadratic).
      insert into audit_log (programme_id, user_id, action, entity, entity_key, org_unit_id, old_value, new_value, reason)
      select ${p('programmeId', 'text')}, s.user_id, case when s.old_version is null then 'create' else 'update' end, 'data_value',
        concat_ws('/', w.org_unit_id, w.period, w.activity, w.state), w.org_unit_id,
        case when s.old_version is null then null else jsonb_build_object('value', trim_scale(s.old_value), 'version', s.old_version) end,
        jsonb_build_object('value', trim_scale(s.value), 'version', w.version), s.reason
      from written w join src s using (org_unit_id, period, activity, state)
      order by s.ord
    )
    select w.org_unit_id as "orgUnit", w.period, w.activity, w.state, ${valueTuple('w', 'u')}::text as value
    from written w left join users u on u.id = w.updated_by`;
}
