import type { Db, Tx } from '../../store/database.ts';
import { versionFor } from '../programmes.ts';
import { checkPackageFilter, entryPeriod, holdingOf, readsPeriod } from '../workflow/packages.ts';
import { statusesOf, workflowKey, type StoredStatus } from '../workflow/statuses.ts';
import { isFrozen } from '../../contract/workflow.ts';
import { isLocked } from '../workflow/steps.ts';
import { Units } from '../workflow/units.ts';
import { valuesOf, type StoredValue } from './valueStore/index.ts';

export interface ReadDataValuesProps {
  readonly programmeId: string;
  readonly orgUnit: string;
  readonly period: string;
  readonly package?: string | undefined;
}

export interface PackageStatus extends Omit<StoredStatus, 'orgUnit' | 'updatedAt'> {
  readonly locked: boolean;
  /** The package's inputs whose values no longer change at this status (see frozenFrom). */
  readonly frozen: string[];
  readonly updatedAt: Date | null;
}

export interface UnitPeriodValues {
  readonly orgUnit: string;
  readonly period: string;
  readonly programmeVersion: number;
  readonly packages: PackageStatus[];
  readonly values: StoredValue[];
}

/**
 * A data-entry sheet: the values stored for a unit and period and, for each package of the
 * version in force that reads them, its workflow status and whether it is locked. With a
 * package, only that package and the values it reads.
 */
export async function readDataValues(db: Db | Tx, props: ReadDataValuesProps): Promise<UnitPeriodValues> {
  const { programmeId, orgUnit } = props;
  const period = entryPeriod(props.period);
  const version = await versionFor(db, programmeId, period.id);
  checkPackageFilter(version, props.package);
  const units = await Units.load(db, programmeId, [orgUnit]);
  const packages = version.program.packages.filter(
    (pkg) => (props.package === undefined || pkg.code === props.package) && readsPeriod(pkg, period) && units.takesPart(orgUnit, pkg),
  );
  const keys = packages.map((pkg) => ({ orgUnit, ...holdingOf(pkg, period) }));
  // Asked together, on two of the pool’s connections: the sheet waits for one round trip, not two.
  const [stored, values] = await Promise.all([statusesOf(db, programmeId, keys), valuesOf(db, programmeId, orgUnit, period.id)]);
  return {
    orgUnit,
    period: period.id,
    programmeVersion: version.version,
    packages: packages.map((pkg, i) => packageStatus(keys[i]!, pkg.inputs, stored.get(workflowKey(keys[i]!)))),
    values: props.package === undefined ? values : valuesRead(packages, values),
  };
}

/** The values the given packages read. */
function valuesRead(packages: readonly { activities: readonly { code: string }[]; inputs: readonly string[] }[], values: StoredValue[]) {
  const read = new Set(packages.flatMap((pkg) => pkg.activities.flatMap((activity) => pkg.inputs.map((state) => `${activity.code}\u0000${state}`))));
  return values.filter((value) => read.has(`${value.activity}\u0000${value.state}`));
}

function packageStatus(key: { period: string; package: string }, inputs: readonly string[], stored: StoredStatus | undefined): PackageStatus {
  if (!stored) return { period: key.period, package: key.package, status: 'open', version: 0, locked: false, frozen: [], updatedBy: null, updatedAt: null };
  const { period, package: pkg, status, version, updatedBy, updatedAt } = stored;
  const frozen = inputs.filter((input) => isFrozen(input, status));
  return { period, package: pkg, status, version, locked: isLocked(status), frozen, updatedBy, updatedAt };
}
