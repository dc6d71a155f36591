import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Period } from '../../engine/model/period.ts';
import type { Tx } from '../../store/database.ts';
import { orgUnits, verificationDrawEntries, verificationDraws } from '../../store/schema.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { errors } from '../errors.ts';
import { unitPath } from '../scope.ts';
import { drawSubtree, type DrawEntry } from './draw.ts';
import { loadDraw, summarise, type DrawRow, type DrawSummary } from './drawRecords.ts';
import { subtreeFacilities } from './facilities.ts';
import { subtreeHistory } from './history.ts';
import { parseInput } from './input.ts';
import { createDrawInput, type CreateDrawInput, type StoredParameters } from '../../contract/api/verification.ts';
import { drawPeriod, historyWindow, periodsSharingMonths } from './periods.ts';
import { DRAW_ALGORITHM, newSeed } from './prng.ts';
import { underPath } from '../subtree.ts';


export interface CreateDrawProps extends CreateDrawInput {
  readonly programmeId: string;
}

const BATCH = 2000;

/**
 * Draws the facilities of a subtree to verify in a period. The current draw of the same
 * subtree and period is returned as it is, unless `replace` is asked with a reason; a draw
 * overlapping another subtree's draw of the same months is refused, so that no facility is
 * in two draws at once.
 */
export async function createVerificationDraw(tx: Tx, actor: Actor, props: CreateDrawProps): Promise<{ draw: DrawSummary; created: boolean }> {
  const { programmeId } = props;
  const input = parseInput(createDrawInput, props);
  const record = `the verification draw of '${input.rootOrgUnitId}' for ${input.period}`;
  if (input.replace && !input.reason?.trim()) throw errors.validation(`reason: replacing ${record} needs a reason`, [{ at: 'reason' }]);
  const period = drawPeriod(input.period);
  const rootPath = await unitPath(tx, programmeId, input.rootOrgUnitId);
  const current = await currentDraw(tx, programmeId, input.rootOrgUnitId, rootPath, period);
  if (current && !input.replace) return { draw: await summaryOf(tx, actor, programmeId, current), created: false };
  if (current) await markReplaced(tx, current);

  const parameters: StoredParameters = { ...input.parameters, algorithm: DRAW_ALGORITHM, window: historyWindow(period, input.parameters.historyMonths) };
  const seed = input.seed ?? newSeed();
  const entries = await drawEntries(tx, programmeId, input.rootOrgUnitId, rootPath, period, seed, parameters);
  const [inserted] = await tx
    .insert(verificationDraws)
    .values({ programmeId, rootOrgUnitId: input.rootOrgUnitId, period: period.id, seed, parameters, createdBy: actor.userId })
    .onConflictDoNothing({ target: [verificationDraws.programmeId, verificationDraws.rootOrgUnitId, verificationDraws.period], where: sql`replaced_at is null` })
    .returning();
  if (!inserted) return raceLost(tx, actor, programmeId, input.rootOrgUnitId, rootPath, period, current !== undefined);
  await insertEntries(tx, inserted, entries);
  if (current) await linkReplacement(tx, actor, current, inserted.id, input.reason!.trim());
  await recordAudit(tx, {
    programmeId,
    userId: actor.userId,
    action: 'create',
    entity: 'verification_draw',
    entityKey: String(inserted.id),
    orgUnitId: inserted.rootOrgUnitId,
    newValue: { rootOrgUnitId: inserted.rootOrgUnitId, period: inserted.period, seed, parameters, facilities: entries.length, drawn: entries.filter((e) => e.drawn).length },
    ...(current ? { reason: input.reason!.trim() } : {}),
  });
  return { draw: await summaryOf(tx, actor, programmeId, inserted), created: true };
}

/**
 * The current draw of this subtree and period, if any. A current draw of an overlapping
 * subtree (ancestor or descendant) for a period sharing a month is a conflict.
 */
