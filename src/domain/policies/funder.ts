import type { Actor } from '../actor.ts';
import { allows } from '../scope.ts';

/** What the actor may do with a funder or a funder share. */
export interface FunderPolicies {
  readonly manage: boolean;
}

/**
 * Funders and their shares decide who pays which part of every invoice of the programme, so
 * only a designer holding the role at the root of the tree (national) changes them.
 */
export function funderPolicies(actor: Actor, programmeId: string): FunderPolicies {
  return { manage: allows(actor, programmeId, 'funders.manage') };
}
