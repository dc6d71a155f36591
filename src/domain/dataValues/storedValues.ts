import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../store/database.ts';
import { tupleIn } from '../../store/bulk.ts';
import { coalesced } from '../../store/coalesced.ts';
import { preparedSql } from '../../store/prepared.ts';
import { dataValues, users } from '../../store/schema.ts';
import type { Actor, UserRef } from '../actor.ts';
import type { WorkflowKey } from '../workflow/statuses.ts';
import { LOCKED_STATUSES } from '../workflow/steps.ts';
import { valueKey, type ValueKey } from './rows.ts';
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

/** Built field by field: a sheet presents dozens of rows, and rest and spread copies cost more. */
function present(row: Selected): StoredValue {
  return {
    orgUnit: row.orgUnit,
    period: row.period,
    activity: row.activity,
    state: row.state,
    value: Number(row.value),
    version: row.version,
    updatedBy: row.userId === null ? null : { id: row.userId, username: row.username!, name: row.name! },
    updatedAt: row.updatedAt,
  };
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
  const rows = await preparedSql<UnitPeriodsParams, SheetRow>(db, 'values_of_unit_periods', valuesOfUnitPeriodsSql).execute({
    programmeIds: keys.map((key) => key.programmeId),
    orgUnits: keys.map((key) => key.orgUnit),
    periods: keys.map((key) => key.period),
  });
  const sheets = keys.map((): StoredValue[] => []);
  for (const row of rows) {
    const { orgUnit, period } = keys[row.key]!;
    sheets[row.key]!.push({
      orgUnit,
      period,
      activity: row.activity,
      state: row.state,
      value: Number(row.value),
      version: row.version,
      updatedBy: row.userId === null ? null : { id: row.userId, username: row.username!, name: row.name! },
      updatedAt: new Date(row.updatedAt),
    });
  }
  return sheets;
}

interface UnitPeriodsParams {
  readonly programmeIds: string[];
  readonly orgUnits: string[];
  readonly periods: string[];
}

/** A sheet's row as both drivers read it: numbers and text only, the key by its index. */
interface SheetRow {
  readonly key: number;
  readonly activity: string;
  readonly state: string;
  readonly value: string;
  readonly version: number;
  /** Milliseconds since 1970: a number costs less to read than a timestamp's text, for every value of every sheet. */
  readonly updatedAt: number;
  readonly userId: number | null;
  readonly username: string | null;
  readonly name: string | null;
}

/**
 * Raw SQL rather than the query builder: a sheet has dozens of rows, and mapping each of their
 * columns through the builder's decoders was a sixth of a sheet's cost.
 */
function valuesOfUnitPeriodsSql() {
  const p = (name: keyof UnitPeriodsParams) => sql`${sql.placeholder(name)}::text[]`;
  return sql`select (k.ord - 1)::int4 as key, d.activity, d.state, d.value::text as value, d.version,
      (extract(epoch from d.updated_at) * 1000)::float8 as "updatedAt", u.id as "userId", u.username, u.name
    from unnest(${p('programmeIds')}, ${p('orgUnits')}, ${p('periods')}) with ordinality as k(programme_id, org_unit_id, period, ord)
    join data_values d on d.programme_id = k.programme_id and d.org_unit_id = k.org_unit_id and d.period = k.period
    left join users u on u.id = d.updated_by
    order by k.ord, d.activity, d.state`;
}

/** A new value for a key, over the stored version it replaces (0 to create the value). */
export interface ValueChange {
  readonly key: ValueKey;
  readonly value: number;
  readonly over: number;
}

/**
 * Writes changes in one statement, atomic on its own or in the caller's transaction: a value is
 * written only while its stored version is still the one it replaces (none, for a creation) and
 * its number differs, and nothing at all while a package holding the values (`holdings`) is
 * locked; the status rows read stay share-locked until the write commits (decision 0004). What
 * is written is audited by the same statement. Returns the values written and the changes that
 * were not: the caller must find out why (locked, changed meanwhile, unchanged) and, inside a
 * transaction, fail it, so nothing is overwritten.
 */
