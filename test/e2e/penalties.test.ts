import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMME, call, login } from '../support/api.ts';
import { addUser, enterValues, setStatus } from '../support/invoices.ts';
import { PENALTY_VERSION, PENALTY_VERSION_FROM, penaltyRows } from '../support/penalties.ts';
import { newPage, screenshot, signIn, startE2E, type E2E } from './browser.ts';

const P = `/api/programmes/${PROGRAMME}`;
const DELIVERY = 'Accouchement eutocique assisté par un personnel qualifié';

/** Intl groups thousands with (narrow) no-break spaces: compare with plain ones. */
const plain = (value: string | null) => (value ?? '').replace(/[\u00a0\u202f]/g, ' ');

/**
 * Penalties in sight, under rules paying the committee's validated figure within a 10%
 * tolerance and declaring the penalty: in February 2024 CDS Un's deliveries were declared 10
 * and verified 8 (25% off: 8 × 9,000 = 72,000 BIF lost), its consultations 100 and 98.
 */
describe('penalties in the browser', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    const { app, database } = e2e.api;
    const designer = await login(app, 'designer');
    const saved = await call(app, designer, 'POST', `${P}/versions`, { definition: PENALTY_VERSION, effectiveFrom: PENALTY_VERSION_FROM, note: 'penalties' });
    expect(saved.statusCode, saved.body).toBe(201);
    await addUser(database, 'validator2', 'validator', 'p1');
  }, 120_000);
  afterAll(() => e2e?.close());

  it('lists on the invoice each line lost to a penalty, from what its run stored, each opening the provenance of its loss', async () => {
    const { app, database } = e2e.api;
    await enterValues(database.db, [
      ...penaltyRows('cds_1', '202402', { consultation: [100, 98, 98], delivery: [10, 8, 8], vaccination: [30, 30, 30] }),
      ...penaltyRows('cds_2', '202402', { consultation: [50, 50, 50], delivery: [3, 3, 3], vaccination: [10, 10, 10] }),
    ]);
    await setStatus(database.db, ['cds_1', 'cds_2'], '202402', 'validated');
    const run = await call(app, await login(app, 'validator'), 'POST', `${P}/invoice-runs`, { orgUnitId: 'p1', period: '202402' });
    expect(run.statusCode, run.body).toBe(201);
    const invoices = (await call(app, await login(app, 'validator'), 'GET', `${P}/invoices?orgUnitId=cds_1&period=202402`)).json();

    for (const locale of ['fr', 'en'] as const) {
      const page = await newPage(e2e, locale);
      await signIn(page, 'validator2');
      await page.goto(`${e2e.url}/invoices/${invoices.items[0].id}`);
      const penalties = page.getByRole('region', { name: locale === 'fr' ? 'Lignes hors tolérance : 1' : 'Lines beyond tolerance: 1' });
      const line = penalties.getByRole('row', { name: new RegExp(DELIVERY) });
      if (locale === 'fr') {
        await expect.poll(() => penalties.innerText().then(plain)).toContain('Perdu par les pénalités, tel que le calcul de cette facture l’a établi : 72 000 BIF');
        await expect.poll(() => line.innerText().then(plain)).toMatch(/10\s+8\s+8\s+25 % \(tolérance 10 %\)\s+72 000 BIF/);
        await line.getByRole('button', { name: `Expliquer la perte de ${DELIVERY}` }).click();
        await page.getByRole('heading', { name: 'D’où vient quantity.delivery.amount_lost' }).waitFor();
        await page.locator('.tree-details').getByText('= 8 * 9000 - 0').first().waitFor();
        await penalties.evaluate((element) => element.scrollIntoView({ block: 'start' }));
        await screenshot(page, 'invoice-penalties');
      } else {
        await expect.poll(() => line.innerText().then(plain)).toMatch(/10\s+8\s+8\s+25% \(tolerance 10%\)\s+BIF 72,000/);
        await penalties.evaluate((element) => element.scrollIntoView({ block: 'start' }));
        await screenshot(page, 'invoice-penalties-en');
      }
      await expect(penalties.getByRole('row', { name: /Consultation/ }).count()).resolves.toBe(0);
      await page.context().close();
    }
  });
});
