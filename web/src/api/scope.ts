import type { Role } from '../../../src/contract/roles.ts';
import type { Capability, Grant, Me } from './session.tsx';

/**
 * Where the user's roles apply, read from their grants, so that screens offer only what the
 * server would allow (it checks again on every call).
 */

/** The ids along a materialised path: `/bi/p1/d1/` → bi, p1, d1. */
export function pathIds(path: string): string[] {
  return path.split('/').filter((id) => id !== '');
}

/** Whether an action the user may take reaches the unit at `path`: one of its subtrees holds it. */
export function reaches(capability: Capability, path: string): boolean {
  if (capability.national) return true;
  const ids = new Set(pathIds(path));
  return capability.roots.some((root) => ids.has(root));
}

/** Whether the user holds one of these roles on a subtree containing the unit at `path`. */
function grantsCover(grants: readonly Grant[], programmeId: string | null, roles: readonly Role[], path: string): boolean {
  const ids = new Set(pathIds(path));
  return grants.some((grant) => grant.programmeId === programmeId && roles.includes(grant.role) && ids.has(grant.orgUnitId));
}

/** The roots of the subtrees where the user holds a role. */
export function rootsOf(me: Me | null, programmeId: string | null, role: Role): string[] {
  return [...new Set(me?.grants.filter((grant) => grant.programmeId === programmeId && grant.role === role).map((grant) => grant.orgUnitId) ?? [])];
}

export function covers(me: Me | null, programmeId: string | null, role: Role, path: string): boolean {
  return grantsCover(me?.grants ?? [], programmeId, [role], path);
}
