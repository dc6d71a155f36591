import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoCalendar } from '../../src/demo/calendar.ts';
import { DEMO_PASSWORD } from '../../src/demo/logins.ts';
import { newPage, screenshot, signIn, startDemoE2E, submitShown, type DemoE2E } from './browser.ts';

/**
 * The README's screens of everyday work, taken on the demo as `demo.test.ts` starts it (a
 * twentieth of its facilities): the facilities and figures are the demo's, not the test programme's.
 * Last month is under way: in Ngozi (the clerk's and verifier's province) CDS Murike is declared,
 * CDS Kuye verified and CDS Mini validated (src/demo/generate.ts, `stageOf`, at this seed and size).
 */
const DEMO = { scale: 0.05 };
const calendar = demoCalendar(new Date(), 24);
const LAST_MONTH = calendar.months.at(-1)!;
/** Invoiced, approved and paid by the demo's history. */
const INVOICED_MONTH = calendar.months.at(-3)!;
const SHOWN = { timeout: 30_000 };
const DECLARED = { id: 'cds_0037', name: 'CDS Murike' };

const text = async (locator: ReturnType<Page['locator']>) => (await locator.innerText()).replace(/\s+/g, ' ').trim();

async function signedIn(e2e: DemoE2E, username: string): Promise<Page> {
  const page = await newPage(e2e, 'en');
  await signIn(page, username, DEMO_PASSWORD);
  return page;
}

