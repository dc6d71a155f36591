import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMME } from '../support/api.ts';
import { monthlyAmount, seedDashboards } from '../support/dashboards.ts';
import { formatMoney } from '../../web/src/i18n/format.ts';
import { newPage, signIn, startE2E, type E2E } from './browser.ts';

/** The panels of the dashboards screen, by title (English). */
const PANELS = [
  'Quantities across Province 1',
  'Quantities over time',
  'Completeness and timeliness of reporting',
  'Quality scores per quarter',
  'Quality against quantity',
  'Rankings of facilities',
  'Payments by funder',
  'Payment delays',
  'Budget burn 2024',
];

describe('dashboards and the public results page', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    await seedDashboards(e2e.api);
  }, 180_000);
  afterAll(() => e2e?.close());

  it('shows an auditor every chart drawn, with its figures, and drills down the tree', async () => {
    const page = await newPage(e2e, 'en');
    await signIn(page, 'auditor');
    await page.getByRole('link', { name: 'Dashboards' }).click();
    for (const title of PANELS) {
      const panel = page.getByRole('region', { name: title });
      await panel.locator('canvas').first().waitFor();
      if (title === 'Quality against quantity') await panel.getByText('Show the figures as a table').click();
      await expect.poll(() => panel.locator('details tbody tr:not([aria-hidden])').count(), { message: title }).toBeGreaterThan(0);
    }
    await page.evaluate('window.scrollTo(0, 0)');

    const tree = page.getByRole('region', { name: 'Quantities across Province 1' });
    await expect(tree.getByRole('img').getAttribute('aria-label')).resolves.toContain('under Province 1');
    await tree.locator('canvas').first().click();
    const district = page.getByRole('region', { name: 'Quantities across District 1' });
    await district.locator('canvas').first().waitFor();
    await expect(district.getByRole('img').getAttribute('aria-label')).resolves.toContain('under District 1');
    await expect(district.locator('details tbody th').allTextContents()).resolves.toEqual(['CDS Deux', 'CDS Un']);
    const crumbs = page.getByRole('navigation', { name: 'Org units shown' });
    await expect(crumbs.getByRole('listitem').allTextContents()).resolves.toEqual(['Province 1', 'District 1']);
    await crumbs.getByRole('button', { name: 'Province 1' }).click();
    await page.getByRole('region', { name: 'Quantities across Province 1' }).waitFor();
  });

  it('keeps facilities of other provinces out of a province’s dashboards', async () => {
    const page = await newPage(e2e, 'en');
    await signIn(page, 'auditor');
    await page.goto(`${e2e.url}/dashboards?from=202401&to=202406`);
    const rankings = page.getByRole('region', { name: 'Rankings of facilities' });
    await rankings.locator('canvas').first().waitFor();
    await expect(rankings.locator('details tbody th').allTextContents()).resolves.toEqual(['CDS UnDistrict 1', 'CDS DeuxDistrict 1']);
  });

  it('publishes approved figures to anyone, without signing in, in French or English', async () => {
    const page = await newPage(e2e, 'fr');
    await page.goto(`${e2e.url}/public/${PROGRAMME}`);
    await page.getByRole('heading', { name: 'Test PBF : résultats publiés' }).waitFor();
    await expect(page.getByRole('button', { name: 'Se connecter' }).count()).resolves.toBe(0);
    await page.getByRole('figure').first().locator('canvas').waitFor();
    const rows = page.getByRole('table').locator('tbody tr');
    await expect(rows.count()).resolves.toBe(4);
    // Q2 of province 1: April and May only; June and the quality bonuses are not approved yet.
    const aprilMay = [4, 5].reduce((sum, m) => sum + monthlyAmount('cds_1', m) + monthlyAmount('cds_2', m), 0);
    const q2 = rows.filter({ hasText: 'Province 1' }).filter({ hasText: 'T2 2024' });
    await expect(q2.locator('td').allTextContents()).resolves.toEqual(['T2 2024', formatMoney(aprilMay, 'BIF', 'fr'), formatMoney(0, 'BIF', 'fr'), '—', '2']);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Test PBF: published results' }).waitFor();
    await expect(rows.filter({ hasText: 'Province 1' }).filter({ hasText: 'Q2 2024' }).locator('td').nth(1).textContent()).resolves.toBe(formatMoney(aprilMay, 'BIF', 'en'));
    await page.getByRole('button', { name: 'Français' }).waitFor();
  });
});
