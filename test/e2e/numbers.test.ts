import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastCompletedMonth } from '../../src/contract/periods.ts';
import { PROGRAMME, call, login, type Session } from '../support/api.ts';
import { FIELD_VERSION } from '../support/field.ts';
import { newPage, paste, signIn, startE2E, type E2E } from './browser.ts';

const P = `/api/programmes/${PROGRAMME}`;
const MONTH = lastCompletedMonth();
const CONSULTATION = 'Consultation curative des enfants de moins de cinq ans (nouveau cas)';
const DELIVERY = 'Accouchement eutocique assisté par un personnel qualifié';
const VACCINATION = 'Enfant complètement vacciné avant son premier anniversaire';
const REVENUE = 'Recettes de la pharmacie';
/** Saving goes through the outbox, then the network: the server has the values within seconds on a busy machine. */
const SYNCED = { timeout: 15_000 };

/** The field rules with typed inputs: quantities are counts, and a quarterly package of amounts, which have decimals. */
const TYPED_VERSION = {
  ...FIELD_VERSION,
  packages: [
    { ...FIELD_VERSION.packages[0]!, inputTypes: { declared: 'count', verified: 'count', validated: 'count' } },
    ...FIELD_VERSION.packages.slice(1),
    {
      code: 'finance',
      name: 'Gestion financière',
      frequency: 'quarterly',
      appliesTo: { type: ['cds'] },
      inputs: ['revenue'],
      inputTypes: { revenue: 'amount' },
      activities: [{ code: 'pharmacy_sales', name: REVENUE }],
      formulas: { revenue_total: 'SUM(revenue)' },
    },
  ],
};

describe('numbers read the same way on every screen', () => {
  let e2e: E2E;
  let clerk: Session;

  const stored = async (orgUnit: string, period: string): Promise<Record<string, number>> => {
    const sheet = (await call(e2e.api.app, clerk, 'GET', `${P}/data-values?orgUnitId=${orgUnit}&period=${period}`)).json();
    return Object.fromEntries(sheet.values.map((value: { activity: string; state: string; value: number }) => [`${value.activity}.${value.state}`, value.value]));
  };

  beforeAll(async () => {
    e2e = await startE2E();
    const designer = await login(e2e.api.app, 'designer');
    const saved = await call(e2e.api.app, designer, 'POST', `${P}/versions`, { definition: TYPED_VERSION, effectiveFrom: '202407' });
    expect(saved.statusCode, saved.body).toBe(201);
    clerk = await login(e2e.api.app, 'clerk');
    for (const [activity, value] of Object.entries({ consultation: 1100, delivery: 10, vaccination: 30 })) {
      const put = await call(e2e.api.app, clerk, 'PUT', `${P}/data-values/cds_1/202407/${activity}/declared`, { value });
      expect(put.statusCode, put.body).toBe(201);
    }
    const step = await call(e2e.api.app, clerk, 'POST', `${P}/workflow/cds_1/202407/quantity/declare`);
    expect(step.statusCode, step.body).toBe(200);
  }, 120_000);
  afterAll(() => e2e?.close());

  it('reads 1,100 in the verifier’s English grid as the Declared column writes it, and refuses 12.5 deliveries', async () => {
    const page = await newPage(e2e, 'en');
    await signIn(page, 'verifier');
    await page.goto(`${e2e.url}/field/cds_1/202407`);
    const quantity = page.getByRole('region', { name: 'Paquet minimum d’activités du centre de santé' });
    const consultation = quantity.locator('tr[data-activity="consultation"]');
    await expect(consultation.locator('td').first().textContent()).resolves.toBe('1,100');

    await quantity.getByLabel(`Verified, ${CONSULTATION}`, { exact: true }).fill('1,100');
    await expect(consultation.locator('td').nth(2).textContent()).resolves.toBe('0%');
    await expect(consultation.getAttribute('class')).resolves.toBeNull();

    const delivery = quantity.getByLabel(`Verified, ${DELIVERY}`, { exact: true });
    await delivery.fill('12.5');
    await expect(delivery.getAttribute('aria-invalid')).resolves.toBe('true');
    await quantity.getByText('This value is a count of events: a whole number, not 12.5.').waitFor();
    await expect(quantity.getByRole('button', { name: /^Save/ }).isDisabled()).resolves.toBe(true);

    await delivery.fill('10');
    await quantity.getByLabel(`Verified, ${VACCINATION}`, { exact: true }).fill('30');
    await quantity.getByRole('button', { name: 'Save (3 changed)' }).click();
    await expect.poll(() => stored('cds_1', '202407'), SYNCED).toMatchObject({ 'consultation.verified': 1100, 'delivery.verified': 10, 'vaccination.verified': 30 });
  });

  it('fills one cell of the verifier’s grid per line of a pasted column', async () => {
    const page = await newPage(e2e, 'en');
    await signIn(page, 'verifier');
    await page.goto(`${e2e.url}/field/cds_1/202407`);
    const quantity = page.getByRole('region', { name: 'Paquet minimum d’activités du centre de santé' });
    await quantity.getByLabel(`Verified, ${CONSULTATION}`, { exact: true }).waitFor();
    await paste(page, `Verified, ${CONSULTATION}`, '1,098\n9\n31\n');
    const cell = (activity: string) => quantity.getByLabel(`Verified, ${activity}`, { exact: true }).inputValue();
    await expect(cell(CONSULTATION)).resolves.toBe('1,098');
    await expect(cell(DELIVERY)).resolves.toBe('9');
    await expect(cell(VACCINATION)).resolves.toBe('31');
    await expect(quantity.getByRole('button', { name: 'Save (3 changed)' }).isEnabled()).resolves.toBe(true);
  });

  it('reads 1 234,5 in French where the input has decimals', async () => {
    const page = await newPage(e2e, 'fr');
    await signIn(page, 'verifier');
    await page.goto(`${e2e.url}/field/cds_1/2024Q3`);
    const finance = page.getByRole('region', { name: 'Gestion financière' });
    await finance.getByLabel(`revenue, ${REVENUE}`, { exact: true }).fill('1 234,5');
    await finance.getByRole('button', { name: 'Enregistrer (1 modifiée(s))' }).click();
    await expect.poll(() => stored('cds_1', '2024Q3'), SYNCED).toMatchObject({ 'pharmacy_sales.revenue': 1234.5 });
  });

  it('never reads 12,5 as 125 in the clerk’s English grid, and refuses 12.5 deliveries', async () => {
    const page = await newPage(e2e, 'en');
    await signIn(page, 'clerk');
    await page.goto(`${e2e.url}/entry?unit=cds_2&period=${MONTH}`);
    await page.getByRole('heading', { level: 1, name: /Declared quantities — CDS Deux/ }).waitFor();
    const delivery = page.getByLabel(`Declared — ${DELIVERY}`, { exact: true });

    await delivery.fill('12,5');
    await delivery.press('Tab');
    await page.getByText('“12,5” is not written the English way: did you mean 12.5?', { exact: false }).waitFor();
    await expect(delivery.getAttribute('aria-invalid')).resolves.toBe('true');

    await delivery.fill('12.5');
    await delivery.press('Tab');
    await page.getByText('This value is a count of events: a whole number, not 12.5.').waitFor();
    expect(await stored('cds_2', MONTH)).toEqual({});

    await delivery.fill('1,250');
    await delivery.press('Tab');
    await expect.poll(() => stored('cds_2', MONTH), SYNCED).toEqual({ 'delivery.declared': 1250 });
  });
});
