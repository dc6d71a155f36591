import { eq } from 'drizzle-orm';
import { approveInvoices } from '../../src/domain/invoices/approveInvoices.ts';
import { runInvoices } from '../../src/domain/invoices/runInvoices.ts';
import { addFunderShare } from '../../src/domain/payments/addFunderShare.ts';
import { createFunder } from '../../src/domain/payments/createFunder.ts';
import { orderPayments } from '../../src/domain/payments/orderPayments.ts';
import { recordPayments } from '../../src/domain/payments/recordPayments.ts';
import { saveProgrammeVersion } from '../../src/domain/programmes.ts';
import { budgets, dataValues, invoices, paymentOrderLines } from '../../src/store/schema.ts';
import { PROGRAMME, PROGRAMME_DEFINITION, type TestApi } from './api.ts';
import { actorWith, addUser, setStatus } from './invoices.ts';
import { VERSION_2 } from './workflow.ts';

/**
 * Half a year of a small programme's life, for the dashboards: three facilities declare,
 * are verified and validated for 202401–202406 (cds_2 over-declares its consultations, cds_3
 * never declares June), quality is scored for two quarters, invoices are run, approved up to
 * May and Q1 (June and Q2 stay prepared: unpublished), ordered up to April and Q1, and
 * partly paid with growing delays. Two funders split everything 60/40; districts have budgets.
 */
export const MONTHS = ['202401', '202402', '202403', '202404', '202405', '202406'] as const;
export const FACILITIES = ['cds_1', 'cds_2', 'cds_3'] as const;
export type Facility = (typeof FACILITIES)[number];
type Counts = { consultation: number; delivery: number };

/** The rules: version 2's quality package scored as a fraction, and a quarterly quality bonus. */
export const DASHBOARD_RULES = {
  ...PROGRAMME_DEFINITION,
  packages: [
    PROGRAMME_DEFINITION.packages[0]!,
    { ...VERSION_2.packages[1]!, formulas: { score: 'SAFE_DIV(SUM(earned), 20)' } },
  ],
  payments: [
    ...PROGRAMME_DEFINITION.payments,
    { code: 'quality_bonus', frequency: 'quarterly', packages: ['quantity', 'quality'], formulas: { to_pay: 'ROUND(quantity.total * quality.score / 10, 0)' } },
  ],
};

export const TARIFF = { consultation: 250, delivery: 9000 } as const;

/** Verified (and validated) counts of a facility for the m-th month (1–6), and what it declared. */
export function countsOf(unit: Facility, m: number): { verified: Counts; declared: Counts } {
  switch (unit) {
    case 'cds_1':
      return { verified: { consultation: 100 + 10 * m, delivery: 10 }, declared: { consultation: 100 + 10 * m, delivery: 10 } };
    case 'cds_2':
      return { verified: { consultation: 100, delivery: 5 }, declared: { consultation: 130, delivery: 5 } };
    case 'cds_3':
      return { verified: { consultation: 60, delivery: 4 }, declared: { consultation: 62, delivery: 4 } };
  }
}

/** Whether a facility declared a month: cds_3 never sent June. */
export const declares = (unit: Facility, month: string) => !(unit === 'cds_3' && month === '202406');

/** Days after the end of the month each facility's declarations were entered: cds_2 is late. */
export const DECLARED_AFTER_DAYS: Record<Facility, number> = { cds_1: 5, cds_2: 20, cds_3: 8 };

/** Points (hygiene, records; out of 10 each) per quarter. */
export const POINTS: Record<string, Record<Facility, [number, number]>> = {
  '2024Q1': { cds_1: [9, 8], cds_2: [5, 6], cds_3: [7, 7] },
  '2024Q2': { cds_1: [10, 9], cds_2: [6, 6], cds_3: [8, 7] },
};

/** The monthly invoice: lines beyond the 10% tolerance are not paid. */
export function monthlyAmount(unit: Facility, m: number): number {
  const { verified, declared } = countsOf(unit, m);
  return (['consultation', 'delivery'] as const).reduce((total, activity) => {
    const gap = Math.abs(declared[activity] - verified[activity]) / verified[activity];
    return total + (gap > 0.1 ? 0 : verified[activity] * TARIFF[activity]);
  }, 0);
}

export const scoreOf = (quarter: string, unit: Facility) => (POINTS[quarter]![unit][0] + POINTS[quarter]![unit][1]) / 20;

/** Payments recorded: per invoice period and funder, the date paid (none: still open). */
export const PAID_ON: Record<string, { gov?: string; wb?: string }> = {
  '202401': { gov: '2024-02-20', wb: '2024-02-20' },
  '202402': { gov: '2024-04-15', wb: '2024-05-31' },
  '202403': { gov: '2024-05-10' },
  '2024Q1': { gov: '2024-06-30' },
};
export const SHARES = { gov: 0.6, wb: 0.4 } as const;
/** Budget per quarter of 2024, per district and funder. */
export const BUDGETS = { d1: { gov: 300_000, wb: 200_000 }, d2: { gov: 150_000, wb: 100_000 } } as const;

const endOfMonth = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(4)), 0));

