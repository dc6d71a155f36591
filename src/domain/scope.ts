import { errors } from './errors.ts';
import type { Db, Tx } from '../store/database.ts';
import { unitFacts } from './unitFacts.ts';
import type { Actor } from './actor.ts';
import { roleAllows, type Action } from './permissions.ts';

/** The materialised path of an org unit, or a 404 naming it. */
export async function unitPath(db: Db | Tx, programmeId: string, orgUnitId: string): Promise<string> {
  const unit = (await unitFacts(db, programmeId, [orgUnitId])).get(orgUnitId);
  if (!unit) throw errors.notFound(`org unit '${orgUnitId}'`);
  return unit.path;
}

/** True when the actor holds a role allowing `action` on a subtree containing `path`. */
export function allows(actor: Actor, programmeId: string, action: Action, path?: string): boolean {
  return actor.grants.some(
    (grant) =>
      grant.programmeId === programmeId && roleAllows(grant.role, action) && (path === undefined || path.startsWith(grant.path)),
  );
}

/**
 * Checks role and org-unit scope on the server; throws 403 naming what was refused. Without
 * an org unit, any grant of the action in the programme suffices (lists are then filtered
 * to the actor's subtrees by `scopePaths`).
 */
export async function authorize(
  db: Db | Tx,
  actor: Actor,
  programmeId: string,
  action: Action,
  orgUnitId?: string,
): Promise<void> {
  const path = orgUnitId === undefined ? undefined : await unitPath(db, programmeId, orgUnitId);
  if (allows(actor, programmeId, action, path)) return;
  const where = orgUnitId === undefined ? `programme '${programmeId}'` : `org unit '${orgUnitId}'`;
  throw errors.forbidden(`your roles do not allow '${action}' on ${where}`);
}

/** Root paths of the subtrees where the actor may do `action`, for filtering lists. */
export function scopePaths(actor: Actor, programmeId: string, action: Action): string[] {
  return actor.grants
    .filter((grant) => grant.programmeId === programmeId && roleAllows(grant.role, action))
    .map((grant) => grant.path);
}
