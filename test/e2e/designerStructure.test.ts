import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataValues } from '../../src/store/schema.ts';
import { PROGRAMME, call, login } from '../support/api.ts';
import type { Locator } from 'playwright-core';
import { newPage, screenshot, signIn, startE2E, type E2E } from './browser.ts';

/** Intl groups thousands with narrow no-break spaces: compare with plain ones. */
const plain = (value: string | null) => (value ?? '').replace(/[\u00a0\u202f]/g, ' ');
/** Waits until the field has the focus: what the designer types next goes there. */
const focused = (field: Locator) => field.and(field.page().locator(':focus')).waitFor();

describe('the designer builds a package from nothing', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    // Vaccinations already entered for CDS Un, as an import would bring them before the rules exist.
    await e2e.api.database.db
      .insert(dataValues)
      .values({ programmeId: PROGRAMME, orgUnitId: 'cds_1', period: '202401', activity: 'bcg', state: 'vaccinated', value: '12' });
  }, 120_000);
  afterAll(() => e2e?.close());

  it('adds a package with a typed input, an activity, a tariff table and a payment, dry-runs and saves it', async () => {
    const page = await newPage(e2e, 'fr');
    await signIn(page, 'designer');
    await page.getByRole('navigation').getByRole('link', { name: 'Programme' }).click();
    await page.getByText('Nouvelle version en cours, à partir de la version 1').waitFor();
    await page.getByText('Aucune erreur.').waitFor();

    // A new package takes the focus on its name; its code is editable while it is new.
    await page.getByRole('button', { name: 'Ajouter un paquet' }).click();
    await focused(page.getByRole('region', { name: 'Paquet new_package' }).getByLabel('Nom', { exact: true }));
    await page.keyboard.type('Vaccination');
    const pkg = page.getByRole('region', { name: /^Paquet Vaccination/ });
    const code = pkg.getByLabel('Code du paquet Vaccination', { exact: true });
    await code.fill('vac cination');
    await code.press('Enter');
    await pkg.getByText('« vac cination » : lettres, chiffres et _ seulement').waitFor();
    await code.fill('vaccination');
    await code.press('Enter');
    await pkg.getByRole('heading', { name: 'Paquet Vaccination vaccination' }).waitFor();
    const appliesTo = pkg.getByLabel("S'applique à", { exact: true });
    await appliesTo.fill('type: cds');
    await appliesTo.press('Enter');

    await pkg.getByRole('button', { name: 'Ajouter une entrée' }).click();
    await focused(pkg.getByLabel("Nom de l'entrée new_input", { exact: true }));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('vaccinated');
    await page.keyboard.press('Enter');
    await pkg.getByLabel("Type de l'entrée vaccinated", { exact: true }).selectOption('count');

    await pkg.getByRole('button', { name: 'Ajouter une activité' }).click();
    await focused(pkg.getByLabel("Nom de l'activité new_activity", { exact: true }));
    await page.keyboard.type('Vaccination BCG');
    const activityCode = pkg.getByLabel("Code de l'activité Vaccination BCG", { exact: true });
    await activityCode.fill('bcg');
    await activityCode.press('Enter');

    // Incomplete: the activity formula reads a tariff no table gives yet.
    const activityFormulas = pkg.getByRole('region', { name: "Formules d'activité (une fois par activité)" });
    await activityFormulas.getByRole('button', { name: 'Ajouter une formule' }).click();
    await focused(activityFormulas.getByLabel('Nom de la formule new_formula', { exact: true }));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('amount');
    await page.keyboard.press('Tab');
    await page.keyboard.type('vaccinated * tariff');
    const amount = page.locator('[data-formula="packages[1].activityFormulas.amount"]');
    // Checked as typed: a finding of a half-typed formula ('v') may show first.
    await expect.poll(() => amount.locator('.finding-message').textContent()).toBe("nom inconnu 'tariff'");
    await page.getByText('Erreurs à corriger : 1').waitFor();
    await expect(page.getByRole('button', { name: 'Enregistrer la version' }).isDisabled()).resolves.toBe(true);
    await pkg.getByRole('heading', { name: 'Paquet Vaccination vaccination' }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'designer-structure');

    // The tariff table: its finding clears once a row gives the tariff.
    await page.getByText('Ajouter une table de décision').click();
    const form = page.locator('.add-table');
    await form.getByLabel(/^Paquet/).selectOption({ label: 'Vaccination (vaccination)' });
    await form.getByLabel('Nom', { exact: true }).fill('Tarifs vaccination');
    await form.getByLabel(/^Sorties/).fill('tariff');
    await form.getByRole('button', { name: 'Ajouter la table' }).click();
    const table = page.getByRole('region', { name: /^Table Tarifs vaccination/ });
    await table.getByRole('button', { name: 'Ajouter une ligne' }).click();
    await table.getByLabel('activity, ligne 1', { exact: true }).fill('bcg');
    await table.getByLabel('tariff, ligne 1', { exact: true }).fill('500');
    await amount.locator('.finding').waitFor({ state: 'detached' });
    await page.getByText('Aucune erreur.').waitFor();

    const packageFormulas = pkg.getByRole('region', { name: 'Formules du paquet (une fois par unité)' });
    await packageFormulas.getByRole('button', { name: 'Ajouter une formule' }).click();
    await focused(packageFormulas.getByLabel('Nom de la formule new_formula', { exact: true }));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('total');
    await page.keyboard.press('Tab');
    await page.keyboard.type('SUM(amount)');

    // A payment reading no package yet: the check says so at its list of packages.
    await page.getByRole('button', { name: 'Ajouter un paiement' }).click();
    await focused(page.getByRole('region', { name: 'Paiement new_payment' }).getByLabel('Nom', { exact: true }));
    await page.keyboard.type('Prime de vaccination');
    const payment = page.getByRole('region', { name: /^Paiement Prime de vaccination/ });
    await payment.locator('.finding-place', { hasText: 'paquets lus' }).waitFor();
    await page.getByText('Erreurs à corriger : 1').waitFor();
    const paymentCode = payment.getByLabel('Code du paiement Prime de vaccination', { exact: true });
    await paymentCode.fill('vaccination_bonus');
    await paymentCode.press('Enter');
    await payment.getByRole('checkbox', { name: 'Vaccination vaccination' }).check();
    await payment.getByLabel('Formule to_pay', { exact: true }).fill('vaccination.total');
    await expect(payment.getByRole('combobox', { name: /^Montant payé/ }).inputValue()).resolves.toBe('to_pay');
    await payment.locator('.finding').waitFor({ state: 'detached' });
    await page.getByText('Aucune erreur.').waitFor();

    // The dry run pays CDS Un its twelve vaccinations at 500.
    const dryRun = page.getByRole('region', { name: 'Simulation : comment les paiements bougeraient-ils ?' });
    await dryRun.getByLabel('Sous-arbre (code de l’unité)').fill('p1');
    await dryRun.getByLabel('Période (202406 ou 2024Q2)').fill('202401');
    await dryRun.getByRole('button', { name: 'Simuler' }).click();
    const change = dryRun.getByRole('row', { name: /CDS Un.*Prime de vaccination/ });
    await expect(change.textContent().then(plain)).resolves.toContain('6 000');

    await page.getByLabel('Période d’effet', { exact: true }).fill('202601');
    await page.getByLabel('Note', { exact: true }).fill('Paquet vaccination');
    await page.getByRole('button', { name: 'Enregistrer la version' }).click();
    await page.getByText('Version 2 enregistrée, en vigueur à partir de janvier 2026.').waitFor();
    // Saved, its codes are what entered data refer to: they stay.
    await expect(code.getAttribute('readonly')).resolves.toBe('');

    const designer = await login(e2e.api.app, 'designer');
    const stored = (await call(e2e.api.app, designer, 'GET', `/api/programmes/${PROGRAMME}/versions/2`)).json().definition;
    expect(stored.packages[1]).toMatchObject({
      code: 'vaccination',
      name: 'Vaccination',
      frequency: 'monthly',
      appliesTo: { type: ['cds'] },
      inputs: ['vaccinated'],
      inputTypes: { vaccinated: 'count' },
      activities: [{ code: 'bcg', name: 'Vaccination BCG' }],
      activityFormulas: { amount: 'vaccinated * tariff' },
      formulas: { total: 'SUM(amount)' },
    });
    expect(stored.decisionTables).toEqual([{ package: 'vaccination', name: 'Tarifs vaccination', inputs: ['activity'], outputs: ['tariff'], rows: [{ activity: 'bcg', tariff: 500 }] }]);
    expect(stored.payments[1]).toEqual({ code: 'vaccination_bonus', name: 'Prime de vaccination', frequency: 'monthly', packages: ['vaccination'], formulas: { to_pay: 'vaccination.total' }, amount: 'to_pay' });
  });

  it('shows what a removal breaks before removing, in English', async () => {
    const page = await newPage(e2e, 'en');
    await signIn(page, 'designer');
    await page.getByRole('navigation').getByRole('link', { name: 'Programme' }).click();
    await page.getByText('Editing a new version, starting from version 2').waitFor();
    await page.getByText('No error found.').waitFor();
    const pkg = page.getByRole('region', { name: /^Package Vaccination/ });

    // An input a formula reads: the finding first; keeping it changes nothing.
    await pkg.getByRole('button', { name: 'Remove the input vaccinated' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Remove the input vaccinated? 1 error(s) would follow:' });
    await dialog.waitFor();
    await expect(dialog.locator('.finding').textContent()).resolves.toContain("Vaccination · amount · unknown name 'vaccinated'");
    await expect(page.evaluate('document.activeElement?.textContent')).resolves.toBe('Keep it');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(pkg.getByLabel('Name of the input vaccinated', { exact: true }).inputValue()).resolves.toBe('vaccinated');

    // The package itself, read by a payment and a table: removed anyway, each place shows it.
    await pkg.getByRole('button', { name: 'Remove the package Vaccination' }).click();
    const breaks = page.getByRole('alertdialog', { name: 'Remove the package Vaccination? 2 error(s) would follow:' });
    await expect(breaks.locator('.finding-place').allTextContents()).resolves.toEqual(['Prime de vaccination · vaccination · ', 'Table Tarifs vaccination · package · ']);
    await breaks.getByRole('button', { name: 'Remove anyway' }).click();
    await page.getByText('Errors to fix: 2').waitFor();
    await expect(page.evaluate('document.activeElement?.id')).resolves.toBe('packages-title');
    const payment = page.getByRole('region', { name: /^Payment Prime de vaccination/ });
    await expect(payment.locator('.finding-message').textContent()).resolves.toContain('vaccination');
    await expect(page.getByRole('button', { name: 'Save the version' }).isDisabled()).resolves.toBe(true);

    // Nothing reads the payment or the table: they go at once.
    await payment.getByRole('button', { name: 'Remove the payment Prime de vaccination' }).click();
    await page.getByRole('region', { name: /^Table Tarifs vaccination/ }).getByRole('button', { name: 'Remove the table Tarifs vaccination' }).click();
    await page.getByText('No error found.').waitFor();
  });
});
