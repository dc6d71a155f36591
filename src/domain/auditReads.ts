import { and, count, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../store/database.ts';
import { auditLog, orgUnits, users } from '../store/schema.ts';
import { arrayParam } from '../store/sql.ts';
import type { Actor } from './actor.ts';
import { scopeUnits } from './invoices/scopeUnits.ts';
import { allowsNationally, scopePaths } from './scope.ts';

export interface AuditQuery {
  readonly programmeId: string;
  readonly entity?: string | undefined;
  readonly entityKey?: string | undefined;
  readonly userId?: number | undefined;
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
  readonly limit: number;
  readonly offset: number;
}

/**
 * A page of a programme's audit log, newest first, as the actor may read it: a reader at the
 * root sees every entry; one on a subtree, only the entries about units of it — not the
 * amounts and bank references of other provinces, nor the programme-wide changes.
 */
export async function listAudit(db: Db, actor: Actor, query: AuditQuery) {
  const { programmeId, entity, entityKey, userId, from, to, limit, offset } = query;
  const national = allowsNationally(actor, programmeId, 'audit.read');
  const units = national ? [] : await scopeUnits(db, programmeId, scopePaths(actor, programmeId, 'audit.read'));
  const filters: (SQL | undefined)[] = [
    eq(auditLog.programmeId, programmeId),
    national ? undefined : sql`${auditLog.orgUnitId} = any(${arrayParam(units, 'text')})`,
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
      userName: users.name,
      action: auditLog.action,
      entity: auditLog.entity,
      entityKey: auditLog.entityKey,
      orgUnitId: auditLog.orgUnitId,
      orgUnitName: orgUnits.name,
      oldValue: auditLog.oldValue,
      newValue: auditLog.newValue,
      reason: auditLog.reason,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    // The unit's name as it is now: a reader knows a facility by its name (a removed one keeps its code only).
    .leftJoin(orgUnits, and(eq(orgUnits.programmeId, auditLog.programmeId), eq(orgUnits.id, auditLog.orgUnitId)))
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .offset(offset);
  return { items, total, limit, offset };
}
