import { parsePeriod } from '../../engine/index.ts';
import type { Db, Tx } from '../../store/database.ts';
import type { Actor } from '../actor.ts';
import { versionInForce, versionsOf, type ProgrammeVersion } from '../programmes.ts';
import { entryProblem } from '../../contract/periodBounds.ts';
import { allows } from '../scope.ts';
import { isFrozen, frozenFrom } from '../../contract/workflow.ts';
import { refusalOf, statusesOf, workflowKey, type HeldKey } from '../workflow/statuses.ts';
import { holdingsOf } from '../workflow/packages.ts';
import type { Problem } from '../workflow/problems.ts';
import { Units } from '../workflow/units.ts';
import type { CheckedRow, RowError, ValueRow } from './rows.ts';
import { actionForState } from './states.ts';
import { valueTypeProblem } from './valueType.ts';

interface Context {
  readonly actor: Actor;
  readonly programmeId: string;
  readonly units: Units;
  readonly versions: ReadonlyMap<string, ProgrammeVersion | undefined>;
}

/**
 * Checks rows against the store in a few batched queries, whatever their number: the rules of
 * the programme (see checkAgainstProgramme), then no package reading the value is locked. With
 * `hold`, the locks checked stay held for the caller's write (see statusesOf).
 */
export async function checkRows(
  db: Db | Tx,
  actor: Actor,
  programmeId: string,
  rows: readonly ValueRow[],
  hold: boolean,
): Promise<{ checked: CheckedRow[]; errors: RowError[] }> {
  const { checked: candidates, errors } = await checkAgainstProgramme(db, actor, programmeId, rows);
  const statuses = await statusesOf(db, programmeId, candidates.flatMap(heldBy), hold);
  const checked = candidates.filter((row) => {
    for (const key of heldBy(row)) {
      const status = statuses.get(workflowKey(key))?.status;
      if (status && isFrozen(row.state, status)) {
        errors.push({ row: row.row, field: 'period', ...refusalOf(key, row.state, status) });
        return false;
      }
    }
    return true;
  });
  errors.sort((a, b) => a.row - b.row);
  return { checked, errors };
}

/**
 * The checks that read no lock, from cached facts (a query only on a miss): the unit exists; a
 * package of the version in force for the period reads the activity and state and is about the
 * unit; the actor's role writes that state in a subtree holding the unit; the value is of the
 * type those packages give the state.
 */
export async function checkAgainstProgramme(
  db: Db | Tx,
  actor: Actor,
  programmeId: string,
  rows: readonly ValueRow[],
): Promise<{ checked: CheckedRow[]; errors: RowError[] }> {
  const context: Context = {
    actor,
    programmeId,
    units: await Units.load(db, programmeId, rows.map((row) => row.orgUnit)),
    versions: await versionsByPeriod(db, programmeId, rows.map((row) => row.period)),
  };
  const checked: CheckedRow[] = [];
  const errors: RowError[] = [];
  for (const row of rows) {
    const result = checkRow(context, row);
    if ('problem' in result) errors.push({ row: row.row, ...result.problem });
    else checked.push(result.checked);
  }
  return { checked, errors };
}

/** The workflow keys (unit, period, package) whose statuses govern a checked row, and from which status each refuses it. */
export function heldBy(row: CheckedRow): HeldKey[] {
  const from = frozenFrom(row.state);
  return row.holdings.map((held) => ({ orgUnit: row.orgUnit, ...held, frozenFrom: from }));
}

function checkRow(context: Context, row: ValueRow): { checked: CheckedRow } | { problem: Problem } {
  const { actor, programmeId } = context;
  const unit = context.units.get(row.orgUnit);
  if (!unit) {
    return { problem: { field: 'orgUnit', code: 'UNKNOWN_ORG_UNIT', message: `org unit '${row.orgUnit}' is not in programme '${programmeId}'` } };
  }
  const outside = entryProblem(row.period);
  if (outside) return { problem: { field: 'period', code: 'PERIOD_OUT_OF_RANGE', message: `period: ${outside}` } };
  const period = parsePeriod(row.period);
  const version = context.versions.get(row.period);
  if (!period || !version) {
    return { problem: { field: 'period', code: 'NO_VERSION', message: `no version of programme '${programmeId}' is in force for ${row.period}` } };
  }
  const found = holdingsOf(version, row, period, (pkg) => context.units.takesPart(row.orgUnit, pkg));
  if ('problem' in found) return found;
  const action = actionForState(row.state);
  if (!allows(actor, programmeId, action)) {
    return { problem: { field: 'state', code: 'ROLE_NOT_ALLOWED', message: `your roles may not write state '${row.state}' (it needs '${action}')` } };
  }
  if (!allows(actor, programmeId, action, unit.path)) {
    return { problem: { field: 'orgUnit', code: 'OUT_OF_SCOPE', message: `org unit '${row.orgUnit}' is outside the subtrees where you may '${action}'` } };
  }
  const wrongType = valueTypeProblem(version, row, found.holdings);
  if (wrongType) return { problem: wrongType };
  return { checked: { ...row, holdings: found.holdings } };
}

/**
 * The version in force for each distinct period; undefined where none is. The versions are
 * read once, however many periods: read per period inside an import's transaction, each
 * read was kept until commit, and 15,000 periods took gigabytes.
 */
async function versionsByPeriod(db: Db | Tx, programmeId: string, periods: readonly string[]) {
  const versions = await versionsOf(db, programmeId);
  return new Map([...new Set(periods)].map((period) => [period, versionInForce(versions, period)]));
}
