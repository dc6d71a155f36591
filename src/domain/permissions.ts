import type { Action } from '../contract/actions.ts';
import { ROLES, type Role } from '../contract/roles.ts';

/**
 * How far an action reaches: over the subtree a role was given on, or over the whole
 * programme — its rules, its money, the shape of its tree — which only a role held at the
 * root of the tree (national) may change.
 */
export type Reach = 'subtree' | 'national';

interface Permission {
  readonly roles: readonly Role[];
  readonly reach: Reach;
}

const DESIGNERS: readonly Role[] = ['designer', 'admin'];

/**
 * Who may do what: the founding principle of PBF is that who provides, who verifies and who
 * pays are different people, so each workflow step belongs to one role and the admin
 * manages users and programmes without taking part in the cycle. A subtree action applies
 * to the org subtree the role was given on (see scope.ts); a national one needs the role
 * at the root of the tree.
 */
export const PERMISSIONS = {
  /** Every role reads what lies in its subtree. */
  read: { roles: ROLES, reach: 'subtree' },
  'data.declare': { roles: ['clerk'], reach: 'subtree' },
  'data.verify': { roles: ['verifier'], reach: 'subtree' },
  'data.validate': { roles: ['validator'], reach: 'subtree' },
  'period.unlock': { roles: ['validator'], reach: 'subtree' },
  'invoice.prepare': { roles: ['validator'], reach: 'subtree' },
  /** Correcting the figures of a period already approved or paid: new records, adjusted on the next invoice. */
  'period.correct': { roles: ['validator'], reach: 'subtree' },
  'invoice.approve': { roles: ['validator'], reach: 'subtree' },
  'payment.order': { roles: ['payer'], reach: 'subtree' },
  'payment.record': { roles: ['payer'], reach: 'subtree' },
  'verification.draw': { roles: ['validator', 'designer'], reach: 'subtree' },
  /** Trying draft rules on units (the dry run): reads only. */
  'rules.try': { roles: DESIGNERS, reach: 'subtree' },
  /** Saving a version of the rules: it prices every facility of the programme. */
  'rules.write': { roles: DESIGNERS, reach: 'national' },
  /** Funders and their shares: who pays which part of every invoice. */
  'funders.manage': { roles: DESIGNERS, reach: 'national' },
  /** Adding, moving, renaming and closing units: the tree every scope is drawn on. */
  'orgUnits.manage': { roles: DESIGNERS, reach: 'national' },
  'audit.read': { roles: ['auditor', 'admin', 'designer'], reach: 'subtree' },
  /** Users whose grants all lie in the admin's subtrees (see userPolicy.ts). */
  'users.manage': { roles: ['admin'], reach: 'subtree' },
} as const satisfies Record<Action, Permission>;

/** The actions are named in the contract (the client is told which it may take); the domain imports them from here. */
export type { Action };

export function roleAllows(role: Role, action: Action): boolean {
  return (PERMISSIONS[action].roles as readonly Role[]).includes(role);
}

export function reachOf(action: Action): Reach {
  return PERMISSIONS[action].reach;
}

/** The roles that may do `action`, for messages. */
export function rolesFor(action: Action): readonly Role[] {
  return PERMISSIONS[action].roles;
}
