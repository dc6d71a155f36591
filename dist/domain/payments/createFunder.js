import { and, eq } from 'drizzle-orm';
import { funders } from "../../store/schema.js";
import { recordAudit } from "../audit.js";
import { errors } from "../errors.js";
export async function createFunder(tx, actor, props) {
    const { programmeId, id, name } = props;
    const [existing] = await tx.select().from(funders).where(and(eq(funders.programmeId, programmeId), eq(funders.id, id)));
    if (existing)
        throw errors.conflict(`id: funder '${id}' already exists`, [{ at: 'id' }]);
    await tx.insert(funders).values({ programmeId, id, name });
    await recordAudit(tx, { programmeId, userId: actor.userId, action: 'create', entity: 'funder', entityKey: id, orgUnitId: null, newValue: { id, name } });
    return { id, name };
}
//# sourceMappingURL=createFunder.js.map