import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../store/database.ts';
import { funders } from '../../store/schema.ts';
import type { Actor } from '../actor.ts';
import { funderPolicies } from '../policies/funder.ts';
import { authorize } from '../scope.ts';

/** The programme's funders, by id, each with what the actor may do with it. */
export async function listFunders(db: Db, actor: Actor, programmeId: string) {
  await authorize(db, actor, programmeId, 'read');
  const rows = await db.select({ id: funders.id, name: funders.name }).from(funders).where(eq(funders.programmeId, programmeId)).orderBy(sql`${funders.id} collate "C"`);
  const policies = funderPolicies(actor, programmeId);
  return rows.map((row) => ({ ...row, policies }));
}
