import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCalendar } from '../../src/demo/calendar.ts';
import { DEMO_PASSWORD } from '../../src/demo/logins.ts';
import { DEMO_PROGRAMME } from '../../src/demo/programme.ts';
import { newPage, screenshot, signIn, startDemoE2E, type DemoE2E } from './browser.ts';

/**
 * The demo as a newcomer meets it on a first start (a twentieth of its facilities, its full
 * two years, today's date): every dashboard and the public page already show figures, and
 * the payer finds orders paid, late and partly paid. The README's screenshots come from here.
 */
const DEMO = { scale: 0.05 };
const calendar = demoCalendar(new Date(), 24);
/** A month three before the current one: invoiced, ordered, and paid by some funders only. */
const PAID_MONTH = calendar.months.at(-3)!;
/** The screens read two years of a national programme: slower than the test programme's on a busy machine. */
const SHOWN = { timeout: 30_000 };

/** The dashboards' panels (English), each drawn with rows in its table of figures. */
const PANELS = [
  'Quantities over time',
  'Completeness and timeliness of reporting',
  'Quality scores per quarter',
  'Quality against quantity',
  'Rankings of facilities',
  'Payments by funder',
  'Payment delays',
];

describe('the demo on first sign-in', () => {
  let e2e: DemoE2E;
  beforeAll(async () => {
    e2e = await startDemoE2E(DEMO);
  }, 300_000);
  afterAll(() => e2e?.close());

  it('gives the committee last month’s verified facilities to validate', async () => {
    // National, so never without work; the clerk's and verifier's province has a handful of facilities at this size.
    const page = await newPage(e2e, 'en');
    await signIn(page, 'validator', DEMO_PASSWORD);
    const toValidate = page.getByRole('region', { name: 'Facilities to validate' });
    await expect.poll(() => toValidate.getByRole('link').count(), SHOWN).toBeGreaterThan(0);
    await screenshot(page, 'home');
  }, 120_000);

  it('shows the payer every dashboard with figures, payments and delays included', async () => {
    const page = await newPage(e2e, 'en');
    await signIn(page, 'payer', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Dashboards' }).click();
    for (const title of [...PANELS, /Budget burn/]) {
      const panel = page.getByRole('region', { name: title });
      await panel.locator('canvas').first().waitFor();
      if (title === 'Quality against quantity') await panel.getByText('Show the figures as a table').click();
      await expect.poll(() => panel.locator('details tbody tr:not([aria-hidden])').count(), { ...SHOWN, message: String(title) }).toBeGreaterThan(0);
    }
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'dashboards');
  }, 120_000);

  it('shows the payer orders per funder with payments, delays and arrears', async () => {
    const page = await newPage(e2e, 'en');
    await signIn(page, 'payer', DEMO_PASSWORD);
    await page.goto(`${e2e.url}/payments?unit=bi&period=${PAID_MONTH}`);
    await expect.poll(() => page.locator('table.funder-totals tbody tr').count(), SHOWN).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'payments');
    await page.getByRole('tab', { name: 'Delays and arrears' }).click();
    const delays = page.getByRole('region', { name: 'Payment delays' });
    await expect.poll(() => delays.locator('tbody tr').count(), SHOWN).toBeGreaterThan(0);
    const arrears = page.getByRole('region', { name: 'Arrears' });
    await expect.poll(() => arrears.locator('tbody tr').count(), SHOWN).toBeGreaterThan(0);
    await screenshot(page, 'payment-delays');
  }, 120_000);

  it('publishes results to anyone without signing in', async () => {
    const page = await newPage(e2e, 'en');
    await page.goto(`${e2e.url}/public/${DEMO_PROGRAMME.id}`);
    await page.getByRole('heading', { name: `${DEMO_PROGRAMME.name}: published results` }).waitFor();
    await page.getByRole('figure').first().locator('canvas').waitFor();
    await expect.poll(() => page.getByRole('table').locator('tbody tr').count(), SHOWN).toBeGreaterThan(10);
    await screenshot(page, 'public');
  }, 120_000);
});
