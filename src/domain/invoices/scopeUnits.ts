import { and, eq, or, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../store/database.ts';
import { orgUnits } from '../../store/schema.ts';
import { underPath } from '../subtree.ts';

/**
 * The ids of the units under any of the actor's subtrees (and under `path` when a narrower
 * subtree is asked for). Lists filter on these ids as one array rather than by joining on
 * paths: on tables never analysed (PGlite has no autovacuum) the planner would otherwise
 * pick a nested loop over both tables.
 */
export async function scopeUnits(db: Db | Tx, programmeId: string, scopes: readonly string[], path?: string): Promise<string[]> {
  return [...(await scopeUnitPaths(db, programmeId, scopes, path)).keys()];
}

/** The same units, each with its path (what record policies read), by id. */
export async function scopeUnitPaths(db: Db | Tx, programmeId: string, scopes: readonly string[], path?: string): Promise<Map<string, string>> {
  if (scopes.length === 0) return new Map();
  const within: SQL[] = scopes.map((scope) => underPath(orgUnits.path, scope));
  const rows = await db
    .select({ id: orgUnits.id, path: orgUnits.path })
    .from(orgUnits)
    .where(and(eq(orgUnits.programmeId, programmeId), or(...within), path === undefined ? undefined : underPath(orgUnits.path, path)));
  return new Map(rows.map((row) => [row.id, row.path]));
}
