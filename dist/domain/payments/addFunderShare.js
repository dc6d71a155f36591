import { and, eq } from 'drizzle-orm';
import { Decimal } from 'decimal.js';
import { monthPeriod } from "../../engine/model/period.js";
import { funderShares, funders, programmeVersions } from "../../store/schema.js";
import { recordAudit } from "../audit.js";
import { errors } from "../errors.js";
import { unitPath } from "../scope.js";
import { loadShares } from "./loadShares.js";
import { shareTotal, shareWindow, validityPeriod } from "./shareRules.js";
/**
 * Gives a funder a share of a subtree's payments. Refused when it would make the shares of
 * the same subtree and payment exceed 1 in any month, or repeat the funder there.
 */
export async function addFunderShare(tx, actor, props) {
    const { programmeId } = props;
    await checkFunder(tx, programmeId, props.funderId);
    const path = await unitPath(tx, programmeId, props.orgUnitId);
    const share = checkedShare(props.share);
    const validFrom = validityPeriod(props.validFrom, 'validFrom');
    const validTo = props.validTo ? validityPeriod(props.validTo, 'validTo') : undefined;
    if (validTo && validTo.lastMonth < validFrom.firstMonth) {
        throw errors.validation(`validTo: '${validTo.id}' ends before validFrom '${validFrom.id}'`, [{ at: 'validTo' }]);
    }
    const payment = props.payment ?? null;
    if (payment !== null)
        await checkPayment(tx, programmeId, payment);
    const candidate = { funderId: props.funderId, orgUnitId: props.orgUnitId, path, payment, share: share.toString(), validFrom: validFrom.id, validTo: validTo?.id ?? null };
    checkOverlaps(await loadShares(tx, programmeId), candidate);
    const [created] = await tx.insert(funderShares).values({ programmeId, ...candidate, share: share.toFixed(6) }).returning({ id: funderShares.id, share: funderShares.share });
    const row = { ...candidate, id: created.id, share: created.share };
    await recordAudit(tx, { programmeId, userId: actor.userId, action: 'create', entity: 'funder_share', entityKey: String(row.id), orgUnitId: row.orgUnitId, newValue: row });
    return row;
}
async function checkFunder(tx, programmeId, funderId) {
    const [funder] = await tx.select().from(funders).where(and(eq(funders.programmeId, programmeId), eq(funders.id, funderId)));
    if (!funder)
        throw errors.validation(`funderId: unknown funder '${funderId}'`, [{ at: 'funderId' }]);
}
function checkedShare(text) {
    const share = /^\d+(\.\d+)?$/.test(text) ? new Decimal(text) : undefined;
    if (!share || share.isZero() || share.greaterThan(1) || share.decimalPlaces() > 6) {
        throw errors.validation(`share: '${text}' must be a fraction above 0 and at most 1, with at most 6 decimals`, [{ at: 'share' }]);
    }
    return share;
}
async function checkPayment(tx, programmeId, payment) {
    const versions = await tx.select({ definition: programmeVersions.definition }).from(programmeVersions).where(eq(programmeVersions.programmeId, programmeId));
    const known = versions.some((version) => version.definition.payments.some((candidate) => candidate.code === payment));
    if (!known)
        throw errors.validation(`payment: '${payment}' is not a payment of any version of programme '${programmeId}'`, [{ at: 'payment' }]);
}
/** Shares of one subtree and payment may total at most 1 in every month; the total only rises where a share starts. */
export function checkOverlaps(existing, candidate) {
    const window = shareWindow(candidate);
    const group = existing.filter((share) => {
        const other = shareWindow(share);
        return share.orgUnitId === candidate.orgUnitId && share.payment === candidate.payment && other.first <= window.last && window.first <= other.last;
    });
    const where = `'${candidate.orgUnitId}' (${candidate.payment === null ? 'every payment' : `payment '${candidate.payment}'`})`;
    const repeated = group.find((share) => share.funderId === candidate.funderId);
    if (repeated) {
        throw errors.conflict(`funderId: funder '${candidate.funderId}' already has share ${repeated.id} of ${where} in part of that time`, [{ at: 'funderId', shareId: repeated.id }]);
    }
    const starts = [window.first, ...group.map((share) => shareWindow(share).first).filter((month) => month > window.first && month <= window.last)];
    for (const month of starts) {
        const active = group.filter((share) => shareWindow(share).first <= month && month <= shareWindow(share).last);
        const total = shareTotal([...active, candidate]);
        if (total.greaterThan(1)) {
            throw errors.conflict(`share: the shares of ${where} would total ${total.toString()} in ${monthPeriod(month).id}, above 1`, [{ at: 'share', total: total.toString() }]);
        }
    }
}
//# sourceMappingURL=addFunderShare.js.map