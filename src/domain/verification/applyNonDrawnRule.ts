import { and, eq, inArray, isNull, type AnyColumn } from 'drizzle-orm';
import type { Tx } from '../../store/database.ts';
import { dataValues, periodStatus, verificationDrawEntries, verificationDraws } from '../../store/schema.ts';
import type { Actor } from '../actor.ts';
import { recordAudit, type AuditEntry } from '../audit.ts';
import { errors } from '../errors.ts';
import { checkDrawAuthority } from '../policies/verificationDraw.ts';
import { unitPath } from '../scope.ts';
import { loadDraw, type DrawRow } from './drawRecords.ts';
import { Exact } from './exact.ts';
import { drawPeriod, periodsEstimated } from './periods.ts';

export interface ApplyNonDrawnRuleProps {
  readonly programmeId: string;
  readonly drawId: number;
}

export interface ApplyNonDrawnRuleResult {
  readonly drawId: number;
  readonly appliedAt: Date;
  /** Facilities not drawn, whose verified values were estimated. */
  readonly facilities: number;
  readonly values: number;
  /** Facilities not drawn that declared nothing for the period: nothing to estimate. */
  readonly withoutDeclarations: string[];
}

/** Statuses from validation on: the period is locked for every state below. */
const LOCKED = ['validated', 'invoiced', 'approved', 'ordered', 'paid'] as const;
const BATCH = 2000;
const DETAILS = 100;

/**
 * Pays the facilities a draw did not select on their declarations, discounted by their
 * history: for each declared value of the period, verified = declared × the validation
 * rate recorded in the facility's entry, rounded half away from zero to whole units. All or
 * nothing: refused if any of these facilities already has a verified value for the period
 * (someone verified it after all) or a locked period. A draw is applied once, by whom the
 * policy (policies/verificationDraw.ts) allows.
 */
export async function applyNonDrawnRule(tx: Tx, actor: Actor, props: ApplyNonDrawnRuleProps): Promise<ApplyNonDrawnRuleResult> {
  const { programmeId, drawId } = props;
  const draw = await loadDraw(tx, programmeId, drawId);
  const record = { programmeId, rootPath: await unitPath(tx, programmeId, draw.rootOrgUnitId), appliedAt: draw.appliedAt, replacedAt: draw.replacedAt };
  checkDrawAuthority(actor, record, `verification draw ${drawId} of '${draw.rootOrgUnitId}'`);
  const appliedAt = await markApplied(tx, actor, draw);
  const periods = periodsEstimated(drawPeriod(draw.period));
  const undrawn = await tx
    .select({ orgUnitId: verificationDrawEntries.orgUnitId, validationRate: verificationDrawEntries.validationRate })
    .from(verificationDrawEntries)
    .where(and(eq(verificationDrawEntries.programmeId, programmeId), eq(verificationDrawEntries.drawId, drawId), eq(verificationDrawEntries.drawn, false)));
  const rates = new Map(undrawn.map((entry) => [entry.orgUnitId, entry.validationRate ?? 1]));
  await refuseVerifiedOrLocked(tx, draw, periods);
  const declared = await undrawnValues(tx, draw, periods, 'declared');
  const estimated = declared.map((row) => ({
    ...row,
    value: new Exact(row.value).times(rates.get(row.orgUnitId)!).toDecimalPlaces(0, Exact.ROUND_HALF_UP).toFixed(0),
  }));
  await insertVerified(tx, actor, draw, estimated);
  const audits = [...estimateAudits(actor, draw, estimated, rates), drawAudit(actor, draw, estimated.length)];
  // Batched: a national draw audits thousands of facilities, beyond one statement's parameters.
  for (let i = 0; i < audits.length; i += BATCH) await recordAudit(tx, audits.slice(i, i + BATCH));
  const declaring = new Set(declared.map((row) => row.orgUnitId));
  return {
    drawId,
    appliedAt,
    facilities: undrawn.length,
    values: estimated.length,
    withoutDeclarations: undrawn.map((entry) => entry.orgUnitId).filter((id) => !declaring.has(id)),
  };
}

/** Marks the draw applied first, which also locks its row against a concurrent apply or replacement. */
async function markApplied(tx: Tx, actor: Actor, draw: DrawRow): Promise<Date> {
  const record = `verification draw ${draw.id} of '${draw.rootOrgUnitId}' for ${draw.period}`;
  if (draw.replacedAt) throw errors.invalidState(`${record} was replaced by draw ${draw.replacedBy}; apply the current draw`, { replacedBy: draw.replacedBy });
  if (draw.appliedAt) throw errors.invalidState(`${record} was already applied on ${draw.appliedAt.toISOString()}`, { appliedAt: draw.appliedAt });
  const [marked] = await tx
    .update(verificationDraws)
    .set({ appliedAt: new Date(), appliedBy: actor.userId })
    .where(and(eq(verificationDraws.programmeId, draw.programmeId), eq(verificationDraws.id, draw.id), isNull(verificationDraws.appliedAt), isNull(verificationDraws.replacedAt)))
    .returning({ appliedAt: verificationDraws.appliedAt });
  if (!marked?.appliedAt) throw errors.conflict(`${record} was applied or replaced meanwhile`);
  return marked.appliedAt;
}