describe('the demo’s screens of everyday work', () => {
  let e2e: DemoE2E;
  beforeAll(async () => {
    e2e = await startDemoE2E(DEMO);
  }, 300_000);
  afterAll(() => e2e?.close());

  it('shows the clerk a declared facility’s grid of activities with its figures', async () => {
    const page = await signedIn(e2e, 'clerk');
    await page.goto(`${e2e.url}/entry?unit=${DECLARED.id}&period=${LAST_MONTH}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(`Declared quantities — ${DECLARED.name}`) }).waitFor(SHOWN);
    // Declared, so frozen: the figures read, not typed.
    const rows = page.locator('table.entry-grid tbody tr');
    await expect.poll(() => rows.count(), SHOWN).toBeGreaterThan(10);
    await expect(text(rows.first())).resolves.toMatch(/^Consultation curative .* \d/);
    await page.getByText('Declared: the figures are frozen while the verifier counts them.', { exact: false }).waitFor();
    await screenshot(page, 'data-entry');
  }, 120_000);

  it('lists last month’s verified facilities for the committee, some with lines beyond tolerance', async () => {
    const page = await signedIn(e2e, 'validator');
    await page.goto(`${e2e.url}/validation?period=${LAST_MONTH}`);
    const beyond = page.locator('[data-cell="beyond"]');
    await expect.poll(() => beyond.count(), SHOWN).toBeGreaterThan(3);
    const counts = await beyond.allTextContents();
    expect(counts.some((count) => !count.startsWith('0 '))).toBe(true);
    await screenshot(page, 'validation');
  }, 120_000);

  it('shows the committee an invoiced month’s invoices and one amount explained down to its data', async () => {
    const page = await signedIn(e2e, 'validator');
    await page.goto(`${e2e.url}/invoices?unit=bi&period=${INVOICED_MONTH}`);
    const list = page.getByRole('region', { name: 'Current invoices' });
    await expect.poll(() => list.getByRole('row').count(), SHOWN).toBeGreaterThan(5);
    await screenshot(page, 'invoices');
    await list.getByRole('row', { name: /CDS / }).first().getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: /^Invoice \d+ — CDS / }).waitFor(SHOWN);
    await page.getByText('identical to the stored value').first().waitFor(SHOWN);
    await page.getByRole('button', { name: /^Show what .* is made of$/ }).first().click();
    await page.getByRole('button', { name: 'Open everything' }).click();
    await expect.poll(() => page.locator('li[data-name]').count(), SHOWN).toBeGreaterThan(3);
    await page.getByText(/Entered: /).first().waitFor(SHOWN);
    await page.locator('#provenance-title').evaluate((element) => element.scrollIntoView());
    await screenshot(page, 'invoice-provenance');
  }, 120_000);

  it('draws last month’s facilities to verify in Ngozi, each class with facilities', async () => {
    const page = await signedIn(e2e, 'validator');
    await page.getByRole('navigation').getByRole('link', { name: 'Risk-based verification' }).click();
    await submitShown(
      page,
      async () => {
        await page.getByLabel('Subtree root').fill('bi');
        await page.getByLabel(/^Period$/).fill(LAST_MONTH);
        await page.getByRole('button', { name: /^Show$/ }).click();
      },
      { root: 'bi', period: LAST_MONTH },
    );
    await page.getByRole('button', { name: 'Draw', exact: true }).click();
    await page.getByText(/^Draw \d+ made: \d+ of \d+ facilities to verify\.$/).waitFor(SHOWN);
    const counts = page.getByRole('table', { name: 'Facilities per risk class' });
    const facilities = (riskClass: string) => text(counts.locator(`tr[data-class="${riskClass}"] td`).nth(1)).then(Number);
    for (const riskClass of ['low', 'moderate', 'high']) await expect(facilities(riskClass)).resolves.toBeGreaterThan(0);
    const list = page.getByRole('table', { name: 'Facilities', exact: true });
    await list.getByRole('button', { name: /^Why\? CDS / }).first().click();
    await page.locator('[id^="reasons-"]').first().waitFor();
    await page.getByRole('heading', { name: 'Facilities', exact: true }).evaluate((element) => element.scrollIntoView());
    await screenshot(page, 'risk');
  }, 120_000);

  it('shows a facility’s page with a year of declared and verified quantities', async () => {
    const page = await signedIn(e2e, 'verifier');
    await page.goto(`${e2e.url}/org-units/${DECLARED.id}`);
    await page.getByRole('heading', { level: 1, name: DECLARED.name }).waitFor(SHOWN);
    const quantities = page.getByRole('region', { name: 'Quantities' });
    await expect.poll(() => quantities.locator('tr[data-period]').count(), SHOWN).toBeGreaterThanOrEqual(12);
    await page.getByRole('img', { name: /^Declared and verified quantities/ }).locator('svg text', { hasText: 'Verified' }).waitFor(SHOWN);
    await screenshot(page, 'facility');
  }, 120_000);

  it('browses the verifier’s province, its districts and facilities', async () => {
    const page = await signedIn(e2e, 'verifier');
    await page.getByRole('link', { name: 'Org units' }).click();
    await page.getByRole('link', { name: 'District sanitaire Ngozi Nord' }).first().click();
    await page.getByRole('link', { name: DECLARED.name }).first().waitFor(SHOWN);
    await screenshot(page, 'org-units');
  }, 120_000);

  it('shows the verifier a declared facility’s figures to verify, with the loss before saving', async () => {
    const page = await signedIn(e2e, 'verifier');
    await page.goto(`${e2e.url}/field/${DECLARED.id}/${LAST_MONTH}`);
    const quantity = page.getByRole('region', { name: /^Paquet minimum/ });
    const verified = quantity.getByLabel(/^Verified, /);
    await expect.poll(() => verified.count(), SHOWN).toBeGreaterThan(10);
    // The verifier counts 85% of the first line's declared figure and confirms the next two.
    const declared = (row: number) => text(quantity.locator('tr[data-activity]').nth(row).getByRole('cell').nth(0)).then((figure) => Number(figure.replace(/,/g, '')));
    await verified.nth(0).fill(String(Math.round((await declared(0)) * 0.85)));
    for (const row of [1, 2]) await verified.nth(row).fill(String(await declared(row)));
    await expect.poll(() => quantity.locator('tr.beyond').count(), SHOWN).toBeGreaterThan(0);
    await quantity.evaluate((section) => section.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'verification');
  }, 120_000);

  it('scores the last quarter’s quality checklist of a facility', async () => {
    const page = await signedIn(e2e, 'verifier');
    await page.goto(`${e2e.url}/field/${DECLARED.id}/${calendar.quarters.at(-1)!}`);
    const quality = page.getByRole('region', { name: 'Grille qualité des CDS' });
    await expect.poll(() => quality.locator('[data-formula="score"] .figure').textContent(), SHOWN).toMatch(/%$/);
    await quality.evaluate((section) => section.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'quality');
  }, 120_000);

  it('checks the demo programme’s formulas live in the designer', async () => {
    const page = await signedIn(e2e, 'designer');
    await page.getByRole('navigation').getByRole('link', { name: 'Programme' }).click();
    await page.getByRole('heading', { name: 'Programme designer' }).waitFor(SHOWN);
    const amount = page.getByLabel('Formula amount', { exact: true }).first();
    await amount.fill('paid_quantity * tarif');
    const finding = page.locator('.finding').first();
    await expect.poll(() => finding.locator('.finding-message').textContent(), SHOWN).toBe("unknown name 'tarif'");
    await expect(amount.getAttribute('aria-invalid')).resolves.toBe('true');
    await finding.scrollIntoViewIfNeeded();
    await screenshot(page, 'designer');
  }, 120_000);

  it('shows the auditor the demo’s history in the audit log', async () => {
    const page = await signedIn(e2e, 'auditor');
    await page.getByRole('link', { name: 'Audit log' }).click();
    await expect.poll(() => page.getByRole('row').count(), SHOWN).toBeGreaterThan(5);
    await screenshot(page, 'audit-log');
  }, 120_000);
});
