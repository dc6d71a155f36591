import { and, eq, sql } from 'drizzle-orm';
import { periodStatus } from "../../store/schema.js";
import { recordAudit } from "../audit.js";
import { errors } from "../errors.js";
import { versionFor } from "../programmes.js";
import { entryPeriod, workflowPackage } from "./packages.js";
import { problemError } from "./problems.js";
import { STEPS } from "./steps.js";
import { Units } from "./units.js";
import { fillValidatedDefaults } from "./validatedDefaults.js";
/**
 * Moves one facility's package for one period a step along the workflow. A step taken from
 * any other status than its own is refused with the current status; the caller has checked
 * that the actor's role owns the step (STEPS[step].action) on the unit.
 */
export async function moveStep(tx, actor, props) {
    const step = STEPS[props.step];
    const name = `org unit '${props.orgUnit}', period ${props.period}, package '${props.package}'`;
    const reason = props.reason?.trim() || undefined;
    if (step.needsReason && !reason)
        throw errors.validation(`reason: give a reason to ${props.step} ${name}`, [{ at: 'reason' }]);
    const pkg = await checkPackage(tx, props);
    const where = and(eq(periodStatus.programmeId, props.programmeId), eq(periodStatus.orgUnitId, props.orgUnit), eq(periodStatus.period, props.period), eq(periodStatus.package, props.package));
    // An open package has no row yet; version 0 makes its first step version 1.
    await tx
        .insert(periodStatus)
        .values({ programmeId: props.programmeId, orgUnitId: props.orgUnit, period: props.period, package: props.package, version: 0 })
        .onConflictDoNothing();
    const [current] = await tx.select({ status: periodStatus.status, version: periodStatus.version }).from(periodStatus).where(where).for('update');
    if (current.status !== step.from) {
        throw errors.invalidState(`${name} is ${current.status}; '${props.step}' moves it from ${step.from} to ${step.to}`, { status: current.status });
    }
    if (props.step === 'validate')
        await fillValidatedDefaults(tx, actor, props.programmeId, props, pkg);
    const [moved] = await tx
        .update(periodStatus)
        .set({ status: step.to, version: sql `${periodStatus.version} + 1`, updatedBy: actor.userId, updatedAt: sql `now()` })
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
        newValue: { status: moved.status, version: moved.version },
        ...(reason ? { reason } : {}),
    });
    const { programmeId: _programme, step: _step, reason: _reason, ...key } = props;
    return { ...key, ...moved, updatedBy: { id: actor.userId, username: actor.username, name: actor.name } };
}
/** The package must be in the version in force, tracked in this kind of period, and about the unit. */
async function checkPackage(tx, props) {
    const period = entryPeriod(props.period);
    const units = await Units.load(tx, props.programmeId, [props.orgUnit]);
    if (!units.get(props.orgUnit))
        throw errors.notFound(`org unit '${props.orgUnit}'`);
    const version = await versionFor(tx, props.programmeId, period.id);
    const found = workflowPackage(version, props, period, (pkg) => units.takesPart(props.orgUnit, pkg));
    if ('problem' in found)
        throw problemError(found.problem);
    return found.pkg;
}
//# sourceMappingURL=moveStep.js.map