import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Answer, Body } from '../../../src/contract/http.ts';
import type { createUser, grantRole, listUsers, resetPassword } from '../../../src/contract/api/users.ts';
import { api, query } from '../api/client.ts';

export type UserPage = Answer<typeof listUsers>;
export type ManagedUser = UserPage['items'][number];
export type UserGrant = ManagedUser['grants'][number];
export type NewUser = Body<typeof createUser>;
export type NewGrant = Body<typeof grantRole>;
export type ResetAnswer = Answer<typeof resetPassword>;

/** Users per page of the list. */
export const USERS_PER_PAGE = 50;

/** The users the admin manages, a page at a time as GET /api/users pages them. */
export function useManagedUsers(offset: number) {
  return useQuery({
    queryKey: ['users', offset],
    queryFn: () => api.get<UserPage>(`/api/users${query({ limit: USERS_PER_PAGE, offset })}`),
    placeholderData: keepPreviousData,
  });
}

/** A user's grants in the order the list shows them: the selected programme's first, then by role and unit. */
export function sortedGrants(grants: readonly UserGrant[], programmeId: string | null): UserGrant[] {
  const rank = (grant: UserGrant) => (grant.programmeId === programmeId ? 0 : 1);
  return [...grants].sort(
    (a, b) => rank(a) - rank(b) || a.programmeId.localeCompare(b.programmeId) || a.role.localeCompare(b.role) || a.orgUnitId.localeCompare(b.orgUnitId),
  );
}

/** The org units the grants of the selected programme name, for their names. */
export function grantUnits(users: readonly ManagedUser[], programmeId: string | null): string[] {
  return users.flatMap((user) => user.grants.filter((grant) => grant.programmeId === programmeId).map((grant) => grant.orgUnitId));
}
