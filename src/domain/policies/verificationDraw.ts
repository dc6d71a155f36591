import type { z } from 'zod';
import type { verificationDrawPolicies as policiesSchema } from '../../contract/api/verification.ts';
import type { Actor } from '../actor.ts';
import { errors } from '../errors.ts';
import { allows } from '../scope.ts';

export type VerificationDrawPolicies = z.output<typeof policiesSchema>;

/** Why an action on a draw is refused: no role for draws, a role on other subtrees, or a draw already applied or replaced. */
export type VerificationDrawRefusal = 'role' | 'scope' | 'state';

/** The draw the decision is about: its subtree's root path, and whether it is final. */
export interface VerificationDrawRecord {
  readonly programmeId: string;
  readonly rootPath: string;
  readonly appliedAt: Date | null;
  readonly replacedAt: Date | null;
}

/**
 * Why the actor may not apply or replace the draw, or undefined: the two are decided alike. Both need the role on the
 * whole subtree drawn; an applied draw is final (the values it estimated stand), a replaced one
 * is history.
 */
export function verificationDrawRefusal(actor: Actor, draw: VerificationDrawRecord): VerificationDrawRefusal | undefined {
  if (!allows(actor, draw.programmeId, 'verification.draw')) return 'role';
  if (!allows(actor, draw.programmeId, 'verification.draw', draw.rootPath)) return 'scope';
  if (draw.appliedAt !== null || draw.replacedAt !== null) return 'state';
  return undefined;
}

export function verificationDrawPolicies(actor: Actor, draw: VerificationDrawRecord): VerificationDrawPolicies {
  const may = verificationDrawRefusal(actor, draw) === undefined;
  return { apply: may, replace: may };
}

/** 403 when the role or the subtree refuses (`record` names the draw); the state is refused by the use case, which names it. */
export function checkDrawAuthority(actor: Actor, draw: VerificationDrawRecord, record: string): void {
  const refusal = verificationDrawRefusal(actor, draw);
  if (refusal === 'role' || refusal === 'scope') throw errors.forbidden(`your roles do not allow 'verification.draw' on ${record}`);
}
