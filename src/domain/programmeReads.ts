import { asc, count, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../store/database.ts';
import { programmeVersions, programmes } from '../store/schema.ts';
import type { Actor } from './actor.ts';

/** The programmes the actor has a role in, by id: every one for a platform administrator. */
export async function programmesOf(db: Db | Tx, actor: Actor) {
  if (actor.platformAdmin) return db.select().from(programmes).orderBy(asc(programmes.id));
  const ids = [...new Set(actor.grants.map((grant) => grant.programmeId))];
  if (ids.length === 0) return [];
  return db.select().from(programmes).where(inArray(programmes.id, ids)).orderBy(asc(programmes.id));
}

/** A page of a programme's versions of the rules, oldest first, without their definitions. */
export async function versionsPage(db: Db | Tx, programmeId: string, page: { limit: number; offset: number }) {
  const where = eq(programmeVersions.programmeId, programmeId);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(programmeVersions).where(where);
  const items = await db
    .select({
      version: programmeVersions.version,
      effectiveFrom: programmeVersions.effectiveFrom,
      hash: programmeVersions.hash,
      note: programmeVersions.note,
      createdAt: programmeVersions.createdAt,
    })
    .from(programmeVersions)
    .where(where)
    .orderBy(asc(programmeVersions.version))
    .limit(page.limit)
    .offset(page.offset);
  return { items, total, ...page };
}
