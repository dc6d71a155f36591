import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { OrgUnitInput, Period } from '../../engine/index.ts';
import type { Db, Tx } from '../../store/database.ts';
import { orgUnits, periodStatus, programmes } from '../../store/schema.ts';
import { arrayParam, queryRows } from '../../store/sql.ts';
import { byCodePoints, sha256Lines } from '../canonical.ts';
import { errors } from '../errors.ts';
import { versionFor, type ProgrammeVersion } from '../programmes.ts';
import { unitPath } from '../scope.ts';
import { dataPeriods } from './periods.ts';
import { ancestorIds, underPath } from '../subtree.ts';

export interface EnteredValue {
  readonly orgUnit: string;
  readonly period: string;
  readonly activity: string;
  readonly state: string;
  /** Exactly as stored (numeric text), so the snapshot and hash keep every digit. */
  readonly value: string;
}

export interface UnitStatus {
  readonly status: string;
  readonly version: number;
}

/** Everything an invoice run reads, and the hash of it. */
export interface RunInputs {
  readonly programmeId: string;
  readonly rootOrgUnitId: string;
  readonly period: Period;
  readonly currencyDecimals: number;
  readonly version: ProgrammeVersion;
  /** The subtree and its ancestors (whose levels and groups decision tables may read). */
  readonly orgUnits: readonly OrgUnitInput[];
  readonly subtree: readonly string[];
  readonly data: readonly EnteredValue[];
  /** Workflow status by `statusKey(unit, period, package)`. */
  readonly statuses: ReadonlyMap<string, UnitStatus>;
  readonly hash: string;
}

/** Statuses from which a facility's package may be invoiced. */
export const INVOICEABLE = new Set(['validated', 'invoiced', 'approved', 'ordered', 'paid']);

export function statusKey(orgUnit: string, period: string, pkg: string): string {
  return `${orgUnit}\u0000${period}\u0000${pkg}`;
}

/** Reads the programme version in force, the subtree, its entered values and workflow statuses. */
export async function loadRunInputs(
  db: Db | Tx,
  props: { programmeId: string; rootOrgUnitId: string; period: Period },
): Promise<RunInputs> {
  const { programmeId, rootOrgUnitId, period } = props;
  const [programme] = await db.select().from(programmes).where(eq(programmes.id, programmeId));
  if (!programme) throw errors.notFound(`programme '${programmeId}'`);
  const rootPath = await unitPath(db, programmeId, rootOrgUnitId);
  const version = await versionFor(db, programmeId, period.id);
  const units = await loadUnits(db, programmeId, rootPath);
  const periods = dataPeriods(period);
  const data = await loadData(db, programmeId, units.subtree, periods);
  const statuses = await loadStatuses(db, programmeId, units.subtree, periods);
  const header = { programmeId, version: version.version, versionHash: version.hash, rootOrgUnitId, period: period.id, orgUnits: units.inputs };
  const invoiceable = [...statuses].filter(([, row]) => INVOICEABLE.has(row.status)).map(([key]) => key).sort(byCodeUnits);
  const hash = sha256Lines(
    (function* () {
      yield header;
      for (const row of data) yield [row.orgUnit, row.period, row.activity, row.state, row.value];
      yield* invoiceable.map((key) => key.split('\u0000'));
    })(),
  );
  return {
    programmeId,
    rootOrgUnitId,
    period,
    currencyDecimals: programme.currencyDecimals,
    version,
    orgUnits: units.inputs,
    subtree: units.subtree,
    data,
    statuses,
    hash,
  };
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function loadUnits(db: Db | Tx, programmeId: string, rootPath: string) {
  const rows = await db
    .select({ id: orgUnits.id, parentId: orgUnits.parentId, groups: orgUnits.groups, attributes: orgUnits.attributes, path: orgUnits.path })
    .from(orgUnits)
    .where(and(eq(orgUnits.programmeId, programmeId), or(underPath(orgUnits.path, rootPath), inArray(orgUnits.id, ancestorIds(rootPath)))))
    .orderBy(sql`${orgUnits.path} collate "C"`);
  const inputs: OrgUnitInput[] = rows.map((row) => ({
    id: row.id,
    ...(row.parentId ? { parent: row.parentId } : {}),
    groups: row.groups,
    attributes: row.attributes,
  }));
  const subtree = rows.filter((row) => row.path.startsWith(rootPath)).map((row) => row.id);
  return { inputs, subtree };
}

/**
 * Units are matched against the subtree's ids as one array, not by joining on paths: on a
 * table never analysed (PGlite has no autovacuum) the planner would otherwise pick a
 * nested loop over both tables. Rows are put in order here rather than by the database,
 * whose sort took longer than the whole read (the hash and snapshot need one fixed order).
 */
async function loadData(db: Db | Tx, programmeId: string, subtree: readonly string[], periods: string[]): Promise<EnteredValue[]> {
  // Raw SQL: drizzle's mapping of the rows took half again as long as the query.
  const rows = await queryRows<EnteredValue>(
    db,
    sql`select org_unit_id as "orgUnit", period, activity, state, value::text as value from data_values
        where programme_id = ${programmeId} and org_unit_id = any(${arrayParam(subtree, 'text')}) and period = any(${arrayParam(periods, 'text')})`,
  );
  return rows.sort(byKey);
}

/** The order of the database's `collate "C"`, which runs stored before this read used. */
const byKey = (a: EnteredValue, b: EnteredValue) =>
  byCodePoints(a.orgUnit, b.orgUnit) || byCodePoints(a.period, b.period) || byCodePoints(a.activity, b.activity) || byCodePoints(a.state, b.state);

async function loadStatuses(db: Db | Tx, programmeId: string, subtree: readonly string[], periods: string[]) {
  const rows = await db
    .select({ orgUnit: periodStatus.orgUnitId, period: periodStatus.period, package: periodStatus.package, status: periodStatus.status, version: periodStatus.version })
    .from(periodStatus)
    .where(and(eq(periodStatus.programmeId, programmeId), sql`${periodStatus.orgUnitId} = any(${arrayParam(subtree, 'text')})`, inArray(periodStatus.period, periods)));
  return new Map(rows.map((row) => [statusKey(row.orgUnit, row.period, row.package), { status: row.status, version: row.version }]));
}
