import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMME, PROGRAMME_DEFINITION, TREE, call, login, runInvoicesAndWait } from '../support/api.ts';
import { enterValues, quantityRows, setStatus } from '../support/invoices.ts';
import { newPage, screenshot, signIn, startE2E, type E2E } from './browser.ts';

/**
 * The seeded programme with its tariffs moved from activity constants to a decision table
 * (a general tariff per activity, a higher one for deliveries in equity category 1), and the
 * long French activity names real programmes have.
 */
const WITH_TARIFF_TABLE = {
  ...PROGRAMME_DEFINITION,
  packages: [
    {
      ...PROGRAMME_DEFINITION.packages[0]!,
      name: 'Paquet minimum d’activités du centre de santé',
      activities: [
        { code: 'consultation', name: 'Consultation curative des enfants de moins de cinq ans (nouveau cas)', constants: { weight: 1 } },
        { code: 'delivery', name: 'Accouchement eutocique assisté par un personnel qualifié', constants: { weight: 2 } },
      ],
    },
  ],
  decisionTables: [
    {
      package: 'quantity',
      name: 'Tarifs',
      inputs: ['activity', 'equity'],
      outputs: ['tariff'],
      from: '202401',
      rows: [
        { activity: 'consultation', equity: '*', tariff: 250 },
        { activity: 'delivery', equity: '*', tariff: 9000 },
        { activity: 'delivery', equity: 'cat1', tariff: 10000 },
      ],
    },
  ],
};

