import { and, count, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { auditLog, users } from "../store/schema.js";
import { arrayParam } from "../store/sql.js";
import { scopeUnits } from "./invoices/scopeUnits.js";
import { allowsNationally, scopePaths } from "./scope.js";
/**
 * A page of a programme's audit log, newest first, as the actor may read it: a reader at the
 * root sees every entry; one on a subtree, only the entries about units of it — not the
 * amounts and bank references of other provinces, nor the programme-wide changes.
 */
export async function listAudit(db, actor, query) {
    const { programmeId, entity, entityKey, userId, from, to, limit, offset } = query;
    const national = allowsNationally(actor, programmeId, 'audit.read');
    const units = national ? [] : await scopeUnits(db, programmeId, scopePaths(actor, programmeId, 'audit.read'));
    const filters = [
        eq(auditLog.programmeId, programmeId),
        national ? undefined : sql `${auditLog.orgUnitId} = any(${arrayParam(units, 'text')})`,
        entity ? eq(auditLog.entity, entity) : undefined,
        entityKey ? eq(auditLog.entityKey, entityKey) : undefined,
        userId !== undefined ? eq(auditLog.userId, userId) : undefined,
        from ? gte(auditLog.at, from) : undefined,
        to ? lte(auditLog.at, to) : undefined,
    ];
    const where = and(...filters);
    const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(auditLog).where(where);
    const items = await db
        .select({
        id: auditLog.id,
        at: auditLog.at,
        user: users.username,
        action: auditLog.action,
        entity: auditLog.entity,
        entityKey: auditLog.entityKey,
        orgUnitId: auditLog.orgUnitId,
        oldValue: auditLog.oldValue,
        newValue: auditLog.newValue,
        reason: auditLog.reason,
    })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.userId))
        .where(where)
        .orderBy(desc(auditLog.id))
        .limit(limit)
        .offset(offset);
    return { items, total, limit, offset };
}
//# sourceMappingURL=auditReads.js.map