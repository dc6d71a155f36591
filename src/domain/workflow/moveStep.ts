import { and, eq, sql } from 'drizzle-orm';
import type { Program } from '../../engine/index.ts';
import type { Tx } from '../../store/database.ts';
import { periodStatus } from '../../store/schema.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { errors } from '../errors.ts';
import { versionFor } from '../programmes.ts';
import { entryPeriod, workflowPackage } from './packages.ts';
import { problemError } from './problems.ts';
import type { StoredStatus, WorkflowKey } from './statuses.ts';
import { checkPeriodStep, periodStepPolicies, type PeriodStepPolicies } from '../policies/periodStep.ts';
import { isLocked, STEPS, type StepName } from './steps.ts';
import { Units } from './units.ts';
import { fillValidatedDefaults } from './validatedDefaults.ts';

type Package = Program['packages'][number];

export interface MoveStepProps extends WorkflowKey {
  readonly programmeId: string;
  readonly step: StepName;
  /** Why; required to unlock, recorded in the audit log for every step. */
  readonly reason?: string | undefined;
}

export interface MovedStatus extends StoredStatus {
  readonly locked: boolean;
  readonly policies: PeriodStepPolicies;
}

/**
 * Moves one facility's package for one period a step along the workflow, as the policy
 * (policies/periodStep.ts) decides: the step's role on a subtree holding the unit (403), from
 * the step's own status (409 naming the current one). The answer carries what the actor may
 * do next.
 */
export async function moveStep(tx: Tx, actor: Actor, props: MoveStepProps): Promise<MovedStatus> {
  const step = STEPS[props.step];
  const name = `org unit '${props.orgUnit}', period ${props.period}, package '${props.package}'`;
  const reason = props.reason?.trim() || undefined;
  const { pkg, path } = await checkPackage(tx, props);
  const where = and(
    eq(periodStatus.programmeId, props.programmeId),
    eq(periodStatus.orgUnitId, props.orgUnit),
    eq(periodStatus.period, props.period),
    eq(periodStatus.package, props.package),
  );
  // An open package has no row yet; version 0 makes its first step version 1.
  await tx
    .insert(periodStatus)
    .values({ programmeId: props.programmeId, orgUnitId: props.orgUnit, period: props.period, package: props.package, version: 0 })
    .onConflictDoNothing();
  const [current] = await tx.select({ status: periodStatus.status, version: periodStatus.version }).from(periodStatus).where(where).for('update');
  checkPeriodStep(actor, { programmeId: props.programmeId, path, status: current!.status }, props.step, {
    unit: props.orgUnit,
    record: name,
    moves: `'${props.step}' moves it from ${step.from} to ${step.to}`,
  });
  if (step.needsReason && !reason) throw errors.validation(`reason: give a reason to ${props.step} ${name}`, [{ at: 'reason' }]);
  if (props.step === 'validate') await fillValidatedDefaults(tx, actor, props.programmeId, props, pkg);
  const [moved] = await tx
    .update(periodStatus)
    .set({ status: step.to, version: sql`${periodStatus.version} + 1`, updatedBy: actor.userId, updatedAt: sql`now()` })
    .where(where)
    .returning({ status: periodStatus.status, version: periodStatus.version, updatedAt: periodStatus.updatedAt });
  await recordAudit(tx, {
    programmeId: props.programmeId,
    userId: actor.userId,
    action: props.step,
    entity: 'period_status',
    entityKey: `${props.orgUnit}/${props.period}/${props.package}`,
    orgUnitId: props.orgUnit,
    oldValue: current,
    newValue: { status: moved!.status, version: moved!.version },
    ...(reason ? { reason } : {}),
  });
  const { programmeId: _programme, step: _step, reason: _reason, ...key } = props;
  return {
    ...key,
    ...moved!,
    locked: isLocked(moved!.status),
    updatedBy: { id: actor.userId, username: actor.username, name: actor.name },
    policies: periodStepPolicies(actor, { programmeId: props.programmeId, path, status: moved!.status }),
  };
}

/** The package must be in the version in force, tracked in this kind of period, and about the unit. */
async function checkPackage(tx: Tx, props: MoveStepProps): Promise<{ pkg: Package; path: string }> {
  const period = entryPeriod(props.period);
  const units = await Units.load(tx, props.programmeId, [props.orgUnit]);
  const unit = units.get(props.orgUnit);
  if (!unit) throw errors.notFound(`org unit '${props.orgUnit}'`);
  const version = await versionFor(tx, props.programmeId, period.id);
  const found = workflowPackage(version, props, period, (pkg) => units.takesPart(props.orgUnit, pkg));
  if ('problem' in found) throw problemError(found.problem);
  return { pkg: found.pkg, path: unit.path };
}
