import { and, eq } from 'drizzle-orm';
import { funderShares } from "../../store/schema.js";
import { recordAudit } from "../audit.js";
import { errors } from "../errors.js";
/** Deletes a share entered by mistake; payment orders already made keep their lines. */
export async function removeFunderShare(tx, actor, props) {
    const [removed] = await tx
        .delete(funderShares)
        .where(and(eq(funderShares.programmeId, props.programmeId), eq(funderShares.id, props.shareId)))
        .returning();
    if (!removed)
        throw errors.notFound(`funder share ${props.shareId}`);
    const { programmeId: _p, ...oldValue } = removed;
    await recordAudit(tx, {
        programmeId: props.programmeId,
        userId: actor.userId,
        action: 'delete',
        entity: 'funder_share',
        entityKey: String(props.shareId),
        orgUnitId: removed.orgUnitId,
        oldValue,
        reason: props.reason,
    });
}
//# sourceMappingURL=removeFunderShare.js.map