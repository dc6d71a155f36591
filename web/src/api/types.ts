/** Shapes of the API's answers, as its OpenAPI document (/api/docs/json) describes them. */
export type Role = 'admin' | 'designer' | 'clerk' | 'verifier' | 'validator' | 'payer' | 'auditor';

export interface Grant {
  readonly programmeId: string;
  readonly role: Role;
  readonly orgUnitId: string;
}

export interface Me {
  readonly userId: number;
  readonly username: string;
  readonly name: string;
  readonly locale: string;
  readonly grants: readonly Grant[];
  readonly csrfToken: string;
  /** After an administrator's reset: a new password before anything else. */
  readonly mustChangePassword: boolean;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

export interface Programme {
  readonly id: string;
  readonly name: string;
  readonly currency: string;
  readonly currencyDecimals: number;
}

export interface OrgUnit {
  readonly id: string;
  readonly name: string;
  readonly parentId: string | null;
  readonly level: number;
  readonly path: string;
  readonly groups: Readonly<Record<string, string>>;
  readonly attributes: Readonly<Record<string, number>>;
}

export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly user: string | null;
  /** The user's full name (`user` is the name at sign-in); none for the system's own changes. */
  readonly userName: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entityKey: string;
  readonly orgUnitId: string | null;
  /** The unit's name, when the change is about a unit that still exists. */
  readonly orgUnitName: string | null;
  readonly oldValue: unknown;
  readonly newValue: unknown;
  readonly reason: string | null;
}
