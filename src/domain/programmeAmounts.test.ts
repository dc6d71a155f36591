import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMME, PROGRAMME_DEFINITION, seed } from '../../test/support/api.ts';
import { backends, testDatabase } from '../../test/support/database.ts';
import { actorWith, enterValues, quantityRows, setStatus } from '../../test/support/invoices.ts';
import type { Database } from '../store/database.ts';
import { programmeVersions } from '../store/schema.ts';
import { computeInvoices } from './invoices/computeInvoices.ts';
import { loadRunInputs } from './invoices/loadRunInputs.ts';
import { invoicePeriod } from './invoices/periods.ts';
import { saveProgrammeVersion } from './programmes.ts';

/** Evaluation order is gross, bonus, net; the order written (and jsonb's) ends elsewhere. */
const STEPS = { net: 'gross + bonus', gross: 'quantity.total', bonus: 'gross / 1000' };
const withPayment = (payment: Record<string, unknown>) => ({
  ...PROGRAMME_DEFINITION,
  payments: [{ code: 'monthly', frequency: 'monthly', packages: ['quantity'], formulas: STEPS, ...payment }],
});

describe.each(backends)("a payment's amount formula, saved and stored (%s)", (kind) => {
  let database: Database;
  let designer: ReturnType<typeof actorWith>;
  const save = (definition: object, effectiveFrom: string) =>
    database.db.transaction((tx) => saveProgrammeVersion(tx, designer, PROGRAMME, { definition, effectiveFrom }));
  const stored = async (version: number) =>
    (await database.db.select().from(programmeVersions).where(and(eq(programmeVersions.programmeId, PROGRAMME), eq(programmeVersions.version, version))))[0]!
      .definition as typeof PROGRAMME_DEFINITION & { payments: { amount?: string }[] };

  beforeAll(async () => {
    database = await testDatabase(kind);
    designer = actorWith((await seed(database)).designer, 'designer');
  });
  afterAll(() => database.close());

  it('refuses an amount that is not a formula of the payment, naming the payment and field', async () => {
    await expect(save(withPayment({ amount: 'total' }), '202405')).rejects.toMatchObject({
      status: 422,
      code: 'PROGRAMME_INVALID',
      details: [{ code: 'SCHEMA', at: 'payments[0].amount', message: "payments[0].amount: 'total' is not a formula of payment 'monthly'" }],
    });
  });

  it('saves the formula the old rule pays into a payment naming none, and keeps one named', async () => {
    expect((await stored(1)).payments[0]!.amount).toBe('to_pay');
    const saved = await save(withPayment({}), '202405');
    expect(saved.program.payments[0]!.amount).toBe('net');
    expect((await stored(saved.version)).payments[0]!.amount).toBe('net');
    const named = await save(withPayment({ amount: 'gross' }), '202406');
    expect((await stored(named.version)).payments[0]!.amount).toBe('gross');
  });

  it('pays a version stored before `amount` existed by the old rule, and a named one its formula', async () => {
    // As an older release stored it: no `amount`, written straight to the table.
    await database.db.insert(programmeVersions).values({ programmeId: PROGRAMME, version: 4, effectiveFrom: '202407', definition: withPayment({}), hash: 'older' });
    await enterValues(database.db, [
      ...quantityRows('cds_1', '202406', { consultation: 100, delivery: 10 }),
      ...quantityRows('cds_1', '202407', { consultation: 100, delivery: 10 }),
    ]);
    await setStatus(database.db, ['cds_1'], '202406', 'validated');
    await setStatus(database.db, ['cds_1'], '202407', 'validated');
    const amountOf = async (period: string) => {
      const inputs = await loadRunInputs(database.db, { programmeId: PROGRAMME, rootOrgUnitId: 'cds_1', period: invoicePeriod(period) });
      const computed = computeInvoices(inputs);
      if (!computed.ok) throw new Error(JSON.stringify(computed.errors));
      return { version: inputs.version.version, amount: computed.invoices[0]!.amount };
    };
    // 100 × 250 + 10 × 9000 = 115000: gross; net adds a thousandth.
    expect(await amountOf('202406')).toEqual({ version: 3, amount: '115000' });
    expect(await amountOf('202407')).toEqual({ version: 4, amount: '115115' });
  });
});
