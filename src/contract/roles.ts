/**
 * The roles a user may hold in a programme over a subtree of its tree. Shared by the store
 * (user_roles.role), the domain's role matrix (src/domain/permissions.ts) and the web client.
 */
export const ROLES = ['admin', 'designer', 'clerk', 'verifier', 'validator', 'payer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];
