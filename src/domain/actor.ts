import type { Role } from '../contract/roles.ts';

/** A role held in a programme over the subtree whose root path is `path`. */
export interface RoleGrant {
  readonly programmeId: string;
  readonly role: Role;
  readonly orgUnitId: string;
  readonly path: string;
}

/** A person as records name them: who changed a value or moved a step. */
export interface UserRef {
  readonly id: number;
  readonly username: string;
  readonly name: string;
}

/** The person a use case acts for. */
export interface Actor {
  readonly userId: number;
  readonly username: string;
  readonly name: string;
  readonly locale: string;
  readonly grants: readonly RoleGrant[];
  /** A platform administrator creates programmes and is a national admin of every one. */
  readonly platformAdmin: boolean;
}
