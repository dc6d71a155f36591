import type { LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { saveProgrammeVersion } from '../../src/domain/programmes.ts';
import { createUser, grantRole } from '../../src/domain/users.ts';
import { ROLES, type Role } from '../../src/contract/roles.ts';
import { auditLog } from '../../src/store/schema.ts';
import { PASSWORD, PROGRAMME, PROGRAMME_DEFINITION, call, login, testApi, type Session, type TestApi } from './api.ts';

/**
 * Version 2 of the test programme, in force from 202407: the quantity package gains an
 * activity, and a quarterly quality package with its own input (points) appears.
 */
export const VERSION_2 = {
  ...PROGRAMME_DEFINITION,
  packages: [
    {
      ...PROGRAMME_DEFINITION.packages[0]!,
      activities: [...PROGRAMME_DEFINITION.packages[0]!.activities, { code: 'vaccination', constants: { tariff: 400 } }],
    },
    {
      code: 'quality',
      frequency: 'quarterly',
      appliesTo: { type: ['cds'] },
      inputs: ['points'],
      activities: [{ code: 'hygiene' }, { code: 'records' }],
      activityFormulas: { earned: 'points' },
      formulas: { score: 'SUM(earned)' },
    },
  ],
};

export type Who = Role | 'clerk2';

export interface WorkflowApi extends TestApi {
  readonly users: Record<Who, number>;
  readonly sessions: Record<Who, Session>;
  /** PUT one value as `who`. */
  put(who: Who, key: { orgUnit: string; period: string; activity: string; state: string }, body: object): Promise<LightMyRequestResponse>;
  /** Moves a workflow step as `who`. */
  step(who: Who, key: { orgUnit: string; period: string; package: string }, step: string, body?: object): Promise<LightMyRequestResponse>;
  /** Audit rows of one entity key, oldest first. */
  audit(entityKey: string): Promise<(typeof auditLog.$inferSelect)[]>;
}

export const P = `/api/programmes/${PROGRAMME}`;

/** The seeded test API, plus a second clerk on p1, version 2 of the rules and a session per user. */
export async function workflowApi(kind: 'pglite' | 'postgres'): Promise<WorkflowApi> {
  const api = await testApi(kind);
  const clerk2 = await api.database.db.transaction(async (tx) => {
    const id = await createUser(tx, null, { username: 'clerk2', name: 'The second clerk', password: PASSWORD });
    await grantRole(tx, null, { userId: id, programmeId: PROGRAMME, role: 'clerk', orgUnitId: 'p1' });
    const designer = { userId: api.users.designer, username: 'designer', name: '', locale: 'en', grants: [], platformAdmin: false };
    await saveProgrammeVersion(tx, designer, PROGRAMME, { definition: VERSION_2, effectiveFrom: '202407' });
    return id;
  });
  const sessions = {} as Record<Who, Session>;
  for (const who of [...ROLES, 'clerk2'] as const) sessions[who] = await login(api.app, who);
  return {
    ...api,
    users: { ...api.users, clerk2 },
    sessions,
    put: (who, key, body) =>
      call(api.app, sessions[who], 'PUT', `${P}/data-values/${key.orgUnit}/${key.period}/${key.activity}/${key.state}`, body),
    step: (who, key, step, body) => call(api.app, sessions[who], 'POST', `${P}/workflow/${key.orgUnit}/${key.period}/${key.package}/${step}`, body),
    audit: (entityKey) => api.database.db.select().from(auditLog).where(eq(auditLog.entityKey, entityKey)).orderBy(auditLog.id),
  };
}

/** Takes a facility's package from open to validated (locked). */
export async function validate(api: WorkflowApi, key: { orgUnit: string; period: string; package: string }): Promise<void> {
  for (const [who, step] of [['clerk', 'declare'], ['verifier', 'verify'], ['validator', 'validate']] as const) {
    const response = await api.step(who, key, step);
    if (response.statusCode !== 200) throw new Error(`${step} ${JSON.stringify(key)}: ${response.statusCode} ${response.body}`);
  }
}
