import { ACTIONS, type Action } from '../../contract/actions.ts';
import type { Actor } from '../actor.ts';
import { reachOf, roleAllows } from '../permissions.ts';
import { allows, allowsNationally, isNational } from '../scope.ts';

export interface Capability {
  /** On some subtree of the programme; for a national action, only with a role at the root. */
  readonly somewhere: boolean;
  /** Over the whole programme: with a role at the root of its tree. */
  readonly national: boolean;
  /**
   * The units at the top of the subtrees the action reaches, from the actor's grants (a
   * platform administrator reaches everywhere without any): where a screen starts the work.
   */
  readonly roots: readonly string[];
}

export type Capabilities = Readonly<Record<Action, Capability>>;

/**
 * What the actor may do in a programme, action by action, decided by the same rules the
 * server checks each call with (scope.ts): the client offers what this says, instead of
 * reading roles itself.
 */
export function capabilitiesIn(actor: Actor, programmeId: string): Capabilities {
  return Object.fromEntries(ACTIONS.map((action) => [action, capability(actor, programmeId, action)])) as Record<Action, Capability>;
}

function capability(actor: Actor, programmeId: string, action: Action): Capability {
  const national = reachOf(action) === 'national';
  const roots = actor.grants
    .filter((grant) => grant.programmeId === programmeId && roleAllows(grant.role, action) && (!national || isNational(grant)))
    .map((grant) => grant.orgUnitId);
  return { somewhere: allows(actor, programmeId, action), national: allowsNationally(actor, programmeId, action), roots: [...new Set(roots)] };
}

/** The capabilities of the actor in each programme they hold a role in. */
export function capabilitiesByProgramme(actor: Actor): Readonly<Record<string, Capabilities>> {
  const programmes = [...new Set(actor.grants.map((grant) => grant.programmeId))];
  return Object.fromEntries(programmes.map((programmeId) => [programmeId, capabilitiesIn(actor, programmeId)]));
}
