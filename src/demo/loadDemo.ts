import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../domain/actor.ts';
import { unitPath } from '../domain/scope.ts';
import { recordAudit } from '../domain/audit.ts';
import { importOrgUnits } from '../domain/orgTree/importTree.ts';
import { createProgramme, saveProgrammeVersion } from '../domain/programmes.ts';
import { createUser, grantRole } from '../domain/users.ts';
import { bulkInsert } from '../store/bulkInsert.ts';
import type { Tx } from '../store/database.ts';
import { budgets, contracts, dataValues, funderShares, funders, periodStatus, users } from '../store/schema.ts';
import { FUNDERS } from './funders.ts';
import { demoDataValues, packagesOf, stageOf, type Demo } from './generate.ts';
import { loadHistory, type HistoryActors, type HistorySummary } from './loadHistory.ts';
import { DEMO_LOGINS, DEMO_PASSWORD } from './logins.ts';
import { DEMO_PROGRAMME } from './programme.ts';

const PROGRAMME = DEMO_PROGRAMME.id;
const REASON = 'demo data (src/demo)';

export interface DemoSummary {
  readonly orgUnits: number;
  readonly users: number;
  readonly dataValues: number;
  /** Invoice runs, invoices, payment orders and payments of the past periods (none without the history). */
  readonly history: HistorySummary;
}

/**
 * Writes the whole demo in the caller's transaction, through the domain's use cases where
 * they exist (programme, org units, users, rules, and the history: invoice runs, approvals,
 * payment orders, payments) and in bulk for the data. Bulk writes are audited once per
 * table and period, with counts, rather than once per value.
 */
export async function loadDemo(tx: Tx, demo: Demo): Promise<DemoSummary> {
  await createProgramme(tx, null, { ...DEMO_PROGRAMME });
  const { added: orgUnits } = await importOrgUnits(tx, null, PROGRAMME, demo.geography.orgUnits);
  const people = await createLogins(tx);
  await saveProgrammeVersion(tx, people.get('designer')!, PROGRAMME, {
    definition: demo.program,
    effectiveFrom: demo.months[0]!,
    note: 'Demo rules, from programmes/burundi/fbp_burundi.yaml',
  });
  await insertFunding(tx, demo);
  await insertContracts(tx, demo);
  const values = await insertDataValues(tx, demo);
  await insertPeriodStatus(tx, demo);
  // The planner's statistics of the tables just filled, for the history's joins (PGlite never gathers them by itself).
  await tx.execute(sql`analyze`);
  const history = demo.options.history ? await loadHistory(tx, demo, historyActors(people)) : { runs: 0, invoices: 0, orders: 0, payments: 0 };
  return { orgUnits, users: DEMO_LOGINS.length, dataValues: values, history };
}

/** Creates the demo logins; returns each as the actor the use cases act for, by user name. */
async function createLogins(tx: Tx): Promise<Map<string, Actor>> {
  const people = new Map<string, Actor>();
  for (const login of DEMO_LOGINS) {
    const userId = await createUser(tx, null, { username: login.username, name: login.name, password: DEMO_PASSWORD });
    await grantRole(tx, null, { userId, programmeId: PROGRAMME, role: login.role, orgUnitId: login.orgUnitId });
    // The demo's admin also administers the platform, so that creating a programme can be tried.
    if (login.role === 'admin') await tx.update(users).set({ platformAdmin: true }).where(eq(users.id, userId));
    const grant = { programmeId: PROGRAMME, role: login.role, orgUnitId: login.orgUnitId, path: await unitPath(tx, PROGRAMME, login.orgUnitId) };
    people.set(login.username, { userId, username: login.username, name: login.name, locale: 'fr', grants: [grant], platformAdmin: login.role === 'admin' });
  }
  return people;
}

/** The first validator prepares the invoices, the second approves them: four eyes, as the rules demand. */
function historyActors(people: ReadonlyMap<string, Actor>): HistoryActors {
  const person = (username: string) => {
    const actor = people.get(username);
    if (!actor) throw new Error(`the demo's history needs the login '${username}'`);
    return actor;
  };
  return { preparer: person('validator'), approver: person('validator2'), payer: person('payer') };
}

async function insertFunding(tx: Tx, demo: Demo): Promise<void> {
  await tx.insert(funders).values(FUNDERS.map((funder) => ({ programmeId: PROGRAMME, ...funder })));
  const shares = demo.funderShares.map((share) => ({ programmeId: PROGRAMME, ...share, share: String(share.share), validFrom: demo.months[0]! }));
  await tx.insert(funderShares).values(shares);
  await bulkInsert(tx, budgets, demo.budgets.map((budget) => ({ programmeId: PROGRAMME, ...budget, amount: String(budget.amount) })));
  await recordAudit(tx, [
    ...FUNDERS.map((funder) => audit('funder', funder.id, funder)),
    ...demo.funderShares.map((share) => ({ ...audit('funder_share', `${share.funderId}@${share.orgUnitId}`, share), orgUnitId: share.orgUnitId })),
    audit('budgets', PROGRAMME, { count: demo.budgets.length, quarters: demo.quarters }),
  ]);
}

async function insertContracts(tx: Tx, demo: Demo): Promise<void> {
  const start = demo.months[0]!;
  await bulkInsert(tx, contracts, demo.contracts.map((contract) => ({ programmeId: PROGRAMME, ...contract, startPeriod: start })));
  await recordAudit(tx, audit('contracts', PROGRAMME, { count: demo.contracts.length, startPeriod: start }));
}

async function insertDataValues(tx: Tx, demo: Demo): Promise<number> {
  let total = 0;
  for (const batch of demoDataValues(demo)) {
    const rows = batch.map(({ enteredAt, value, ...key }) => ({ programmeId: PROGRAMME, ...key, value: String(value), updatedAt: enteredAt }));
    await bulkInsert(tx, dataValues, rows);
    await recordAudit(tx, audit('data_values', `${PROGRAMME}:${batch[0]?.period ?? ''}`, { count: rows.length }));
    total += rows.length;
  }
  return total;
}

/**
 * Where each facility's packages stand before the history moves them on: validated (locked)
 * up to two months ago, last month as far as each facility got (generate.ts, stageOf).
 */
async function insertPeriodStatus(tx: Tx, demo: Demo): Promise<void> {
  const rows = demo.geography.facilities.flatMap((facility) => {
    const [quantity, ...quarterly] = packagesOf(facility.type);
    const line = (period: string, pkg: string) => ({ programmeId: PROGRAMME, orgUnitId: facility.id, period, package: pkg, status: stageOf(demo, facility.id, period) });
    return [...demo.months.map((period) => line(period, quantity!)), ...demo.quarters.flatMap((period) => quarterly.map((pkg) => line(period, pkg)))];
  });
  await bulkInsert(tx, periodStatus, rows);
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.status] = (counts[row.status] ?? 0) + 1;
  await recordAudit(tx, audit('period_status', PROGRAMME, { count: rows.length, statuses: counts }));
}

function audit(entity: string, entityKey: string, newValue: unknown) {
  return { programmeId: PROGRAMME, userId: null, action: 'import', entity, entityKey, orgUnitId: null, newValue, reason: REASON };
}
