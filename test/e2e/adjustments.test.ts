import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoices } from '../../src/store/schema.ts';
import { PROGRAMME, call, login, runInvoicesAndWait } from '../support/api.ts';
import { addUser, enterValues, quantityRows, setStatus } from '../support/invoices.ts';
import { newPage, screenshot, signIn, startE2E, type E2E } from './browser.ts';

const P = `/api/programmes/${PROGRAMME}`;

/** Intl groups thousands with no-break spaces: compare with plain ones. */
const plain = (value: string) => value.replace(/[\u00a0\u202f]/g, ' ');

/**
 * January and February 2024 validated at cds_1 (100 consultations at 250, 10 deliveries at
 * 9,000, paid on the verified count); January's invoice approved by a second committee member.
 */
async function seedApproved(e2e: E2E): Promise<number> {
  const { database, app } = e2e.api;
  await addUser(database, 'validator2', 'validator', 'p1');
  for (const period of ['202401', '202402']) {
    await enterValues(database.db, quantityRows('cds_1', period, { consultation: 100, delivery: 10 }));
    await setStatus(database.db, ['cds_1'], period, 'validated');
  }
  const [preparer, approver] = [await login(app, 'validator'), await login(app, 'validator2')];
  const run = await runInvoicesAndWait(app, preparer, { orgUnitId: 'cds_1', period: '202401' });
  expect(run.statusCode, run.body).toBe(201);
  const [invoice] = await database.db.select().from(invoices).where(and(eq(invoices.orgUnitId, 'cds_1'), eq(invoices.period, '202401')));
  expect((await call(app, approver, 'POST', `${P}/invoices/approve`, { invoiceIds: [invoice!.id] })).statusCode).toBe(200);
  return invoice!.id;
}

describe('a correction after approval in the browser', () => {
  let e2e: E2E;
  let january: number;
  beforeAll(async () => {
    e2e = await startE2E();
    january = await seedApproved(e2e);
  }, 120_000);
  afterAll(() => e2e?.close());

  it('records corrected figures on an approved invoice, and the next invoice carries the adjustment with its explanation', async () => {
    const committee = await newPage(e2e, 'en');
    await signIn(committee, 'validator');
    await committee.goto(`${e2e.url}/invoices/${january}`);
    await committee.getByRole('heading', { name: `Invoice ${january} — CDS Un` }).waitFor();
    await committee.getByRole('button', { name: 'Record a correction…' }).click();
    const dialog = committee.getByRole('dialog', { name: `Correct the figures of invoice ${january}` });
    await dialog.getByLabel('Figures corrected').selectOption('verified');
    await dialog.getByLabel('Corrected value of consultation').fill('105');
    await dialog.getByLabel('Reason').fill('Counter-verification recounted the register');
    await screenshot(committee, 'correction-dialog');
    await dialog.getByRole('button', { name: 'Record the correction' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const recorded = committee.getByRole('region', { name: 'Corrections recorded after approval: 1' });
    await recorded.getByText('Waits for the facility’s next invoice run.').waitFor();
    // January's invoice itself is unchanged.
    await expect(committee.locator('dd.amount').innerText().then(plain)).resolves.toBe('BIF 115,000');

    // February's run carries the difference: 5 consultations more, 1,250 BIF.
    const run = await runInvoicesAndWait(e2e.api.app, await login(e2e.api.app, 'validator'), { orgUnitId: 'cds_1', period: '202402' });
    expect(run.statusCode, run.body).toBe(201);
    const [february] = await e2e.api.database.db.select().from(invoices).where(and(eq(invoices.orgUnitId, 'cds_1'), eq(invoices.period, '202402')));
    await committee.goto(`${e2e.url}/invoices/${february!.id}`);
    const lines = committee.getByRole('region', { name: 'Adjustments of earlier periods: 1' });
    const line = lines.getByRole('row', { name: /January 2024/ });
    await line.getByText('Counter-verification recounted the register').waitFor();
    await expect(line.innerText().then(plain)).resolves.toMatch(/BIF 116,250\s+BIF 115,000\s+\+BIF 1,250/);
    await expect(committee.locator('dd.amount').innerText().then(plain)).resolves.toBe('BIF 116,250');
    await line.getByRole('button', { name: 'Explain January 2024' }).click();
    await lines.getByText('identical to the stored value').waitFor();
    await screenshot(committee, 'adjustment-lines');
  });
});
