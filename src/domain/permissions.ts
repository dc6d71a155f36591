import type { Role } from '../store/schema.ts';

/**
 * Who may do what: the founding principle of PBF is that who provides, who verifies and who
 * pays are different people, so each workflow step belongs to one role and the admin
 * manages users and programmes without taking part in the cycle. Scope is separate: a role
 * applies to the org subtree it was given on (see authorize in scope.ts).
 */
export const PERMISSIONS = {
  read: ['admin', 'designer', 'clerk', 'verifier', 'validator', 'payer', 'auditor'],
  'data.declare': ['clerk'],
  'data.verify': ['verifier'],
  'data.validate': ['validator'],
  'period.unlock': ['validator'],
  'invoice.prepare': ['validator'],
  'invoice.approve': ['validator'],
  'payment.order': ['payer'],
  'payment.record': ['payer'],
  'verification.draw': ['validator', 'designer'],
  'programme.design': ['designer', 'admin'],
  'audit.read': ['auditor', 'admin', 'designer'],
  'users.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

export function roleAllows(role: Role, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}
