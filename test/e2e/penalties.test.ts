import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMME, call, login, runInvoicesAndWait } from '../support/api.ts';
import { addUser, enterValues, setStatus } from '../support/invoices.ts';
import { PENALTY_VERSION, PENALTY_VERSION_FROM, penaltyRows } from '../support/penalties.ts';
import { newPage, screenshot, showScope, signIn, startE2E, type E2E } from './browser.ts';

const P = `/api/programmes/${PROGRAMME}`;
const DELIVERY = 'Accouchement eutocique assisté par un personnel qualifié';
const CONSULTATION = 'Consultation curative des enfants de moins de cinq ans (nouveau cas)';

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
    const run = await runInvoicesAndWait(app, await login(app, 'validator'), { orgUnitId: 'p1', period: '202402' });
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

  it('shows the committee the lines beyond tolerance, the verified figures as defaults, and confirms what validating locks', async () => {
    const { app, database } = e2e.api;
    await enterValues(database.db, [
      ...penaltyRows('cds_1', '202403', { consultation: [100, 98], delivery: [10, 8], vaccination: [30, 30] }),
      ...penaltyRows('cds_2', '202403', { consultation: [50, 50], delivery: [3, 3], vaccination: [10, 10] }),
    ]);
    await setStatus(database.db, ['cds_1', 'cds_2'], '202403', 'verified');
    const statusOf = async () => {
      const sheet = (await call(app, await login(app, 'validator'), 'GET', `${P}/data-values?orgUnitId=cds_1&period=202403&package=quantity`)).json();
      return sheet.packages[0].status as string;
    };

    // In English: the list, the detail, and the confirmation cancelled with Escape.
    const en = await newPage(e2e, 'en');
    await signIn(en, 'validator');
    await en.goto(`${e2e.url}/validation?period=202403`);
    const first = en.getByRole('row').filter({ hasText: 'CDS Un' });
    await expect.poll(() => first.locator('[data-cell="beyond"]').textContent()).toBe('1 line(s)');
    await expect.poll(() => first.locator('[data-cell="lost"]').textContent().then(plain)).toBe('BIF 72,000');
    const second = en.getByRole('row').filter({ hasText: 'CDS Deux' });
    await expect.poll(() => second.locator('[data-cell="beyond"]').textContent()).toBe('0 line(s)');
    await expect(second.locator('[data-cell="lost"]').textContent()).resolves.toBe('—');
    await screenshot(en, 'validation-en');
    await first.getByRole('link', { name: 'CDS Un' }).click();
    await en.getByRole('heading', { level: 1, name: /CDS Un — Paquet minimum/ }).waitFor();
    await expect.poll(() => en.locator('tr[data-activity="delivery"]').getAttribute('class')).toBe('beyond');
    await expect(en.locator('tr[data-activity="consultation"]').getAttribute('class')).resolves.toBe('within');
    await expect(en.locator('tr[data-activity="delivery"]').innerText().then(plain)).resolves.toMatch(/\+2 \(\+25%\)\s*beyond tolerance\s+BIF 72,000/);
    await expect(en.locator('tr[data-activity="consultation"]').innerText()).resolves.toContain('within tolerance');
    const validated = en.getByLabel(`Validated — ${CONSULTATION}`, { exact: true });
    await expect(validated.inputValue()).resolves.toBe('');
    await expect(validated.getAttribute('placeholder')).resolves.toBe('98');
    await en.getByText('Greyed figures are the verified ones: they are validated as they are.').waitFor();
    await expect(en.locator('.validation-detail .scroll-x').evaluate((element) => element.scrollWidth <= element.clientWidth)).resolves.toBe(true);
    await screenshot(en, 'validation-detail-en');
    await en.getByRole('button', { name: 'Validate and lock…' }).click();
    const dialog = en.getByRole('dialog', { name: /^Validate and lock CDS Un/ });
    await expect.poll(() => dialog.innerText().then(plain)).toContain('To pay (monthly): BIF 36,500');
    await expect(dialog.innerText().then(plain)).resolves.toContain(`${DELIVERY}: 25% (tolerance 10%) — lost BIF 72,000`);
    await expect(dialog.innerText()).resolves.toContain('Validated figures: 0 entered by the committee, 3 taken from the verification.');
    await screenshot(en, 'validation-confirm-en');
    await en.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await statusOf()).toBe('verified');

    // In French the committee retains 95 consultations, reviews what it locks and confirms with the keyboard.
    const fr = await newPage(e2e, 'fr');
    await signIn(fr, 'validator');
    await fr.goto(`${e2e.url}/validation?period=202403`);
    await expect.poll(() => fr.getByRole('row').filter({ hasText: 'CDS Un' }).locator('[data-cell="lost"]').textContent().then(plain)).toBe('72 000 BIF');
    await fr.goto(`${e2e.url}/validation/cds_1/202403/quantity`);
    const retained = fr.getByLabel(`Validé — ${CONSULTATION}`, { exact: true });
    await retained.fill('95');
    await retained.press('Enter');
    await expect(fr.locator('.validation-detail .scroll-x').evaluate((element) => element.scrollWidth <= element.clientWidth)).resolves.toBe(true);
    await screenshot(fr, 'validation-detail');
    await expect.poll(() => fr.getByRole('button', { name: 'Valider et verrouiller…' }).isEnabled()).toBe(true);
    await fr.getByRole('button', { name: 'Valider et verrouiller…' }).focus();
    await fr.keyboard.press('Enter');
    const confirm = fr.getByRole('dialog', { name: /^Valider et verrouiller CDS Un/ });
    await expect.poll(() => confirm.innerText().then(plain)).toContain('À payer (monthly) : 35 750 BIF');
    const text = plain(await confirm.innerText());
    expect(text).toContain('Lignes hors tolérance : 1');
    expect(text).toContain(`${DELIVERY} : 25 % (tolérance 10 %) — perdu 72 000 BIF`);
    expect(text).toContain('Perdu par les pénalités : 72 000 BIF');
    expect(text).toContain('Chiffres validés : 1 saisi(s) par le comité, 2 repris de la vérification.');
    await screenshot(fr, 'validation-confirm');
    await fr.keyboard.press('Enter');
    await fr.getByRole('heading', { level: 1 }).getByText('Validé').waitFor();
    expect(await statusOf()).toBe('validated');
  });

  it('warns after a run of the facilities whose amount fell to 0 or moved more than half from the month before', async () => {
    const { app, database } = e2e.api;
    // May: CDS Un earns 127,000 BIF, CDS Deux 43,500. June: every line of CDS Un is beyond tolerance (0), CDS Deux earns 70,500 (+62%).
    await enterValues(database.db, [
      ...penaltyRows('cds_1', '202405', { consultation: [100, 100, 100], delivery: [10, 10, 10], vaccination: [30, 30, 30] }),
      ...penaltyRows('cds_2', '202405', { consultation: [50, 50, 50], delivery: [3, 3, 3], vaccination: [10, 10, 10] }),
      ...penaltyRows('cds_1', '202406', { consultation: [100, 80, 80], delivery: [10, 8, 8], vaccination: [30, 20, 20] }),
      ...penaltyRows('cds_2', '202406', { consultation: [50, 50, 50], delivery: [6, 6, 6], vaccination: [10, 10, 10] }),
    ]);
    await setStatus(database.db, ['cds_1', 'cds_2'], '202405', 'validated');
    await setStatus(database.db, ['cds_1', 'cds_2'], '202406', 'validated');
    expect((await runInvoicesAndWait(app, await login(app, 'validator'), { orgUnitId: 'p1', period: '202405' })).statusCode).toBe(201);

    const fr = await newPage(e2e, 'fr');
    await signIn(fr, 'validator');
    await fr.getByRole('navigation').getByRole('link', { name: 'Factures' }).click();
    await showScope(fr, 'p1', '202406');
    await fr.getByRole('button', { name: 'Calculer les factures de Province 1 pour juin 2024' }).click();
    await fr.getByText('2 facture(s) tombée(s) à 0 ou ayant varié de plus de 50 % par rapport à mai 2024 : regardez-les avant d’approuver.').waitFor();
    const table = fr.getByRole('table', { name: 'À regarder avant d’approuver : 2 facture(s) tombée(s) à 0 ou ayant varié de plus de 50 % par rapport à mai 2024' });
    await expect.poll(() => table.getByRole('row', { name: /CDS Un/ }).innerText().then(plain)).toMatch(/monthly\s+127 000 BIF\s+0 BIF\s+tombée à 0/);
    await expect.poll(() => table.getByRole('row', { name: /CDS Deux/ }).innerText().then(plain)).toMatch(/monthly\s+43 500 BIF\s+70 500 BIF\s+\+62,1 %/);
    await table.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await screenshot(fr, 'invoice-run-warnings');

    const en = await newPage(e2e, 'en');
    await signIn(en, 'validator');
    await en.getByRole('navigation').getByRole('link', { name: 'Invoices' }).click();
    await showScope(en, 'p1', '202406', { unit: 'Org unit (subtree)', period: 'Period', show: 'Show' });
    await en.getByRole('button', { name: 'Compute the invoices of Province 1 for June 2024' }).click();
    await en.getByText('2 invoice(s) fell to 0 or moved more than 50% from May 2024: look at them before approving.').waitFor();
    const english = en.getByRole('table', { name: /^To look at before approving: 2 invoice\(s\)/ });
    await expect.poll(() => english.getByRole('row', { name: /CDS Deux/ }).innerText().then(plain)).toMatch(/\+62\.1%/);
    await english.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await screenshot(en, 'invoice-run-warnings-en');
  });
});
