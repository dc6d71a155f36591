import { and, eq } from 'drizzle-orm';
import { funderShares } from "../../store/schema.js";
import { recordAudit } from "../audit.js";
import { errors } from "../errors.js";
import { checkOverlaps } from "./addFunderShare.js";
import { findShare, loadShares } from "./loadShares.js";
import { validityPeriod } from "./shareRules.js";
/** Sets the last period of a share (to end it, or to move its end); payment orders already made keep their lines. */
export async function endFunderShare(tx, actor, props) {
    const shares = await loadShares(tx, props.programmeId);
    const share = await findShare(tx, props.programmeId, props.shareId);
    const validTo = validityPeriod(props.validTo, 'validTo');
    if (validTo.lastMonth < validityPeriod(share.validFrom, 'validFrom').firstMonth) {
        throw errors.validation(`validTo: '${validTo.id}' ends before the share's validFrom '${share.validFrom}'`, [{ at: 'validTo' }]);
    }
    const updated = { ...share, validTo: validTo.id };
    checkOverlaps(shares.filter((candidate) => candidate.id !== share.id), updated);
    await tx.update(funderShares).set({ validTo: validTo.id }).where(and(eq(funderShares.programmeId, props.programmeId), eq(funderShares.id, share.id)));
    await recordAudit(tx, {
        programmeId: props.programmeId,
        userId: actor.userId,
        action: 'update',
        entity: 'funder_share',
        entityKey: String(share.id),
        orgUnitId: share.orgUnitId,
        oldValue: { validTo: share.validTo },
        newValue: { validTo: validTo.id },
        ...(props.reason ? { reason: props.reason } : {}),
    });
    return updated;
}
//# sourceMappingURL=endFunderShare.js.map