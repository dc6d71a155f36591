import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMME, PROGRAMME_DEFINITION, call, login } from '../support/api.ts';
import { addUser, enterValues, quantityRows, setStatus } from '../support/invoices.ts';
import { newPage, screenshot, showScope, signIn, startE2E, type E2E } from './browser.ts';

const P = `/api/programmes/${PROGRAMME}`;

/**
 * January 2024 validated at both facilities of p1: at cds_1 the clerk declared 100
 * consultations and the verifier found 80 (25 % off, beyond the 10 % tolerance: paid 0);
 * its deliveries are paid, 10 × 9,000 = 90,000 BIF. cds_2 matches: 50 × 250 + 3 × 9,000 =
 * 39,500 BIF. The government pays 40 % of p1's payments, the World Bank 60 %.
 */
async function seedMoney(e2e: E2E): Promise<void> {
  const { database, app } = e2e.api;
  await addUser(database, 'validator2', 'validator', 'p1');
  await enterValues(database.db, [
    ...quantityRows('cds_1', '202401', { consultation: 80, delivery: 10 }, { consultation: 100, delivery: 10 }),
    ...quantityRows('cds_2', '202401', { consultation: 50, delivery: 3 }),
  ]);
  await setStatus(database.db, ['cds_1', 'cds_2'], '202401', 'validated');
  const designer = await login(app, 'designer');
  for (const body of [
    { id: 'gov', name: 'Gouvernement du Burundi' },
    { id: 'wb', name: 'Banque mondiale' },
  ]) {
    const created = await call(app, designer, 'POST', `${P}/funders`, body);
    expect(created.statusCode, created.body).toBe(201);
  }
  for (const [funderId, share] of [
    ['gov', '0.4'],
    ['wb', '0.6'],
  ]) {
    const created = await call(app, designer, 'POST', `${P}/funder-shares`, { funderId, orgUnitId: 'p1', share, validFrom: '202401' });
    expect(created.statusCode, created.body).toBe(201);
  }
}

/** Intl's French groups thousands with narrow no-break spaces: compare with plain ones. */
const plain = (value: string) => value.replace(/[\u00a0\u202f]/g, ' ');