async function currentDraw(tx: Tx, programmeId: string, rootOrgUnitId: string, rootPath: string, period: Period): Promise<DrawRow | undefined> {
  const rows = await tx
    .select({ draw: verificationDraws })
    .from(verificationDraws)
    .innerJoin(orgUnits, and(eq(orgUnits.programmeId, verificationDraws.programmeId), eq(orgUnits.id, verificationDraws.rootOrgUnitId)))
    .where(
      and(
        eq(verificationDraws.programmeId, programmeId),
        isNull(verificationDraws.replacedAt),
        inArray(verificationDraws.period, periodsSharingMonths(period)),
        or(underPath(orgUnits.path, rootPath), sql`starts_with(${rootPath}, ${orgUnits.path})`),
      ),
    );
  const same = rows.find(({ draw }) => draw.rootOrgUnitId === rootOrgUnitId && draw.period === period.id)?.draw;
  const others = rows.filter(({ draw }) => draw !== same).map(({ draw }) => draw);
  if (others.length > 0) {
    const first = others[0]!;
    throw errors.conflict(
      `rootOrgUnitId: verification draw ${first.id} of '${first.rootOrgUnitId}' for ${first.period} overlaps the subtree of '${rootOrgUnitId}' in ${period.id}`,
      others.map((draw) => ({ drawId: draw.id, rootOrgUnitId: draw.rootOrgUnitId, period: draw.period })),
    );
  }
  return same;
}

/** Marks a draw replaced, unless it has been applied: the values it estimated stand. */
async function markReplaced(tx: Tx, draw: DrawRow): Promise<void> {
  const [marked] = await tx
    .update(verificationDraws)
    .set({ replacedAt: new Date() })
    .where(and(eq(verificationDraws.programmeId, draw.programmeId), eq(verificationDraws.id, draw.id), isNull(verificationDraws.replacedAt), isNull(verificationDraws.appliedAt)))
    .returning({ id: verificationDraws.id });
  if (marked) return;
  const now = await loadDraw(tx, draw.programmeId, draw.id);
  if (now.appliedAt) {
    throw errors.invalidState(`verification draw ${draw.id} of '${draw.rootOrgUnitId}' for ${draw.period} has been applied and can no longer be replaced`, { drawId: draw.id });
  }
  throw errors.conflict(`verification draw ${draw.id} of '${draw.rootOrgUnitId}' for ${draw.period} was replaced meanwhile`, { drawId: draw.id, replacedBy: now.replacedBy });
}

async function linkReplacement(tx: Tx, actor: Actor, old: DrawRow, replacedBy: number, reason: string): Promise<void> {
  await tx
    .update(verificationDraws)
    .set({ replacedBy })
    .where(and(eq(verificationDraws.programmeId, old.programmeId), eq(verificationDraws.id, old.id)));
  await recordAudit(tx, {
    programmeId: old.programmeId,
    userId: actor.userId,
    action: 'replace',
    entity: 'verification_draw',
    entityKey: String(old.id),
    orgUnitId: old.rootOrgUnitId,
    oldValue: { seed: old.seed, parameters: old.parameters, replacedBy: null },
    newValue: { replacedBy },
    reason,
  });
}

async function drawEntries(
  tx: Tx,
  programmeId: string,
  rootOrgUnitId: string,
  rootPath: string,
  period: Period,
  seed: string,
  parameters: StoredParameters,
): Promise<DrawEntry[]> {
  const facilities = await subtreeFacilities(tx, programmeId, rootPath, period);
  if (facilities.length === 0) {
    throw errors.unprocessable('NO_FACILITIES', `rootOrgUnitId: org unit '${rootOrgUnitId}' has no facility open in ${period.id}`, [{ at: 'rootOrgUnitId' }]);
  }
  const histories = await subtreeHistory(tx, programmeId, rootPath, parameters.window);
  return drawSubtree(seed, facilities, histories, parameters.window, parameters);
}

async function insertEntries(tx: Tx, draw: DrawRow, entries: readonly DrawEntry[]): Promise<void> {
  const rows = entries.map((entry) => ({ programmeId: draw.programmeId, drawId: draw.id, ...entry }));
  for (let i = 0; i < rows.length; i += BATCH) await tx.insert(verificationDrawEntries).values(rows.slice(i, i + BATCH));
}

/**
 * Someone else created the draw meanwhile (PostgreSQL waited for their commit): theirs is
 * the draw. A replacement that lost the race is undone, to be asked again knowingly.
 */
async function raceLost(tx: Tx, actor: Actor, programmeId: string, rootOrgUnitId: string, rootPath: string, period: Period, replacing: boolean) {
  const winner = replacing ? undefined : await currentDraw(tx, programmeId, rootOrgUnitId, rootPath, period);
  if (!winner) throw errors.conflict(`the verification draw of '${rootOrgUnitId}' for ${period.id} changed meanwhile; try again`);
  return { draw: await summaryOf(tx, actor, programmeId, winner), created: false };
}

async function summaryOf(tx: Tx, actor: Actor, programmeId: string, draw: DrawRow): Promise<DrawSummary> {
  const [summary] = await summarise(tx, actor, programmeId, [await loadDraw(tx, programmeId, draw.id)]);
  return summary!;
}