export async function seedDashboards(api: TestApi): Promise<void> {
  const db = api.database.db;
  const national = actorWith(await addUser(api.database, 'national', 'validator', 'bi'), 'validator', 'bi', '/bi/');
  const second = actorWith(await addUser(api.database, 'national2', 'validator', 'bi'), 'validator', 'bi', '/bi/');
  const bank = actorWith(await addUser(api.database, 'bank', 'payer', 'bi'), 'payer', 'bi', '/bi/');
  const designer = actorWith(api.users.designer, 'designer', 'bi', '/bi/');
  await db.transaction(async (tx) => {
    await saveProgrammeVersion(tx, designer, PROGRAMME, { definition: DASHBOARD_RULES, effectiveFrom: '202401', note: 'quality bonus' });
    for (const [id, name] of [['gov', 'Government'], ['wb', 'World Bank']] as const) {
      await createFunder(tx, designer, { programmeId: PROGRAMME, id, name });
      await addFunderShare(tx, designer, { programmeId: PROGRAMME, funderId: id, orgUnitId: 'bi', share: String(SHARES[id]), validFrom: '202401' });
    }
    await tx.insert(budgets).values(
      Object.entries(BUDGETS).flatMap(([orgUnitId, byFunder]) =>
        ['2024Q1', '2024Q2', '2024Q3', '2024Q4'].flatMap((period) =>
          Object.entries(byFunder).map(([funderId, amount]) => ({ programmeId: PROGRAMME, funderId, orgUnitId, period, amount: String(amount) })),
        ),
      ),
    );
  });
  await enterData(api);
  const approve = async (period: string) => {
    const rows = await db.select({ id: invoices.id, period: invoices.period }).from(invoices).where(eq(invoices.period, period));
    await db.transaction((tx) => approveInvoices(tx, second, { programmeId: PROGRAMME, invoiceIds: rows.map((row) => row.id) }));
  };
  for (const month of MONTHS) {
    await runInvoices(db, national, { programmeId: PROGRAMME, orgUnitId: 'bi', period: month });
    if (month !== '202406') await approve(month);
  }
  for (const quarter of ['2024Q1', '2024Q2']) await runInvoices(db, national, { programmeId: PROGRAMME, orgUnitId: 'bi', period: quarter });
  await approve('2024Q1');
  for (const period of ['202401', '202402', '202403', '2024Q1', '202404']) {
    await db.transaction((tx) => orderPayments(tx, bank, { programmeId: PROGRAMME, orgUnitId: 'bi', period }));
  }
  const lines = await db
    .select({ orderId: paymentOrderLines.orderId, invoiceId: paymentOrderLines.invoiceId, funderId: paymentOrderLines.funderId, amount: paymentOrderLines.amount, period: invoices.period })
    .from(paymentOrderLines)
    .innerJoin(invoices, eq(invoices.id, paymentOrderLines.invoiceId));
  const payments = lines.flatMap((line) => {
    const paidOn = PAID_ON[line.period]?.[line.funderId as 'gov' | 'wb'];
    return paidOn ? [{ orderId: line.orderId, invoiceId: line.invoiceId, paidOn, amount: line.amount.replace(/\.00$/, ''), reference: `TR-${line.invoiceId}-${line.funderId}` }] : [];
  });
  await db.transaction((tx) => recordPayments(tx, bank, { programmeId: PROGRAMME, payments }));
}

/** Quantities (declared late or on time) and quality points, and the packages validated. */
async function enterData(api: TestApi): Promise<void> {
  const db = api.database.db;
  const rows: (typeof dataValues.$inferInsert)[] = [];
  MONTHS.forEach((month, i) => {
    for (const unit of FACILITIES) {
      if (!declares(unit, month)) continue;
      const { verified, declared } = countsOf(unit, i + 1);
      const enteredAt = new Date(endOfMonth(month).getTime() + DECLARED_AFTER_DAYS[unit] * 86_400_000);
      for (const activity of ['consultation', 'delivery'] as const) {
        const line = { programmeId: PROGRAMME, orgUnitId: unit, period: month, activity };
        rows.push(
          { ...line, state: 'declared', value: String(declared[activity]), updatedAt: enteredAt },
          { ...line, state: 'verified', value: String(verified[activity]) },
          { ...line, state: 'validated', value: String(verified[activity]) },
        );
      }
    }
  });
  for (const [quarter, byUnit] of Object.entries(POINTS)) {
    for (const unit of FACILITIES) {
      const [hygiene, records] = byUnit[unit];
      rows.push(
        { programmeId: PROGRAMME, orgUnitId: unit, period: quarter, activity: 'hygiene', state: 'points', value: String(hygiene) },
        { programmeId: PROGRAMME, orgUnitId: unit, period: quarter, activity: 'records', state: 'points', value: String(records) },
      );
    }
  }
  await db.insert(dataValues).values(rows);
  for (const month of MONTHS) await setStatus(db, FACILITIES.filter((unit) => declares(unit, month)), month, 'validated');
  for (const quarter of Object.keys(POINTS)) await setStatus(db, [...FACILITIES], quarter, 'validated', 'quality');
}
