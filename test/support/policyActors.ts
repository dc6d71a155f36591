import type { Role } from '../../src/contract/roles.ts';
import type { Actor } from '../../src/domain/actor.ts';

/** The tree the policy tests draw on: a country, two provinces, a facility in the first. */
export const PATHS = { country: '/bi/', p1: '/bi/p1/', p2: '/bi/p2/', cds1: '/bi/p1/cds1/' } as const;

/** An actor holding `role` in programme `pbf` over the subtree of `unit`. */
export function actorWith(userId: number, role: Role, unit: keyof typeof PATHS): Actor {
  const path = PATHS[unit];
  const orgUnitId = path.split('/').at(-2)!;
  return { userId, username: `u${userId}`, name: `User ${userId}`, locale: 'en', platformAdmin: false, grants: [{ programmeId: 'pbf', role, orgUnitId, path }] };
}
