import { and, eq } from 'drizzle-orm';
import { funders } from "../../store/schema.js";
import { recordAudit } from "../audit.js";
import { errors } from "../errors.js";
export async function renameFunder(tx, actor, props) {
    const { programmeId, id, name } = props;
    const where = and(eq(funders.programmeId, programmeId), eq(funders.id, id));
    const [existing] = await tx.select().from(funders).where(where);
    if (!existing)
        throw errors.notFound(`funder '${id}'`);
    await tx.update(funders).set({ name }).where(where);
    await recordAudit(tx, {
        programmeId,
        userId: actor.userId,
        action: 'update',
        entity: 'funder',
        entityKey: id,
        orgUnitId: null,
        oldValue: { name: existing.name },
        newValue: { name },
        ...(props.reason ? { reason: props.reason } : {}),
    });
    return { id, name };
}
//# sourceMappingURL=renameFunder.js.map