import type { Db } from '../../store/database.ts';
import type { Actor } from '../actor.ts';
import { scopeUnitPaths } from '../invoices/scopeUnits.ts';
import { authorize, scopePaths, unitPath } from '../scope.ts';

/**
 * The units the actor may read, with their paths, within the subtree asked for once the actor
 * may read it: what the money lists filter on.
 */
export async function readScope(db: Db, actor: Actor, programmeId: string, orgUnitId: string | undefined): Promise<Map<string, string>> {
  await authorize(db, actor, programmeId, 'read', orgUnitId);
  const path = orgUnitId === undefined ? undefined : await unitPath(db, programmeId, orgUnitId);
  return scopeUnitPaths(db, programmeId, scopePaths(actor, programmeId, 'read'), path);
}