describe('programme designer', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    const designer = await login(e2e.api.app, 'designer');
    const saved = await call(e2e.api.app, designer, 'POST', `/api/programmes/${PROGRAMME}/versions`, {
      definition: WITH_TARIFF_TABLE,
      effectiveFrom: '202402',
      note: 'Tarifs en table de décision',
    });
    expect(saved.statusCode, saved.body).toBe(201);
  }, 120_000);
  afterAll(() => e2e?.close());

  it('checks formulas live, edits a tariff and saves a version effective later', async () => {
    const page = await newPage(e2e, 'fr');
    await signIn(page, 'designer');
    await page.getByRole('navigation').getByRole('link', { name: 'Programme' }).click();
    await page.getByRole('heading', { name: 'Conception du programme' }).waitFor();
    await page.getByText('Nouvelle version en cours, à partir de la version 2').waitFor();
    const versions = page.getByRole('region', { name: 'Versions' });
    await expect(versions.getByRole('row').count()).resolves.toBe(3);
    await expect(versions.getByRole('row').nth(1).textContent()).resolves.toContain('février 2024');

    // An unknown name: located under its formula, the faulty part marked, with a suggestion.
    const amount = page.getByLabel('Formule amount', { exact: true });
    await amount.fill('paid * tarif');
    const row = page.locator('[data-formula="packages[0].activityFormulas.amount"]');
    const finding = row.locator('.finding');
    await finding.waitFor();
    await expect(finding.locator('.finding-message').textContent()).resolves.toBe("nom inconnu 'tarif'");
    await expect(finding.locator('.finding-hint').textContent()).resolves.toContain("vouliez-vous dire 'tariff' ?");
    await expect(finding.locator('mark').textContent()).resolves.toBe('tarif');
    await expect(amount.getAttribute('aria-invalid')).resolves.toBe('true');
    const save = page.getByRole('button', { name: 'Enregistrer la version' });
    await page.getByLabel('Période d’effet', { exact: true }).fill('202507');
    await page.getByText('Erreurs à corriger : 1').waitFor();
    await expect(save.isDisabled()).resolves.toBe(true);
    await finding.scrollIntoViewIfNeeded();

    // Fixed: the error goes, saving is possible again.
    await amount.fill('paid * tariff');
    await page.getByText('Aucune erreur.').waitFor();
    await expect(row.locator('.finding').count()).resolves.toBe(0);

    // A tariff cell of the decision table; the long French names do not widen the page.
    const table = page.getByRole('region', { name: /Table Tarifs/ });
    const cell = table.getByLabel('tariff, ligne 1', { exact: true });
    await expect(cell.inputValue()).resolves.toBe('250');
    await cell.fill('300');
    await cell.press('Enter');
    await expect(page.evaluate('document.activeElement.getAttribute("aria-label")')).resolves.toBe('tariff, ligne 2');
    await expect(page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).resolves.toBe(true);

    await page.getByLabel('Note', { exact: true }).fill('Consultation à 300 BIF');
    await page.getByText('Aucune erreur.').waitFor();
    await save.click();
    await page.getByText('Version 3 enregistrée, en vigueur à partir de juillet 2025.').waitFor();
    const newest = versions.locator('tr[data-version="3"]');
    await newest.waitFor();
    await expect(newest.textContent()).resolves.toContain('juillet 2025');
    await expect(newest.textContent()).resolves.toContain('Consultation à 300 BIF');

    const designer = await login(e2e.api.app, 'designer');
    const stored = (await call(e2e.api.app, designer, 'GET', `/api/programmes/${PROGRAMME}/versions/3`)).json();
    expect(stored.effectiveFrom).toBe('202507');
    expect(stored.definition.decisionTables[0].rows[0]).toEqual({ activity: 'consultation', equity: '*', tariff: 300 });
    expect(stored.definition.packages[0].activityFormulas.amount).toBe('paid * tariff');
  });

  it('shows table errors at the table, in English, and opens an old version read-only', async () => {
    const page = await newPage(e2e, 'en');
    await signIn(page, 'designer');
    await page.getByRole('link', { name: 'Programme' }).click();
    await page.getByText('Editing a new version, starting from version 3').waitFor();

    // A second table giving `tariff` per facility type, not per activity: TABLE_SCOPE.
    await page.getByText('Add a decision table').click();
    const form = page.locator('.add-table');
    await form.getByLabel('Name', { exact: true }).fill('By type');
    await form.getByLabel(/^Inputs, separated by commas/).fill('type');
    await form.getByLabel(/^Outputs, separated by commas/).fill('tariff');
    await form.getByRole('button', { name: 'Add the table' }).click();
    const added = page.getByRole('region', { name: /Table By type/ });
    await added.getByRole('button', { name: 'Add a row' }).click();
    await added.getByLabel('type, row 1', { exact: true }).fill('cds');
    await added.getByLabel('tariff, row 1', { exact: true }).fill('100');
    // The row's missing-output finding stays until the check runs again: wait for the new one.
    await added.locator('.finding', { hasText: "decision tables giving 'tariff' disagree on whether 'activity' is one of their inputs" }).waitFor();
    await page.getByText('Errors to fix: 1').waitFor();

    // A row without its output: the row's cell is marked.
    await added.getByLabel('tariff, row 1', { exact: true }).fill('');
    await added.getByText("row 1 · missing output 'tariff'").waitFor();
    await expect(added.getByLabel('tariff, row 1', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByRole('button', { name: 'Save the version' }).isDisabled()).resolves.toBe(true);

    await added.getByRole('button', { name: 'Remove the table By type' }).click();
    await page.getByText('No error found.').waitFor();

    // Version 1 as it was: constants, no table, nothing editable.
    await page.getByRole('button', { name: 'View version 1 (read only)' }).click();
    await page.getByText('Version 1, effective from January 2024 — read only').waitFor();
    const tariff = page.getByLabel('tariff of consultation', { exact: true });
    await expect(tariff.inputValue()).resolves.toBe('250');
    await expect(tariff.getAttribute('readonly')).resolves.toBe('');
    await expect(page.getByRole('button', { name: 'Add a formula' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Back to the draft' }).click();
    await page.getByText('Editing a new version, starting from version 3').waitFor();
  });

  it('knows the attributes saved versions read, and shows the server’s refusal where it belongs', async () => {
    // `remoteness` exists only on District 2, outside the designer's subtree.
    const admin = await login(e2e.api.app, 'admin');
    const withRemoteness = TREE.map((unit) => (unit.id === 'd2' ? { ...unit, attributes: { ...unit.attributes, remoteness: 2 } } : unit));
    const tree = (units: typeof TREE) => call(e2e.api.app, admin, 'PUT', `/api/programmes/${PROGRAMME}/org-units`, { units });
    expect((await tree(withRemoteness)).statusCode).toBe(200);
    const latest = (await call(e2e.api.app, admin, 'GET', `/api/programmes/${PROGRAMME}/versions/3`)).json().definition;
    latest.payments[0].formulas.to_pay = 'quantity.total * (1 + remoteness / 10)';
    const saved = await call(e2e.api.app, admin, 'POST', `/api/programmes/${PROGRAMME}/versions`, { definition: latest, effectiveFrom: '202601' });
    expect(saved.statusCode, saved.body).toBe(201);
    // Then the attribute goes from the org units: the server will refuse what the browser accepts.
    expect((await tree(TREE)).statusCode).toBe(200);

    const page = await newPage(e2e, 'en');
    await signIn(page, 'designer');
    await page.getByRole('link', { name: 'Programme' }).click();
    await page.getByText('Editing a new version, starting from version 4').waitFor();
    await page.getByText('No error found.').waitFor();
    await expect(page.locator('.help').textContent()).resolves.toContain('remoteness');

    await page.getByLabel('Effective from', { exact: true }).fill('2026Q3');
    await page.getByRole('button', { name: 'Save the version' }).click();
    await page.getByText('The server refused this version: 1 error(s), shown where they are.').waitFor();
    const finding = page.locator('[data-formula="payments[0].formulas.to_pay"] .finding');
    await expect(finding.locator('.badge').textContent()).resolves.toBe('server');
    await expect(finding.locator('.finding-message').textContent()).resolves.toBe("unknown name 'remoteness'");
    await expect(finding.locator('.finding-hint').textContent()).resolves.toContain('no org unit of the programme has an attribute of that name');
    await expect(page.getByLabel('Formula to_pay', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
  });

  it('asks why, listing what it would reprice, before saving a version into an invoiced month', async () => {
    const db = e2e.api.database.db;
    await enterValues(db, quantityRows('cds_1', '202401', { consultation: 40, delivery: 3 }));
    await setStatus(db, ['cds_1'], '202401', 'validated');
    const run = await runInvoicesAndWait(e2e.api.app, await login(e2e.api.app, 'validator'), { orgUnitId: 'cds_1', period: '202401' });
    expect(run.statusCode, run.body).toBe(201);
    // A clean latest version to start from (the one before reads an attribute no unit has now).
    const designer = await login(e2e.api.app, 'designer');
    const clean = await call(e2e.api.app, designer, 'POST', `/api/programmes/${PROGRAMME}/versions`, { definition: PROGRAMME_DEFINITION, effectiveFrom: '202601' });
    expect(clean.statusCode, clean.body).toBe(201);

    const page = await newPage(e2e, 'en');
    await signIn(page, 'designer');
    await page.getByRole('link', { name: 'Programme' }).click();
    await page.getByText(`Editing a new version, starting from version ${clean.json().version}`).waitFor();
    await page.getByText('No error found.').waitFor();
    await page.getByLabel('Effective from', { exact: true }).fill('202401');
    await page.getByRole('button', { name: 'Save the version' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'This version reaches back to periods already validated or invoiced' });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('1 prepared invoice(s) will be computed with these rules at their next run; 0 approved or paid invoice(s) stay exactly as they are.');
    await expect(dialog.getByRole('row').nth(1).textContent()).resolves.toContain('cds_1');
    const confirm = dialog.getByRole('button', { name: 'Save anyway' });
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await dialog.getByLabel('Why these rules apply to those periods (kept in the audit log)').fill('Tariffs signed in March apply from January');
    await screenshot(page, 'designer-reach-back');
    await confirm.click();
    await page.getByText(/Version \d+ saved, effective from January 2024\./).waitFor();
    await expect(dialog.count()).resolves.toBe(0);
    const audit = (await call(e2e.api.app, await login(e2e.api.app, 'admin'), 'GET', `/api/programmes/${PROGRAMME}/audit?entity=programme_version&limit=1`)).json();
    expect(audit.items[0]).toMatchObject({ reason: 'Tariffs signed in March apply from January', newValue: { reachesBack: { periods: ['202401'], repriced: 1 } } });
  });
});
