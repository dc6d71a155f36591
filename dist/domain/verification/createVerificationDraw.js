import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { orgUnits, verificationDrawEntries, verificationDraws } from "../../store/schema.js";
import { recordAudit } from "../audit.js";
import { errors } from "../errors.js";
import { unitPath } from "../scope.js";
import { drawSubtree } from "./draw.js";
import { loadDraw, summarise } from "./drawRecords.js";
import { subtreeFacilities } from "./facilities.js";
import { subtreeHistory } from "./history.js";
import { parseInput } from "./input.js";
import { drawParameters } from "./parameters.js";
import { drawPeriod, historyWindow, periodsSharingMonths } from "./periods.js";
import { DRAW_ALGORITHM, newSeed } from "./prng.js";
import { underPath } from "../subtree.js";
export const createDrawInput = z.object({
    rootOrgUnitId: z.string().min(1).describe('root of the subtree whose facilities are drawn'),
    period: z.string().min(1).describe('DHIS2 month (202406) or quarter (2024Q2) to verify'),
    seed: z.string().min(1).max(200).optional().describe('seed of the draw; a random one is made and recorded when absent'),
    parameters: drawParameters.prefault({}),
    replace: z.boolean().default(false).describe('replace the current draw of this subtree and period (needs a reason)'),
    reason: z.string().optional(),
});
const BATCH = 2000;
/**
 * Draws the facilities of a subtree to verify in a period. The current draw of the same
 * subtree and period is returned as it is, unless `replace` is asked with a reason; a draw
 * overlapping another subtree's draw of the same months is refused, so that no facility is
 * in two draws at once.
 */
export async function createVerificationDraw(tx, actor, props) {
    const { programmeId } = props;
    const input = parseInput(createDrawInput, props);
    const record = `the verification draw of '${input.rootOrgUnitId}' for ${input.period}`;
    if (input.replace && !input.reason?.trim())
        throw errors.validation(`reason: replacing ${record} needs a reason`, [{ at: 'reason' }]);
    const period = drawPeriod(input.period);
    const rootPath = await unitPath(tx, programmeId, input.rootOrgUnitId);
    const current = await currentDraw(tx, programmeId, input.rootOrgUnitId, rootPath, period);
    if (current && !input.replace)
        return { draw: await summaryOf(tx, actor, programmeId, current), created: false };
    if (current)
        await markReplaced(tx, current);
    const parameters = { ...input.parameters, algorithm: DRAW_ALGORITHM, window: historyWindow(period, input.parameters.historyMonths) };
    const seed = input.seed ?? newSeed();
    const entries = await drawEntries(tx, programmeId, input.rootOrgUnitId, rootPath, period, seed, parameters);
    const [inserted] = await tx
        .insert(verificationDraws)
        .values({ programmeId, rootOrgUnitId: input.rootOrgUnitId, period: period.id, seed, parameters, createdBy: actor.userId })
        .onConflictDoNothing({ target: [verificationDraws.programmeId, verificationDraws.rootOrgUnitId, verificationDraws.period], where: sql `replaced_at is null` })
        .returning();
    if (!inserted)
        return raceLost(tx, actor, programmeId, input.rootOrgUnitId, rootPath, period, current !== undefined);
    await insertEntries(tx, inserted, entries);
    if (current)
        await linkReplacement(tx, actor, current, inserted.id, input.reason.trim());
    await recordAudit(tx, {
        programmeId,
        userId: actor.userId,
        action: 'create',
        entity: 'verification_draw',
        entityKey: String(inserted.id),
        orgUnitId: inserted.rootOrgUnitId,
        newValue: { rootOrgUnitId: inserted.rootOrgUnitId, period: inserted.period, seed, parameters, facilities: entries.length, drawn: entries.filter((e) => e.drawn).length },
        ...(current ? { reason: input.reason.trim() } : {}),
    });
    return { draw: await summaryOf(tx, actor, programmeId, inserted), created: true };
}
/**
 * The current draw of this subtree and period, if any. A current draw of an overlapping
 * subtree (ancestor or descendant) for a period sharing a month is a conflict.
 */
