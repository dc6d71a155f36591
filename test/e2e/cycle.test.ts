import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMME, call, login } from '../support/api.ts';
import { FIELD_VERSION } from '../support/field.ts';
import { addUser } from '../support/invoices.ts';
import { lastCompletedMonth } from '../../src/contract/periods.ts';
import { formatPeriod } from '../../web/src/i18n/format.ts';
import type { Page } from 'playwright-core';
import { newPage, showScope, signIn, startE2E, type E2E } from './browser.ts';

const P = `/api/programmes/${PROGRAMME}`;
const MONTH = lastCompletedMonth();
const CONSULTATION = 'Consultation curative des enfants de moins de cinq ans (nouveau cas)';
const DELIVERY = 'Accouchement eutocique assisté par un personnel qualifié';
const VACCINATION = 'Enfant complètement vacciné avant son premier anniversaire';

/** Gives the reason asked by the dialog a step-back button opens, and confirms. */
async function withReason(page: Page, button: string, reason: string, confirm: string): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Motif').fill(reason);
  await dialog.getByRole('button', { name: confirm, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Validates the facility's month after confirming the summary of what locks. */
async function validateAndLock(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Valider et verrouiller…' }).click();
  await page.getByRole('dialog', { name: /^Valider et verrouiller CDS Un/ }).getByRole('button', { name: 'Valider et verrouiller', exact: true }).click();
}

/** Intl's French groups thousands with narrow no-break spaces: compare with plain ones. */
const plain = (value: string) => value.replace(/[\u00a0\u202f]/g, ' ');

/** Whole days from the last day of MONTH to `date` (YYYY-MM-DD). */
function daysAfterMonth(date: string): number {
  const year = Number(MONTH.slice(0, 4));
  const month = Number(MONTH.slice(4));
  const end = Date.UTC(year, month, 0);
  return Math.round((Date.parse(`${date}T00:00:00Z`) - end) / 86_400_000);
}

/**
 * The whole cycle through the web client, each step by its own person: the clerk declares,
 * the verifier finds one line beyond the 10% tolerance, the committee returns the
 * verification once and the verifier redoes it, the committee validates, computes the invoice
 * and sees the penalty in its provenance; a second member rejects it (the missing register
 * was found), the committee unlocks and returns the verification, the verifier corrects the
 * count, the invoice is computed again and approved; the payer orders and pays, and the
 * payment delay appears. Only the programme's rules and its funder are set up through the
 * API beforehand.
 */
describe('the PBF cycle in the browser', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    const { app, database } = e2e.api;
    const designer = await login(app, 'designer');
    const version = await call(app, designer, 'POST', `${P}/versions`, { definition: FIELD_VERSION, effectiveFrom: '202401', note: 'cycle' });
    expect(version.statusCode, version.body).toBe(201);
    expect((await call(app, designer, 'POST', `${P}/funders`, { id: 'gov', name: 'Gouvernement du Burundi' })).statusCode).toBe(201);
    const share = await call(app, designer, 'POST', `${P}/funder-shares`, { funderId: 'gov', orgUnitId: 'p1', share: '1', validFrom: '202401' });
    expect(share.statusCode, share.body).toBe(201);
    await addUser(database, 'validator2', 'validator', 'p1');
  }, 120_000);
  afterAll(() => e2e?.close());

  it('declares, verifies (returned once), validates, invoices with the penalty, rejects, corrects, re-invoices, approves, pays and shows the delay', async () => {
    // The clerk declares the month at CDS Un from the home page's list of forms.
    const clerk = await newPage(e2e, 'fr');
    await signIn(clerk, 'clerk');
    await clerk.getByRole('region', { name: 'Formulaires à déclarer' }).getByRole('link', { name: 'CDS Un' }).first().click();
    const declared = { [CONSULTATION]: '100', [DELIVERY]: '10', [VACCINATION]: '30' };
    for (const [activity, value] of Object.entries(declared)) {
      await clerk.getByLabel(`Déclaré — ${activity}`, { exact: true }).fill(value);
      await clerk.getByLabel(`Déclaré — ${activity}`, { exact: true }).press('Tab');
    }
    await clerk.getByLabel('Total du registre papier').fill('140');
    const quantityForm = clerk.getByRole('region', { name: /Paquet minimum/ });
    await quantityForm.getByRole('button', { name: 'Marquer comme déclaré' }).click();
    await clerk.getByRole('heading', { name: /Paquet minimum/ }).getByText('Déclaré').waitFor();

    // The verifier finds 8 deliveries, not 10: 25% off, beyond tolerance, and sees the loss first.
    const verifier = await newPage(e2e, 'fr');
    await signIn(verifier, 'verifier');
    await verifier.getByRole('region', { name: 'Formations sanitaires à vérifier' }).getByRole('link', { name: 'CDS Un' }).click();
    const visit = verifier.getByRole('region', { name: 'Paquet minimum d’activités du centre de santé' });
    await visit.getByLabel(`Vérifié, ${CONSULTATION}`, { exact: true }).fill('98');
    await visit.getByLabel(`Vérifié, ${DELIVERY}`, { exact: true }).fill('8');
    await visit.getByLabel(`Vérifié, ${VACCINATION}`, { exact: true }).fill('30');
    await expect(visit.locator('tr[data-activity="delivery"]').getAttribute('class')).resolves.toBe('beyond');
    await expect(visit.locator('.loss-summary').textContent().then((text) => plain(text ?? ''))).resolves.toContain('Perdu par les écarts : 72 000 BIF');
    await visit.getByRole('button', { name: 'Enregistrer (3 modifiée(s))' }).click();
    await verifier.getByText('Rien n’attend').waitFor();
    await visit.getByRole('button', { name: 'Marquer comme vérifié' }).click();
    await visit.locator('.badge.status-verified').waitFor();

    // The committee returns the verification once; the verifier, having checked, verifies again.
    const committee = await newPage(e2e, 'fr');
    await signIn(committee, 'validator');
    await committee.getByRole('region', { name: 'Formations sanitaires à valider' }).getByRole('link', { name: 'CDS Un' }).click();
    const committeeUrl = committee.url();
    await withReason(committee, 'Renvoyer au vérificateur…', 'Vérifier le registre des accouchements', 'Renvoyer au vérificateur');
    await committee.getByText(/La validation vient après la vérification/).waitFor();
    await verifier.reload();
    await visit.locator('.badge.status-declared').waitFor();
    await visit.getByRole('button', { name: 'Marquer comme vérifié' }).click();
    await visit.locator('.badge.status-verified').waitFor();

    // The committee validates and locks CDS Un's month, after the summary of what locks.
    await committee.goto(committeeUrl);
    await validateAndLock(committee);
    await committee.getByRole('button', { name: 'Déverrouiller…' }).waitFor();

    // It computes province 1's invoices: CDS Un is paid 36,500 BIF, its deliveries nothing.
    await committee.getByRole('navigation').getByRole('link', { name: 'Factures' }).click();
    await showScope(committee, 'p1', MONTH);
    await committee.getByRole('button', { name: `Calculer les factures de Province 1 pour ${formatPeriod(MONTH, 'fr')}` }).click();
    await committee.getByText(/Calcul \d+ terminé : 1 facture\(s\)/).waitFor();
    const list = committee.getByRole('region', { name: 'Factures en cours' });
    await list.getByRole('row', { name: /CDS Un/ }).getByRole('link').click();
    await expect(committee.locator('dd.amount').innerText().then(plain)).resolves.toBe('36 500 BIF');
    await committee.getByRole('button', { name: 'Montrer de quoi quantity.delivery.amount est fait' }).click();
    const paid = committee.locator('li[data-name="quantity.delivery.paid"]').first();
    await expect(paid.locator('> .tree-line').innerText()).resolves.toMatch(/quantity\.delivery\.paid\s*=\s*0/);
    await expect(paid.locator('> .tree-details').innerText()).resolves.toContain('IF(0.25 > 0.1, 0, verified)');
    await expect(committee.getByRole('button', { name: 'Approuver cette facture' }).count()).resolves.toBe(0);

    // A second member rejects it: the missing page of the delivery register was found.
    const invoiceUrl = committee.url();
    const second = await newPage(e2e, 'fr');
    await signIn(second, 'validator2');
    await second.goto(invoiceUrl);
    await withReason(second, 'Rejeter…', 'Page manquante du registre retrouvée : 10 accouchements', 'Rejeter la facture');
    await second.getByText(/Rejetée le .* : Page manquante du registre retrouvée/).waitFor();

    // The committee unlocks the month and returns the verification; the verifier corrects the count.
    await committee.goto(committeeUrl);
    await withReason(committee, 'Déverrouiller…', 'Facture rejetée : accouchements à recompter', 'Déverrouiller');
    await withReason(committee, 'Renvoyer au vérificateur…', 'Recompter les accouchements avec la page retrouvée', 'Renvoyer au vérificateur');
    await verifier.reload();
    await visit.locator('.badge.status-declared').waitFor();
    await visit.getByLabel(`Vérifié, ${DELIVERY}`, { exact: true }).fill('10');
    await visit.getByRole('button', { name: 'Enregistrer (1 modifiée(s))' }).click();
    await verifier.getByText('Rien n’attend').waitFor();
    await visit.getByRole('button', { name: 'Marquer comme vérifié' }).click();
    await visit.locator('.badge.status-verified').waitFor();

    // Validated and computed again: the deliveries are paid now, 126,500 BIF.
    await committee.goto(committeeUrl);
    await validateAndLock(committee);
    await committee.getByRole('button', { name: 'Déverrouiller…' }).waitFor();
    await committee.getByRole('navigation').getByRole('link', { name: 'Factures' }).click();
    await showScope(committee, 'p1', MONTH);
    await committee.getByRole('button', { name: `Calculer les factures de Province 1 pour ${formatPeriod(MONTH, 'fr')}` }).click();
    await committee.getByText(/Calcul \d+ terminé : 1 facture\(s\)/).waitFor();
    await committee.getByRole('region', { name: 'Factures en cours' }).getByRole('row', { name: /CDS Un/ }).getByRole('link').click();
    await expect(committee.locator('dd.amount').innerText().then(plain)).resolves.toBe('126 500 BIF');

    // The second member approves the corrected invoice.
    await second.goto(new URL('/', invoiceUrl).toString());
    await second.getByRole('link', { name: /en attente de votre approbation : 1/ }).click();
    await second.getByRole('region', { name: 'Factures en cours' }).getByRole('checkbox', { name: /Sélectionner toutes les factures/ }).check();
    await second.getByRole('button', { name: 'Approuver les factures sélectionnées…' }).click();
    await second.getByRole('dialog', { name: 'Approuver 1 facture(s) ?' }).getByRole('button', { name: 'Approuver les factures sélectionnées', exact: true }).click();
    await second.getByText('Factures approuvées : 1.').waitFor();

    // The payer orders it and records the government's transfer today.
    const payer = await newPage(e2e, 'fr');
    await signIn(payer, 'payer');
    await payer.getByRole('link', { name: /^Ordonnancer .* \(1 facture\(s\)\)/ }).click();
    await payer.getByRole('button', { name: /^Créer les ordres de paiement de Province 1 .*…$/ }).click();
    await payer.getByRole('dialog', { name: /^Créer les ordres de paiement de Province 1/ }).getByRole('button', { name: /^Créer les ordres de paiement de Province 1 pour \S+ \d{4}$/ }).click();
    await payer.getByText('Ordres de paiement créés : 1 (un par bailleur).').waitFor();
    await payer.getByRole('row', { name: /Gouvernement/ }).filter({ has: payer.getByRole('button') }).getByRole('button').click();
    const order = payer.getByRole('region', { name: /Ordre \d+ — Gouvernement du Burundi/ });
    await order.getByRole('checkbox', { name: /Payer la ligne de CDS Un/ }).check();
    const today = new Date().toISOString().slice(0, 10);
    await order.getByLabel('Payé le').fill(today);
    await order.getByLabel('Référence du virement').fill('OV-CYCLE-1');
    await order.getByRole('button', { name: 'Enregistrer 1 paiement(s)' }).click();
    await order.getByText('Paiements enregistrés : 1 ; factures désormais entièrement payées : 1.').waitFor();

    // The delay of the government's part appears: days from the end of the month to the payment.
    await payer.getByRole('tab', { name: 'Délais et arriérés' }).click();
    const delay = payer.getByRole('region', { name: 'Délais de paiement' }).getByRole('row').filter({ hasText: 'CDS Un' }).filter({ hasText: 'Gouvernement' });
    await expect(delay.locator('td').nth(5).innerText()).resolves.toBe(String(daysAfterMonth(today)));
  }, 300_000);
});
