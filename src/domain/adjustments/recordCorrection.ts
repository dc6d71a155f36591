import { and, eq } from 'drizzle-orm';
import { INPUT_TYPE_MESSAGES, inputTypeProblem } from '../../engine/index.ts';
import type { Tx } from '../../store/database.ts';
import { corrections, periodStatus } from '../../store/schema.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { storedText } from '../dataValues/value.ts';
import { errors } from '../errors.ts';
import { versionFor } from '../programmes.ts';
import { isCorrectable } from '../policies/invoice.ts';
import { authorize } from '../scope.ts';

export interface CorrectedValue {
  readonly activity: string;
  /** The data state corrected; the committee's `validated` figure by default. */
  readonly state?: string;
  readonly value: number;
}

export interface RecordCorrectionProps {
  readonly programmeId: string;
  readonly orgUnitId: string;
  readonly period: string;
  readonly package: string;
  readonly values: readonly CorrectedValue[];
  readonly reason: string;
}

export interface RecordedCorrection {
  readonly id: number;
  readonly orgUnitId: string;
  readonly period: string;
  readonly package: string;
  readonly values: Record<string, Record<string, string>>;
  readonly reason: string;
}

/**
 * Records corrected figures of a facility's package period whose invoice is already approved,
 * ordered or paid. Nothing validated or paid changes: the correction is a new record, audited
 * with its reason, and the facility's next invoice run carries the difference it makes. A
 * period not yet approved is corrected through the workflow instead (409 naming its state).
 */
export async function recordCorrection(tx: Tx, actor: Actor, props: RecordCorrectionProps): Promise<RecordedCorrection> {
  const { programmeId, orgUnitId, period } = props;
  await authorize(tx, actor, programmeId, 'period.correct', orgUnitId);
  const reason = props.reason.trim();
  if (!reason) throw errors.validation(`reason: give a reason for the correction of '${orgUnitId}' ${period}`, [{ at: 'reason' }]);
  const values = checkedValues(await versionFor(tx, programmeId, period), props);
  const [status] = await tx
    .select({ status: periodStatus.status })
    .from(periodStatus)
    .where(and(eq(periodStatus.programmeId, programmeId), eq(periodStatus.orgUnitId, orgUnitId), eq(periodStatus.period, period), eq(periodStatus.package, props.package)))
    .for('update');
  const state = status?.status ?? 'open';
  // The invoice policy's rule (src/domain/policies/invoice.ts): its role half is the authorize above.
  if (!isCorrectable(state)) {
    throw errors.invalidState(
      `package '${props.package}' of '${orgUnitId}' for ${period} is ${state}: a correction is recorded once its invoice is approved; before that, go back through the workflow (reject the prepared invoice, unlock, return)`,
      { status: state },
    );
  }
  const [row] = await tx
    .insert(corrections)
    .values({ programmeId, orgUnitId, period, package: props.package, values, reason, createdBy: actor.userId })
    .returning();
  await recordAudit(tx, {
    programmeId,
    userId: actor.userId,
    action: 'correct',
    entity: 'correction',
    entityKey: String(row!.id),
    orgUnitId,
    newValue: { period, package: props.package, status: state, values },
    reason,
  });
  return { id: row!.id, orgUnitId, period, package: props.package, values, reason };
}

type Version = Awaited<ReturnType<typeof versionFor>>;

/** The values by activity and state as exact text, each checked against the package of the period's version (400 naming it). */
function checkedValues(version: Version, props: RecordCorrectionProps): Record<string, Record<string, string>> {
  const pkg = version.program.packages.find((candidate) => candidate.code === props.package);
  if (!pkg) throw errors.validation(`package: programme version ${version.version} has no package '${props.package}'`, [{ at: 'package' }]);
  if (props.values.length === 0) throw errors.validation('values: give at least one corrected value', [{ at: 'values' }]);
  const values: Record<string, Record<string, string>> = {};
  props.values.forEach((entry, i) => {
    const at = `values[${i}]`;
    const state = entry.state ?? 'validated';
    if (!pkg.activities.some((activity) => activity.code === entry.activity)) {
      throw errors.validation(`${at}.activity: package '${pkg.code}' has no activity '${entry.activity}'`, [{ at: `${at}.activity` }]);
    }
    if (!pkg.inputs.includes(state)) throw errors.validation(`${at}.state: package '${pkg.code}' has no input '${state}'`, [{ at: `${at}.state` }]);
    const wrong = inputTypeProblem(pkg.inputTypes?.[state], entry.value);
    if (wrong) throw errors.validation(`${at}.value: the ${state} value of '${entry.activity}' ${INPUT_TYPE_MESSAGES.en[wrong.reason](wrong.value)}`, [{ at: `${at}.value` }]);
    if (values[entry.activity]?.[state] !== undefined) {
      throw errors.validation(`${at}: the ${state} value of '${entry.activity}' is given twice`, [{ at }]);
    }
    values[entry.activity] = { ...values[entry.activity], [state]: storedText(entry.value) };
  });
  return values;
}
