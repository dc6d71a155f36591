import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterValues, quantityRows } from '../support/invoices.ts';
import { newPage, screenshot, signIn, startE2E, type E2E } from './browser.ts';

/** Intl groups thousands with narrow no-break spaces: compare with plain ones. */
const plain = (value: string | null) => (value ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe('the designer’s dry run', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    await enterValues(e2e.api.database.db, [
      ...quantityRows('cds_1', '202401', { consultation: 100, delivery: 2 }),
      ...quantityRows('cds_2', '202401', { consultation: 40, delivery: 0 }),
    ]);
  }, 120_000);
  afterAll(() => e2e?.close());

  it('shows how a dearer consultation would move each facility’s payment, before saving', async () => {
    const page = await newPage(e2e, 'en');
    await signIn(page, 'designer');
    await page.getByRole('navigation').getByRole('link', { name: 'Programme' }).click();
    await page.getByLabel('tariff of consultation', { exact: true }).fill('300');
    const dryRun = page.getByRole('region', { name: 'Dry run: how would payments move?' });
    await dryRun.getByLabel('Subtree (org unit code)').fill('p1');
    await dryRun.getByLabel('Period (202406 or 2024Q2)').fill('202401');
    await dryRun.getByRole('button', { name: 'Simulate' }).click();
    const summary = dryRun.getByRole('status').filter({ hasText: 'compared with version 1' });
    await expect(summary.textContent().then(plain)).resolves.toContain('BIF 53,000 today, BIF 60,000 with this draft (BIF 7,000). 2 payment(s) change, 0 stay the same.');
    await expect(dryRun.getByRole('row', { name: /CDS Un/ }).textContent().then(plain)).resolves.toContain('BIF 5,000');
    await dryRun.evaluate((section) => section.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'dry-run');
  });
});
