import { saveProgrammeVersion } from '../../src/domain/programmes.ts';
import { createUser, grantRole } from '../../src/domain/users.ts';
import { PASSWORD, PROGRAMME, call, login, type Session } from '../support/api.ts';
import { VERSION_2 } from '../support/workflow.ts';
import type { E2E } from './browser.ts';

/**
 * Version 2 of the test rules (a third quantity activity, a quarterly quality package) with
 * the long French names real programmes give their packages and activities.
 */
export const NAMED_VERSION = {
  ...VERSION_2,
  packages: [
    {
      ...VERSION_2.packages[0]!,
      name: 'Paquet minimum d’activités du centre de santé',
      activities: [
        { code: 'consultation', name: 'Consultation curative des enfants de moins de cinq ans (nouveau cas)', constants: { tariff: 250 } },
        { code: 'delivery', name: 'Accouchement eutocique assisté par un personnel qualifié', constants: { tariff: 9000 } },
        { code: 'vaccination', name: 'Enfant complètement vacciné avant son premier anniversaire', constants: { tariff: 400 } },
      ],
    },
    { ...VERSION_2.packages[1]!, name: 'Qualité technique trimestrielle' },
  ],
};

export const P = `/api/programmes/${PROGRAMME}`;

/** The named rules in force from 202407, and a second clerk on p1 to change values behind the first one's back. */
export async function prepareEntry(e2e: E2E): Promise<Record<'clerk' | 'clerk2' | 'verifier' | 'validator' | 'admin', Session>> {
  await e2e.api.database.db.transaction(async (tx) => {
    const id = await createUser(tx, null, { username: 'clerk2', name: 'Second Clerk', password: PASSWORD });
    await grantRole(tx, null, { userId: id, programmeId: PROGRAMME, role: 'clerk', orgUnitId: 'p1' });
    const designer = { userId: e2e.api.users.designer, username: 'designer', name: '', locale: 'en', grants: [], platformAdmin: false };
    await saveProgrammeVersion(tx, designer, PROGRAMME, { definition: NAMED_VERSION, effectiveFrom: '202407' });
  });
  const app = e2e.api.app;
  return {
    clerk: await login(app, 'clerk'),
    clerk2: await login(app, 'clerk2'),
    verifier: await login(app, 'verifier'),
    validator: await login(app, 'validator'),
    admin: await login(app, 'admin'),
  };
}

/** The values of a unit and period, by activity and state. */
export async function storedValues(e2e: E2E, session: Session, orgUnit: string, period: string): Promise<Record<string, number>> {
  const sheet = (await call(e2e.api.app, session, 'GET', `${P}/data-values?orgUnitId=${orgUnit}&period=${period}`)).json();
  return Object.fromEntries(sheet.values.map((value: { activity: string; state: string; value: number }) => [`${value.activity}.${value.state}`, value.value]));
}