export async function applyChanges(
  db: Db | Tx,
  actor: Actor,
  programmeId: string,
  changes: readonly ValueChange[],
  holdings: readonly WorkflowKey[],
  reason?: string,
): Promise<{ written: StoredValue[]; notWritten: ValueKey[] }> {
  if (changes.length === 0) return { written: [], notWritten: [] };
  const rows = await preparedSql<GuardedUpsertParams, WrittenRow>(db, 'guarded_upsert', guardedUpsert).execute({
    programmeId,
    userId: actor.userId,
    reason: reason || null, // an empty reason is none
    orgUnits: changes.map((change) => change.key.orgUnit),
    periods: changes.map((change) => change.key.period),
    activities: changes.map((change) => change.key.activity),
    states: changes.map((change) => change.key.state),
    values: changes.map((change) => storedText(change.value)),
    overs: changes.map((change) => change.over),
    heldUnits: holdings.map((key) => key.orgUnit),
    heldPeriods: holdings.map((key) => key.period),
    heldPackages: holdings.map((key) => key.package),
  });
  const done = new Map(rows.map((row) => [valueKey(row), row]));
  const by = { id: actor.userId, username: actor.username, name: actor.name };
  const written: StoredValue[] = [];
  const notWritten: ValueKey[] = [];
  for (const change of changes) {
    const row = done.get(valueKey(change.key));
    if (row) written.push({ ...change.key, value: change.value, version: row.version, updatedBy: by, updatedAt: new Date(row.updatedAt) });
    else notWritten.push(change.key);
  }
  return { written, notWritten };
}

interface WrittenRow extends ValueKey {
  readonly version: number;
  /** timestamptz as PostgreSQL writes it ('2026-12-04 18:58:11.052633+00'): raw SQL gets no column mapping. */
  readonly updatedAt: string;
}

interface GuardedUpsertParams {
  readonly programmeId: string;
  readonly userId: number;
  readonly reason: string | null;
  readonly orgUnits: string[];
  readonly periods: string[];
  readonly activities: string[];
  readonly states: string[];
  readonly values: string[];
  readonly overs: number[];
  readonly heldUnits: string[];
  readonly heldPeriods: string[];
  readonly heldPackages: string[];
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
        ${p('states', 'text[]')}, ${p('values', 'numeric[]')}, ${p('overs', 'integer[]')}) with ordinality
        as k(org_unit_id, period, activity, state, value, over, ord)
    ), held as (
      select s.status from period_status s
      where s.programme_id = ${p('programmeId', 'text')}
        and (s.org_unit_id, s.period, s.package) in (select * from unnest(${p('heldUnits', 'text[]')}, ${p('heldPeriods', 'text[]')}, ${p('heldPackages', 'text[]')}))
      for share of s
    ), src as (
      select k.*, d.value as old_value, d.version as old_version from k left join data_values d
        on d.programme_id = ${p('programmeId', 'text')} and (d.org_unit_id, d.period, d.activity, d.state) = (k.org_unit_id, k.period, k.activity, k.state)
    ), written as (
      insert into data_values (programme_id, org_unit_id, period, activity, state, value, version, updated_by, updated_at)
      select ${p('programmeId', 'text')}, s.org_unit_id, s.period, s.activity, s.state, s.value, s.over + 1, ${p('userId', 'integer')}, now()
      from src s
      where coalesce(s.old_version, 0) = s.over and not exists (select from held where held.status::text = any(${sql.param(LOCKED_STATUSES)}::text[]))
      on conflict (programme_id, org_unit_id, period, activity, state) do update
        set value = excluded.value, version = excluded.version, updated_by = excluded.updated_by, updated_at = excluded.updated_at
        where data_values.version = excluded.version - 1 and data_values.value <> excluded.value
      returning org_unit_id, period, activity, state, version, updated_at
    ), audited as (
      -- The old values ride in src, one row a key: a CTE of them apart was joined by a loop over it per row (quadratic).
      insert into audit_log (programme_id, user_id, action, entity, entity_key, old_value, new_value, reason)
      select ${p('programmeId', 'text')}, ${p('userId', 'integer')}, case when s.old_version is null then 'create' else 'update' end, 'data_value',
        concat_ws('/', w.org_unit_id, w.period, w.activity, w.state),
        case when s.old_version is null then null else jsonb_build_object('value', trim_scale(s.old_value), 'version', s.old_version) end,
        jsonb_build_object('value', trim_scale(s.value), 'version', w.version), ${p('reason', 'text')}
      from written w join src s using (org_unit_id, period, activity, state)
      order by s.ord
    )
    select org_unit_id as "orgUnit", period, activity, state, version, updated_at as "updatedAt" from written`;
}