async function refuseVerifiedOrLocked(tx: Tx, draw: DrawRow, periods: string[]): Promise<void> {
  const verified = await undrawnValues(tx, draw, periods, 'verified');
  if (verified.length > 0) {
    const first = verified[0]!;
    throw errors.conflict(
      `data value '${first.activity}' of '${first.orgUnitId}' for ${first.period} is already verified (${verified.length} verified values among the facilities not drawn); nothing was written`,
      { count: verified.length, values: verified.slice(0, DETAILS) },
    );
  }
  const locked = await tx
    .select({ orgUnitId: periodStatus.orgUnitId, period: periodStatus.period, package: periodStatus.package, status: periodStatus.status })
    .from(periodStatus)
    .innerJoin(verificationDrawEntries, undrawnEntry(draw, periodStatus.orgUnitId, periodStatus.programmeId))
    .where(and(eq(periodStatus.programmeId, draw.programmeId), inArray(periodStatus.period, periods), inArray(periodStatus.status, [...LOCKED])));
  if (locked.length > 0) {
    const first = locked[0]!;
    throw errors.locked(`package '${first.package}' of '${first.orgUnitId}' for ${first.period} is ${first.status} and locked; nothing was written`, {
      count: locked.length,
      periods: locked.slice(0, DETAILS),
    });
  }
}

/** Join condition: the row's org unit is one the draw did not select. */
function undrawnEntry(draw: DrawRow, orgUnitId: AnyColumn, programmeId: AnyColumn) {
  return and(
    eq(verificationDrawEntries.programmeId, programmeId),
    eq(verificationDrawEntries.orgUnitId, orgUnitId),
    eq(verificationDrawEntries.drawId, draw.id),
    eq(verificationDrawEntries.drawn, false),
  );
}

async function undrawnValues(tx: Tx, draw: DrawRow, periods: string[], state: 'declared' | 'verified') {
  return tx
    .select({ orgUnitId: dataValues.orgUnitId, period: dataValues.period, activity: dataValues.activity, value: dataValues.value })
    .from(dataValues)
    .innerJoin(verificationDrawEntries, undrawnEntry(draw, dataValues.orgUnitId, dataValues.programmeId))
    .where(and(eq(dataValues.programmeId, draw.programmeId), eq(dataValues.state, state), inArray(dataValues.period, periods)))
    .orderBy(dataValues.orgUnitId, dataValues.period, dataValues.activity);
}

type Estimate = { orgUnitId: string; period: string; activity: string; value: string };

/** Inserts, refusing the whole apply if a verified value appeared since the check (a concurrent verifier). */
async function insertVerified(tx: Tx, actor: Actor, draw: DrawRow, estimated: readonly Estimate[]): Promise<void> {
  const rows = estimated.map((row) => ({ programmeId: draw.programmeId, ...row, state: 'verified', updatedBy: actor.userId }));
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const inserted = await tx.insert(dataValues).values(batch).onConflictDoNothing().returning({ orgUnitId: dataValues.orgUnitId });
    if (inserted.length < batch.length) throw errors.conflict(`verified values were entered for facilities of verification draw ${draw.id} meanwhile; nothing was written`);
  }
}

/** One audit record per facility and period: the values estimated, the draw and the rate. */
function estimateAudits(actor: Actor, draw: DrawRow, estimated: readonly Estimate[], rates: ReadonlyMap<string, number>): AuditEntry[] {
  const groups = new Map<string, { orgUnitId: string; period: string; values: Record<string, string> }>();
  for (const row of estimated) {
    const key = `${row.orgUnitId}/${row.period}`;
    const group = groups.get(key) ?? { orgUnitId: row.orgUnitId, period: row.period, values: {} };
    group.values[row.activity] = row.value;
    groups.set(key, group);
  }
  return [...groups.entries()].map(([key, group]) => ({
    programmeId: draw.programmeId,
    userId: actor.userId,
    action: 'estimate',
    entity: 'data_values',
    entityKey: `${key}/verified`,
    orgUnitId: group.orgUnitId,
    oldValue: null,
    newValue: group.values,
    reason: `verification draw ${draw.id}: not drawn; verified = declared × validation rate ${rates.get(group.orgUnitId)}`,
  }));
}

function drawAudit(actor: Actor, draw: DrawRow, values: number): AuditEntry {
  return {
    programmeId: draw.programmeId,
    userId: actor.userId,
    action: 'apply',
    entity: 'verification_draw',
    entityKey: String(draw.id),
    orgUnitId: draw.rootOrgUnitId,
    oldValue: { appliedAt: null },
    newValue: { appliedBy: actor.userId, values },
  };
}
