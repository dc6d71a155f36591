import { and, asc, eq, or } from 'drizzle-orm';
import type { Db, Tx } from '../../store/database.ts';
import { orgUnits } from '../../store/schema.ts';
import type { Actor } from '../actor.ts';
import { versionFor } from '../programmes.ts';
import { scopePaths, unitPath } from '../scope.ts';
import { checkPackageFilter, entryPeriod, ownsPeriod } from './packages.ts';
import { statusesIn, workflowKey, type StoredStatus, type WorkflowKey } from './statuses.ts';
import { isLocked, type WorkflowStatus } from './steps.ts';
import { Units } from './units.ts';
import { underPath } from '../subtree.ts';
import { periodStepPolicies, type PeriodStepPolicies } from '../policies/periodStep.ts';

export interface ListStatusesProps {
  readonly programmeId: string;
  readonly period: string;
  /** The subtree to list; the actor's whole scope when absent. */
  readonly root?: string | undefined;
  readonly package?: string | undefined;
  readonly status?: WorkflowStatus | undefined;
  readonly limit: number;
  readonly offset: number;
}

export interface StatusLine extends Omit<StoredStatus, 'updatedAt'> {
  readonly orgUnitName: string;
  readonly locked: boolean;
  readonly updatedAt: Date | null;
  /** What the actor may do with it (policies/periodStep.ts). */
  readonly policies: PeriodStepPolicies;
}

/**
 * Where every facility of a subtree stands for a period, package by package: one line per
 * unit the package is about (open when nothing happened yet), in tree order, limited to the
 * actor's scope. The caller has checked that the actor may read the root.
 */
export async function listStatuses(db: Db | Tx, actor: Actor, props: ListStatusesProps): Promise<{ items: StatusLine[]; total: number }> {
  const { programmeId } = props;
  const period = entryPeriod(props.period);
  const version = await versionFor(db, programmeId, period.id);
  checkPackageFilter(version, props.package);
  const packages = version.program.packages.filter((pkg) => (props.package === undefined || pkg.code === props.package) && ownsPeriod(pkg, period));
  const paths = props.root === undefined ? scopePaths(actor, programmeId, 'read') : [await unitPath(db, programmeId, props.root)];
  const rows = await unitsUnder(db, programmeId, paths);
  const units = Units.of(rows);
  const stored = await statusesIn(db, programmeId, period.id, paths);
  const keys = rows.flatMap((unit) =>
    packages
      .filter((pkg) => units.takesPart(unit.id, pkg))
      .map((pkg) => ({ key: { orgUnit: unit.id, period: period.id, package: pkg.code }, unit })),
  );
  const lines = keys.map(({ key, unit }) => line(key, unit, stored));
  const chosen = props.status === undefined ? lines : lines.filter((entry) => entry.status === props.status);
  const shown = chosen.slice(props.offset, props.offset + props.limit);
  return { items: shown.map(({ path, ...entry }) => ({ ...entry, policies: periodStepPolicies(actor, { programmeId, path, status: entry.status }) })), total: chosen.length };
}

function unitsUnder(db: Db | Tx, programmeId: string, paths: readonly string[]) {
  if (paths.length === 0) return Promise.resolve([]);
  return db
    .select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path, groups: orgUnits.groups })
    .from(orgUnits)
    .where(and(eq(orgUnits.programmeId, programmeId), or(...paths.map((path) => underPath(orgUnits.path, path)))))
    .orderBy(asc(orgUnits.path));
}

/** A line with its unit's path, from which the policies of the lines shown are decided. */
function line(key: WorkflowKey, unit: { name: string; path: string }, stored: ReadonlyMap<string, StoredStatus>): Omit<StatusLine, 'policies'> & { path: string } {
  const found = stored.get(workflowKey(key));
  const where = { orgUnitName: unit.name, path: unit.path };
  if (!found) return { ...key, ...where, status: 'open', version: 0, locked: false, updatedBy: null, updatedAt: null };
  return { ...found, ...where, locked: isLocked(found.status) };
}