async function currentDraw(tx, programmeId, rootOrgUnitId, rootPath, period) {
    const rows = await tx
        .select({ draw: verificationDraws })
        .from(verificationDraws)
        .innerJoin(orgUnits, and(eq(orgUnits.programmeId, verificationDraws.programmeId), eq(orgUnits.id, verificationDraws.rootOrgUnitId)))
        .where(and(eq(verificationDraws.programmeId, programmeId), isNull(verificationDraws.replacedAt), inArray(verificationDraws.period, periodsSharingMonths(period)), or(underPath(orgUnits.path, rootPath), sql `starts_with(${rootPath}, ${orgUnits.path})`)));
    const same = rows.find(({ draw }) => draw.rootOrgUnitId === rootOrgUnitId && draw.period === period.id)?.draw;
    const others = rows.filter(({ draw }) => draw !== same).map(({ draw }) => draw);
    if (others.length > 0) {
        const first = others[0];
        throw errors.conflict(`rootOrgUnitId: verification draw ${first.id} of '${first.rootOrgUnitId}' for ${first.period} overlaps the subtree of '${rootOrgUnitId}' in ${period.id}`, others.map((draw) => ({ drawId: draw.id, rootOrgUnitId: draw.rootOrgUnitId, period: draw.period })));
    }
    return same;
}
/** Marks a draw replaced, unless it has been applied: the values it estimated stand. */
async function markReplaced(tx, draw) {
    const [marked] = await tx
        .update(verificationDraws)
        .set({ replacedAt: new Date() })
        .where(and(eq(verificationDraws.programmeId, draw.programmeId), eq(verificationDraws.id, draw.id), isNull(verificationDraws.replacedAt), isNull(verificationDraws.appliedAt)))
        .returning({ id: verificationDraws.id });
    if (marked)
        return;
    const now = await loadDraw(tx, draw.programmeId, draw.id);
    if (now.appliedAt) {
        throw errors.invalidState(`verification draw ${draw.id} of '${draw.rootOrgUnitId}' for ${draw.period} has been applied and can no longer be replaced`, { drawId: draw.id });
    }
    throw errors.conflict(`verification draw ${draw.id} of '${draw.rootOrgUnitId}' for ${draw.period} was replaced meanwhile`, { drawId: draw.id, replacedBy: now.replacedBy });
}
async function linkReplacement(tx, actor, old, replacedBy, reason) {
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
async function drawEntries(tx, programmeId, rootOrgUnitId, rootPath, period, seed, parameters) {
    const facilities = await subtreeFacilities(tx, programmeId, rootPath, period);
    if (facilities.length === 0) {
        throw errors.unprocessable('NO_FACILITIES', `rootOrgUnitId: org unit '${rootOrgUnitId}' has no facility open in ${period.id}`, [{ at: 'rootOrgUnitId' }]);
    }
    const histories = await subtreeHistory(tx, programmeId, rootPath, parameters.window);
    return drawSubtree(seed, facilities, histories, parameters.window, parameters);
}
async function insertEntries(tx, draw, entries) {
    const rows = entries.map((entry) => ({ programmeId: draw.programmeId, drawId: draw.id, ...entry }));
    for (let i = 0; i < rows.length; i += BATCH)
        await tx.insert(verificationDrawEntries).values(rows.slice(i, i + BATCH));
}
/**
 * Someone else created the draw meanwhile (PostgreSQL waited for their commit): theirs is
 * the draw. A replacement that lost the race is undone, to be asked again knowingly.
 */
async function raceLost(tx, actor, programmeId, rootOrgUnitId, rootPath, period, replacing) {
    const winner = replacing ? undefined : await currentDraw(tx, programmeId, rootOrgUnitId, rootPath, period);
    if (!winner)
        throw errors.conflict(`the verification draw of '${rootOrgUnitId}' for ${period.id} changed meanwhile; try again`);
    return { draw: await summaryOf(tx, actor, programmeId, winner), created: false };
}
async function summaryOf(tx, actor, programmeId, draw) {
    const [summary] = await summarise(tx, actor, programmeId, [await loadDraw(tx, programmeId, draw.id)]);
    return summary;
}
//# sourceMappingURL=createVerificationDraw.js.map