describe('invoices and payments in the browser', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    await seedMoney(e2e);
  }, 120_000);
  afterAll(() => e2e?.close());

  it('computes invoices with the penalty explained, approves them with four eyes, orders, pays and shows the delay', async () => {
    // The committee computes January's invoices of province 1.
    const committee = await newPage(e2e);
    await signIn(committee, 'validator');
    await committee.getByRole('navigation').getByRole('link', { name: 'Factures' }).click();
    await showScope(committee, 'p1', '202401');
    await committee.getByRole('button', { name: 'Calculer les factures de Province 1 pour janvier 2024' }).click();
    await committee.getByText('Calcul 1 terminé : 2 facture(s) pour janvier 2024.').waitFor();
    const run = committee.getByRole('region', { name: 'Calcul de factures 1' });
    await run.getByText('Premier calcul de ce sous-arbre et de cette période').waitFor();
    await expect(run.locator('dl').innerText().then(plain)).resolves.toContain('129 500 BIF');
    const list = committee.getByRole('region', { name: 'Factures en cours' });
    await list.getByRole('row', { name: /CDS Un/ }).waitFor();
    // The preparer is offered no approval, and is told why.
    await expect(list.getByRole('checkbox').count()).resolves.toBe(0);
    await list.getByText('Vous avez préparé 2 des factures de cette page : un autre membre du comité doit les approuver').waitFor();

    // The invoice of cds_1, and the penalty down its provenance tree.
    await list.getByRole('row', { name: /CDS Un/ }).getByRole('link').click();
    await committee.getByRole('heading', { name: 'Facture 1 — CDS Un' }).waitFor();
    await expect(committee.locator('dd.amount').innerText().then(plain)).resolves.toBe('90 000 BIF');
    await committee.getByText('version 1, en vigueur depuis janvier 2024').waitFor();
    await committee.getByText('Vous avez préparé cette facture (calcul 1) : un autre membre du comité doit l’approuver.').waitFor();
    await expect(committee.getByRole('button', { name: 'Approuver cette facture' }).count()).resolves.toBe(0);
    await committee.getByText('identique à la valeur enregistrée').waitFor();
    await committee.getByRole('button', { name: 'Montrer de quoi quantity.consultation.amount est fait' }).click();
    const paid = committee.locator('li[data-name="quantity.consultation.paid"]').first();
    await expect(paid.locator('> .tree-line').innerText()).resolves.toMatch(/quantity\.consultation\.paid\s*=\s*0/);
    await expect(paid.locator('> .tree-details').innerText()).resolves.toContain('IF(0.25 > 0.1, 0, verified)');
    await committee.getByRole('button', { name: 'Tout ouvrir' }).click();
    const declared = committee.locator('li[data-name="quantity.consultation.declared"]').first();
    await expect(declared.innerText()).resolves.toContain('Saisi : janvier 2024 : 100');
    await committee.locator('#provenance-title').evaluate((element) => element.scrollIntoView());

    // Any value of the invoice opens its own provenance.
    await committee.getByRole('button', { name: 'Expliquer quantity.delivery.amount pour janvier 2024' }).click();
    await committee.getByRole('heading', { name: 'D’où vient quantity.delivery.amount' }).waitFor();
    await committee.locator('.tree-details').getByText('= 10 * 9000').waitFor();

    // cds_2's register is corrected (60 consultations): the next run shows what changed.
    await enterValues(e2e.api.database.db, quantityRows('cds_2', '202401', { consultation: 60, delivery: 3 }));
    await committee.getByRole('link', { name: '← Factures' }).click();
    await showScope(committee, 'p1', '202401');
    await committee.getByRole('button', { name: 'Calculer les factures de Province 1 pour janvier 2024' }).click();
    await committee.getByText('Calcul 2 terminé : 2 facture(s) pour janvier 2024.').waitFor();
    const rerun = committee.getByRole('region', { name: 'Calcul de factures 2' });
    await rerun.getByText('Différence avec le calcul 1').waitFor();
    await expect(rerun.getByText(/^Modifiées/).innerText().then(plain)).resolves.toContain('Modifiées : 1 facture(s) sur 2. Total : 129 500 BIF → 132 000 BIF');
    await expect(rerun.getByRole('row', { name: /CDS Deux/ }).innerText().then(plain)).resolves.toMatch(/39 500 BIF\s+42 000 BIF\s+\+2 500 BIF/);
    await expect(rerun.getByRole('row', { name: /CDS Un/ }).count()).resolves.toBe(0);
    await rerun.getByLabel('Factures modifiées seulement').uncheck();
    await rerun.getByRole('row', { name: /CDS Un/ }).waitFor();
    await committee.locator('#run-title').evaluate((element) => element.scrollIntoView());
    // The same data again: nothing is written.
    await committee.getByRole('button', { name: 'Calculer les factures de Province 1 pour janvier 2024' }).click();
    await committee.getByText('Rien n’a changé depuis le calcul 2 (mêmes règles, mêmes données) : ses 2 facture(s) restent, rien n’a été écrit.').waitFor();

    // A second member of the committee approves both.
    const second = await newPage(e2e);
    await signIn(second, 'validator2');
    await second.getByRole('link', { name: 'Factures préparées par un autre membre, en attente de votre approbation : 2' }).click();
    const pending = second.getByRole('region', { name: 'Factures en cours' });
    await pending.getByRole('checkbox', { name: 'Sélectionner toutes les factures que vous pouvez approuver sur cette page' }).check();
    // Approving moves money: a confirmation first says what, and Escape leaves everything as it was.
    await second.getByRole('button', { name: 'Approuver les factures sélectionnées…' }).click();
    const approving = second.getByRole('dialog', { name: 'Approuver 2 facture(s) ?' });
    await expect(approving.getByRole('row', { name: /CDS Un/ }).innerText().then(plain)).resolves.toMatch(/CDS Un[\s\S]*janvier 2024\s+90 000 BIF/);
    await expect(approving.getByRole('row', { name: /CDS Deux/ }).innerText().then(plain)).resolves.toMatch(/janvier 2024\s+42 000 BIF/);
    await expect(approving.getByText('Total des 2 facture(s) :').innerText().then(plain)).resolves.toContain('132 000 BIF');
    const parts = approving.getByRole('table', { name: 'Part de chaque bailleur, selon les parts en vigueur' });
    await expect(parts.getByRole('row', { name: /Banque mondiale/ }).innerText().then(plain)).resolves.toMatch(/Banque mondiale\s+2\s+79 200 BIF/);
    await expect(parts.getByRole('row', { name: /Gouvernement/ }).innerText().then(plain)).resolves.toMatch(/2\s+52 800 BIF/);
    await screenshot(second, 'approve-confirm');
    await second.keyboard.press('Escape');
    await approving.waitFor({ state: 'hidden' });
    await expect(pending.getByRole('row', { name: /CDS Un/ }).innerText()).resolves.toContain('Préparée');
    // Enter confirms, once the parts are in.
    await second.getByRole('button', { name: 'Approuver les factures sélectionnées…' }).click();
    await approving.getByRole('table', { name: 'Part de chaque bailleur, selon les parts en vigueur' }).waitFor();
    await expect.poll(() => approving.getByRole('button', { name: 'Approuver les factures sélectionnées', exact: true }).evaluate((button) => button === (button.ownerDocument as { activeElement: unknown }).activeElement)).toBe(true);
    await second.keyboard.press('Enter');
    await second.getByText('Factures approuvées : 2.').waitFor();

    // The payer orders them: one order per funder, split 40/60.
    const payer = await newPage(e2e);
    await signIn(payer, 'payer');
    await payer.getByText('Factures approuvées pas encore ordonnancées : 2').waitFor();
    await payer.getByRole('link', { name: 'Ordonnancer janvier 2024 (2 facture(s))' }).click();
    await payer.getByRole('button', { name: 'Créer les ordres de paiement de Province 1 pour janvier 2024…' }).click();
    const ordering = payer.getByRole('dialog', { name: 'Créer les ordres de paiement de Province 1 pour janvier 2024 ?' });
    await screenshot(payer, 'order-confirm');
    await expect(ordering.getByText('Total des 2 facture(s) :').innerText().then(plain)).resolves.toContain('132 000 BIF');
    const orderParts = ordering.getByRole('table', { name: 'Part de chaque bailleur, selon les parts en vigueur' });
    await expect(orderParts.getByRole('row', { name: /Banque mondiale/ }).innerText().then(plain)).resolves.toMatch(/2\s+79 200 BIF/);
    await expect(orderParts.getByRole('row', { name: /Gouvernement/ }).innerText().then(plain)).resolves.toMatch(/2\s+52 800 BIF/);
    await ordering.getByRole('button', { name: 'Annuler' }).click();
    await ordering.waitFor({ state: 'hidden' });
    await payer.getByText('Factures approuvées pas encore ordonnancées dans Province 1 pour janvier 2024 : 2.').waitFor();
    await payer.getByRole('button', { name: 'Créer les ordres de paiement de Province 1 pour janvier 2024…' }).click();
    await ordering.getByRole('button', { name: 'Créer les ordres de paiement de Province 1 pour janvier 2024', exact: true }).click();
    await payer.getByText('Ordres de paiement créés : 2 (un par bailleur).').waitFor();
    const totals = payer.locator('table.funder-totals');
    await expect(totals.getByRole('row', { name: /Banque mondiale/ }).innerText().then(plain)).resolves.toContain('79 200 BIF');
    await expect(totals.getByRole('row', { name: /Gouvernement/ }).innerText().then(plain)).resolves.toContain('52 800 BIF');

    // The World Bank's order: paying more than a line is refused at that line, and nothing is stored.
    await payer.getByRole('row', { name: /Banque mondiale/ }).filter({ has: payer.getByRole('button') }).getByRole('button').click();
    const lines = payer.getByRole('region', { name: /Ordre \d+ — Banque mondiale, janvier 2024/ });
    await lines.getByRole('checkbox', { name: 'Sélectionner toutes les lignes restant à payer sur cette page' }).check();
    await lines.getByLabel(/Montant payé pour CDS Un/).fill('60000');
    await lines.getByLabel('Payé le').fill('2024-03-15');
    await lines.getByLabel('Référence du virement').fill('OV-2024-031');
    await lines.getByRole('button', { name: 'Enregistrer 2 paiement(s)' }).click();
    const refused = lines.getByRole('row', { name: /CDS Un/ }).getByRole('alert');
    // In the reader's language: the line, what is still due, what was entered.
    await expect(refused.innerText().then(plain)).resolves.toMatch(
      /^Le montant saisi pour CDS Un \(facture \d+, ordre \d+\), 60 000 BIF, dépasse les 54 000 BIF qui restent dus sur cette ligne \(ordonnancé 54 000 BIF, déjà payé 0 BIF\)\.$/,
    );
    await lines.getByText('Un paiement dépasse ce qui reste dû sur sa ligne : rien n’a été enregistré. Voyez la ligne signalée.').waitFor();
    await expect(lines.getByText(/would overpay/).count()).resolves.toBe(0);
    await expect(lines.getByRole('row', { name: /CDS Deux/ }).innerText().then(plain)).resolves.toMatch(/25 200 BIF\s+0 BIF\s+25 200 BIF/);
    await payer.locator('#order-lines-title').evaluate((element) => element.scrollIntoView());
    await lines.getByLabel(/Montant payé pour CDS Un/).fill('54000');
    await lines.getByRole('button', { name: 'Enregistrer 2 paiement(s)' }).click();
    await lines.getByText('Paiements enregistrés : 2 ; factures désormais entièrement payées : 0.').waitFor();

    // The government pays its part of cds_1: the invoice is paid, 44 days after January ended.
    await payer.getByRole('row', { name: /Gouvernement/ }).filter({ has: payer.getByRole('button') }).getByRole('button').click();
    const government = payer.getByRole('region', { name: /Ordre \d+ — Gouvernement du Burundi, janvier 2024/ });
    await government.getByRole('checkbox', { name: /Payer la ligne de CDS Un/ }).check();
    await government.getByLabel('Payé le').fill('2024-03-15');
    await government.getByLabel('Référence du virement').fill('TR-2024-112');
    await government.getByRole('button', { name: 'Enregistrer 1 paiement(s)' }).click();
    await government.getByText('Paiements enregistrés : 1 ; factures désormais entièrement payées : 1.').waitFor();

    await payer.getByRole('tab', { name: 'Délais et arriérés' }).click();
    // Each funder's part counts once that funder has paid it: the World Bank's part of cds_2 is
    // paid although the government's is not, which runs on, counted to today.
    const delays = payer.getByRole('region', { name: 'Délais de paiement' });
    await delays.getByText(/^Parts payées : 3 ; 44 jours en moyenne de la fin de la période au paiement \(44 au plus\)/).waitFor();
    await delays.getByText(/^Parts pas encore entièrement payées \(délais en cours, comptés jusqu’à aujourd’hui\) : 1 ;/).waitFor();
    const part = (unit: string, funder: string) => delays.getByRole('row').filter({ hasText: unit }).filter({ hasText: funder });
    await expect(part('CDS Un', 'Banque mondiale').locator('td').nth(5).innerText()).resolves.toBe('44');
    await expect(part('CDS Deux', 'Banque mondiale').innerText().then(plain)).resolves.toMatch(/25 200 BIF[\s\S]*15 mars 2024\s+44/);
    await expect(part('CDS Deux', 'Gouvernement').innerText().then(plain)).resolves.toMatch(/16 800 BIF[\s\S]*en cours/);
    // Every column in view at 1024 px.
    await expect(delays.locator('.virtual-scroll').evaluate((element) => element.scrollWidth - element.clientWidth)).resolves.toBeLessThanOrEqual(0);
    const arrears = payer.getByRole('region', { name: 'Arriérés' });
    await expect(arrears.getByRole('row', { name: /Gouvernement/ }).first().innerText().then(plain)).resolves.toContain('16 800 BIF');

    // What is still owed shows on the payer's home page.
    await payer.getByRole('navigation').getByRole('link', { name: 'Accueil' }).click();
    await payer.getByRole('link', { name: /En retard : 1 bailleur-période\(s\) pas entièrement payé\(s\)/ }).waitFor();
  }, 240_000);

  it('shows every column of an invoice’s computed values, beside the provenance at 1366 px and under it at 1024 px, in French and English', async () => {
    const auditor = await login(e2e.api.app, 'auditor');
    const listed = await call(e2e.api.app, auditor, 'GET', `${P}/invoices?orgUnitId=cds_1&period=202401`);
    const invoiceId = (listed.json().items as { id: number }[])[0]!.id;
    for (const [locale, width] of [['fr', 1366], ['en', 1366], ['fr', 1024], ['en', 1024]] as const) {
      const page = await newPage(e2e, locale);
      await page.setViewportSize({ width, height: 768 });
      await signIn(page, 'auditor');
      await page.goto(`${e2e.url}/invoices/${invoiceId}`);
      const values = page.getByRole('region', { name: locale === 'fr' ? /^Toutes les valeurs calculées/ : /^Every computed value/ });
      const explain = locale === 'fr' ? 'Expliquer quantity.consultation.amount pour janvier 2024' : 'Explain quantity.consultation.amount for January 2024';
      await values.getByRole('button', { name: explain }).waitFor();
      // Nothing hidden sideways: the list is as wide as its card, every column in view.
      const box = values.locator('.virtual-scroll');
      await expect(box.evaluate((element) => element.scrollWidth - element.clientWidth)).resolves.toBeLessThanOrEqual(0);
      // …and no cell's text runs over into the next (a long name wraps inside its own).
      const cells = box.locator('tbody th, tbody td');
      for (const cell of await cells.all()) await expect(cell.evaluate((element) => element.scrollWidth - element.clientWidth)).resolves.toBeLessThanOrEqual(0);
      await page.context().close();
    }
  }, 120_000);

  it('offers each role only what it may do, and shows a refusal by its code with the server’s message', async () => {
    // A clerk has no invoice, payment or funder screen.
    const clerk = await newPage(e2e, 'en');
    await signIn(clerk, 'clerk');
    const nav = clerk.getByRole('navigation', { name: 'Main navigation' });
    for (const screen of ['Invoices', 'Payments', 'Funders']) await expect(nav.getByRole('link', { name: screen }).count()).resolves.toBe(0);

    // The payer reads invoices but computes and approves none, and edits no funder.
    const payer = await newPage(e2e, 'en');
    await signIn(payer, 'payer');
    await payer.getByRole('navigation').getByRole('link', { name: 'Invoices' }).click();
    await payer.getByRole('heading', { name: 'Current invoices' }).waitFor();
    await expect(payer.getByRole('heading', { name: 'Compute the invoices' }).count()).resolves.toBe(0);
    await expect(payer.getByRole('checkbox').count()).resolves.toBe(0);
    await payer.getByRole('navigation').getByRole('link', { name: 'Funders' }).click();
    await payer.getByRole('heading', { name: 'Funders', exact: true }).waitFor();
    await expect(payer.getByRole('button', { name: 'Add the funder' }).count()).resolves.toBe(0);

    // The committee orders no payment.
    const committee = await newPage(e2e, 'en');
    await signIn(committee, 'validator');
    await committee.getByRole('navigation').getByRole('link', { name: 'Payments' }).click();
    await committee.getByRole('heading', { name: 'Order the approved invoices' }).waitFor();
    await expect(committee.getByRole('button', { name: /Create the payment orders/ }).count()).resolves.toBe(0);

    // Outside its subtree the server refuses the committee: shown by its code, with the server's words.
    await committee.getByRole('navigation').getByRole('link', { name: 'Invoices' }).click();
    await showScope(committee, 'p2', '202401', { unit: 'Org unit (subtree)', period: 'Period', show: 'Show' });
    // The button names the subtree shown: wait for p2's, not the default subtree's.
    await committee.getByRole('button', { name: 'Compute the invoices of p2 for January 2024' }).click();
    const refusal = committee.getByRole('region', { name: 'Compute the invoices' }).getByRole('alert');
    await expect(refusal.innerText()).resolves.toContain('Your role does not allow this here.');
    await expect(refusal.innerText()).resolves.toContain("your roles do not allow 'invoice.prepare' on");
  }, 120_000);

  it('lets the designer add and rename a funder, and add, end and delete a share', async () => {
    const designer = await newPage(e2e, 'en');
    await signIn(designer, 'designer');
    await designer.getByRole('navigation').getByRole('link', { name: 'Funders' }).click();
    const funders = designer.getByRole('region', { name: 'Funders', exact: true });
    await funders.getByRole('cell', { name: 'Banque mondiale', exact: true }).waitFor();

    const add = designer.getByRole('form', { name: 'Add a funder' });
    await add.getByLabel('Code').fill('eu');
    await add.getByLabel('Name').fill('Union européenne');
    await add.getByRole('button', { name: 'Add the funder' }).click();
    await funders.getByRole('cell', { name: 'Union européenne', exact: true }).waitFor();
    await funders.getByRole('button', { name: 'Rename Union européenne' }).click();
    await funders.getByLabel('New name').fill('Union européenne (FED)');
    await funders.getByLabel('Reason (optional)').fill('programme name in the agreement');
    await funders.getByRole('button', { name: 'Save' }).click();
    await funders.getByRole('cell', { name: 'Union européenne (FED)', exact: true }).waitFor();

    // A share the server refuses: the government already pays part of p1 then.
    const shares = designer.getByRole('region', { name: 'Shares' });
    const form = designer.getByRole('form', { name: 'Add a share' });
    await form.getByLabel('Funder').selectOption({ label: 'Gouvernement du Burundi' });
    await form.getByLabel('Subtree').fill('p1');
    await form.getByLabel('Share').fill('0.5');
    await form.getByLabel('From').fill('202401');
    await form.getByRole('button', { name: 'Add the share' }).click();
    await expect(form.getByRole('alert').innerText()).resolves.toContain("funder 'gov' already has share");

    // The EU pays half of district 1's monthly payment from 2025.
    await form.getByLabel('Funder').selectOption({ label: 'Union européenne (FED)' });
    await form.getByLabel('Subtree').fill('d1');
    await form.getByLabel('Payment').selectOption('monthly');
    await form.getByLabel('From').fill('2025Q1');
    await form.getByRole('button', { name: 'Add the share' }).click();
    await form.getByText(/Share \d+ added\./).waitFor();
    const row = shares.getByRole('row', { name: /Union européenne \(FED\)/ });
    // The unit's code shows until its name arrives.
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toMatch(/District 1[\s\S]*monthly[\s\S]*50%[\s\S]*Q1 2025[\s\S]*no end/);
    await screenshot(designer, 'funders');

    await row.getByRole('button', { name: 'End' }).click();
    await row.getByLabel('Last period').fill('202512');
    await row.getByRole('button', { name: 'End the share' }).click();
    await shares.getByRole('row', { name: /Union européenne \(FED\)/ }).getByText('December 2025').waitFor();

    await shares.getByRole('row', { name: /Union européenne \(FED\)/ }).getByRole('button', { name: 'Delete' }).click();
    const deleting = shares.getByRole('row', { name: /Union européenne \(FED\)/ });
    await deleting.getByLabel('Why delete it (required)').fill('entered for the wrong district');
    await deleting.getByRole('button', { name: 'Delete the share' }).click();
    await shares.getByRole('row', { name: /Union européenne \(FED\)/ }).waitFor({ state: 'detached' });
  }, 120_000);

  it('locates the engine’s errors of a failed run, and lists the facilities a run skipped and why', async () => {
    // From June 2024 a ratio divides by the declared count: cds_2 declared no consultation in June.
    const { database, app } = e2e.api;
    const designer = await login(app, 'designer');
    const quantity = PROGRAMME_DEFINITION.packages[0]!;
    const ratio = { ...PROGRAMME_DEFINITION, packages: [{ ...quantity, activityFormulas: { ...quantity.activityFormulas, ratio: 'verified / declared' } }] };
    const saved = await call(app, designer, 'POST', `${P}/versions`, { definition: ratio, effectiveFrom: '202406' });
    expect(saved.statusCode, saved.body).toBe(201);
    await enterValues(database.db, [
      ...quantityRows('cds_1', '202406', { consultation: 5, delivery: 1 }),
      ...quantityRows('cds_2', '202406', { consultation: 5, delivery: 1 }, { consultation: 0, delivery: 1 }),
      ...quantityRows('cds_1', '202407', { consultation: 5, delivery: 1 }),
    ]);
    await setStatus(database.db, ['cds_1', 'cds_2'], '202406', 'validated');
    await setStatus(database.db, ['cds_1'], '202407', 'validated');
    await setStatus(database.db, ['cds_2'], '202407', 'verified');

    const committee = await newPage(e2e, 'en');
    await signIn(committee, 'validator');
    await committee.getByRole('navigation').getByRole('link', { name: 'Invoices' }).click();
    const english = { unit: 'Org unit (subtree)', period: 'Period', show: 'Show' };
    await showScope(committee, 'p1', '202406', english);
    await committee.getByRole('button', { name: 'Compute the invoices of Province 1 for June 2024' }).click();
    const panel = committee.getByRole('region', { name: 'Compute the invoices' });
    await panel.getByText('The rules engine could not compute these invoices: nothing was invoiced.').waitFor();
    await panel.getByText(/failed with 1 engine error/).waitFor();
    const error = panel.getByRole('row', { name: /CDS Deux/ });
    await expect(error.innerText()).resolves.toMatch(/CDS Deux\s+cds_2\s+June 2024\s+consultation\s+DIV_ZERO/);
    const failed = committee.getByRole('region', { name: 'Invoice runs' }).getByRole('row', { name: /Failed/ });
    await failed.getByRole('button').click();
    await committee.getByRole('region', { name: /^Invoice run \d+$/ }).getByText('Errors of the rules engine: 1').waitFor();

    // July: cds_2 is only verified, so it is skipped; its missing data does not stop cds_1's invoice.
    await showScope(committee, 'p1', '202407', english);
    await committee.getByRole('button', { name: 'Compute the invoices of Province 1 for July 2024' }).click();
    await panel.getByText(/Run \d+ done: 1 invoice\(s\) for July 2024\./).waitFor();
    const detail = committee.getByRole('region', { name: /^Invoice run \d+$/ });
    const skipped = detail.getByRole('table', { name: 'Facilities skipped, not validated yet: 1' });
    await expect(skipped.getByRole('row', { name: /CDS Deux/ }).innerText()).resolves.toContain('quantity of July 2024 is verified');
    const warnings = detail.getByRole('table', { name: /^Errors at facilities not invoiced \(they did not stop the run\): \d+$/ });
    await expect(warnings.getByRole('row', { name: /CDS Deux/ }).first().innerText()).resolves.toContain('DIV_ZERO');
    await screenshot(committee, 'invoice-run-skipped');
  }, 120_000);
});

