import type { Role } from '../contract/roles.ts';
import { COUNTRY } from './geography.ts';

/** The one password of every demo login (README.md, "Quick start"). Never use it elsewhere. */
export const DEMO_PASSWORD = 'openpbf-demo';

/** The province of the clerk and the verifier, so the demo shows scoped access. */
export const DEMO_PROVINCE = 'ngozi';

export interface DemoLogin {
  readonly username: string;
  readonly name: string;
  readonly role: Role;
  readonly orgUnitId: string;
  readonly does: string;
}

/** One login per role, plus a second validator so an invoice can be approved by someone other than its preparer. */
export const DEMO_LOGINS: readonly DemoLogin[] = [
  { username: 'admin', name: 'Thierry Ndikumana', role: 'admin', orgUnitId: COUNTRY, does: 'users and programmes (platform administrator)' },
  { username: 'designer', name: 'Aline Niyonzima', role: 'designer', orgUnitId: COUNTRY, does: 'programme rules, tariffs, checklists' },
  { username: 'clerk', name: 'Jean-Marie Hakizimana', role: 'clerk', orgUnitId: DEMO_PROVINCE, does: 'declares quantities (Ngozi)' },
  { username: 'verifier', name: 'Espérance Nduwimana', role: 'verifier', orgUnitId: DEMO_PROVINCE, does: 'verifies quantities and quality (Ngozi)' },
  { username: 'validator', name: 'Pascal Bizimana', role: 'validator', orgUnitId: COUNTRY, does: 'validates, prepares and approves invoices' },
  { username: 'validator2', name: 'Goreth Irakoze', role: 'validator', orgUnitId: COUNTRY, does: 'second committee member, approves invoices' },
  { username: 'payer', name: 'Déo Ntahomvukiye', role: 'payer', orgUnitId: COUNTRY, does: 'payment orders and payments' },
  { username: 'auditor', name: 'Béatrice Kaneza', role: 'auditor', orgUnitId: COUNTRY, does: 'reads everything, audit log' },
];
