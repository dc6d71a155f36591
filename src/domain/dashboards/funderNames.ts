import { eq } from 'drizzle-orm';
import type { Db } from '../../store/database.ts';
import { funders } from '../../store/schema.ts';

/** Funder id → name, for labelling figures grouped by funder. */
export async function funderNames(db: Db, programmeId: string): Promise<Map<string, string>> {
  const rows = await db.select({ id: funders.id, name: funders.name }).from(funders).where(eq(funders.programmeId, programmeId));
  return new Map(rows.map((row) => [row.id, row.name]));
}
