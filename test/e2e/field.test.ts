import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PROGRAMME, call, login, type Session } from '../support/api.ts';
import { FIELD_VERSION, FIELD_VERSION_FROM } from '../support/field.ts';
import { PENALTY_VERSION } from '../support/penalties.ts';
import { newPage, screenshot, signIn, startE2E, type E2E } from './browser.ts';

const P = `/api/programmes/${PROGRAMME}`;
const DELIVERY = 'Accouchement eutocique assisté par un personnel qualifié';
const CONSULTATION = 'Consultation curative des enfants de moins de cinq ans (nouveau cas)';
const VACCINATION = 'Enfant complètement vacciné avant son premier anniversaire';

/** A number as fr-BI prints it: groups of thousands separated by a (narrow) no-break space. */
const fr = (text: string) => new RegExp(text.replaceAll(' ', '[\\s\\u202f\\u00a0]'));

describe('the verifier’s field screens', () => {
  let e2e: E2E;
  let clerk: Session;
  let verifier: Session;

  async function declare(orgUnit: string, period: string, values: Record<string, number>): Promise<void> {
    for (const [activity, value] of Object.entries(values)) {
      const put = await call(e2e.api.app, clerk, 'PUT', `${P}/data-values/${orgUnit}/${period}/${activity}/declared`, { value });
      expect(put.statusCode, put.body).toBe(201);
    }
    const step = await call(e2e.api.app, clerk, 'POST', `${P}/workflow/${orgUnit}/${period}/quantity/declare`);
    expect(step.statusCode, step.body).toBe(200);
  }

  async function stored(orgUnit: string, period: string) {
    const sheet = (await call(e2e.api.app, verifier, 'GET', `${P}/data-values?orgUnitId=${orgUnit}&period=${period}`)).json();
    const values = Object.fromEntries(
      (sheet.values as { activity: string; state: string; value: number; version: number }[]).map((value) => [`${value.activity}.${value.state}`, value]),
    );
    return { values, packages: sheet.packages as { package: string; status: string }[] };
  }

  beforeAll(async () => {
    e2e = await startE2E();
    const designer = await login(e2e.api.app, 'designer');
    const saved = await call(e2e.api.app, designer, 'POST', `${P}/versions`, { definition: FIELD_VERSION, effectiveFrom: FIELD_VERSION_FROM, note: 'Grille qualité et enquête communautaire' });
    expect(saved.statusCode, saved.body).toBe(201);
    // From September the programme pays the committee's validated figure and declares its penalty, as the demo does.
    const penalties = await call(e2e.api.app, designer, 'POST', `${P}/versions`, { definition: PENALTY_VERSION, effectiveFrom: '202409', note: 'Pénalité déclarée' });
    expect(penalties.statusCode, penalties.body).toBe(201);
    clerk = await login(e2e.api.app, 'clerk');
    verifier = await login(e2e.api.app, 'verifier');
    await declare('cds_1', '202407', { consultation: 100, delivery: 10, vaccination: 30 });
    await declare('cds_2', '202408', { consultation: 50, delivery: 4, vaccination: 12 });
    await declare('cds_1', '202409', { consultation: 100, delivery: 10, vaccination: 30 });
  }, 120_000);
  afterAll(() => e2e?.close());

  it('shows the loss of a line beyond tolerance before saving, saves and marks verified', async () => {
    const page = await newPage(e2e, 'fr');
    await signIn(page, 'verifier');
    await page.getByRole('link', { name: 'Visites de terrain' }).click();
    await page.getByLabel('Période', { exact: true }).fill('202407');
    await page.getByRole('button', { name: 'Afficher', exact: true }).click();
    await page.getByRole('heading', { name: '1 visite(s) pour juillet 2024' }).waitFor();
    await page.getByRole('link', { name: 'CDS Un' }).click();
    await page.getByRole('heading', { name: 'CDS Un — juillet 2024' }).waitFor();

    const quantity = page.getByRole('region', { name: 'Paquet minimum d’activités du centre de santé' });
    await expect(quantity.getByText('Tolérance 10 %').textContent()).resolves.toContain('paid = IF(gap > 0.1, 0, verified)');
    await quantity.getByLabel(`Vérifié, ${CONSULTATION}`, { exact: true }).fill('98');
    await quantity.getByLabel(`Vérifié, ${DELIVERY}`, { exact: true }).fill('8');
    await quantity.getByLabel(`Vérifié, ${VACCINATION}`, { exact: true }).fill('30');

    // Before anything is saved: the delivery line is 25% off, beyond 10%, and its 8 × 9,000 are lost.
    const delivery = quantity.locator('tr[data-activity="delivery"]');
    await expect(delivery.getAttribute('class')).resolves.toBe('beyond');
    await expect(delivery.textContent()).resolves.toMatch(fr('25 %'));
    await expect(delivery.textContent()).resolves.toContain('hors tolérance');
    await expect(quantity.locator('tr[data-activity="consultation"]').getAttribute('class')).resolves.toBeNull();
    const summary = quantity.locator('.loss-summary');
    await expect(summary.textContent()).resolves.toMatch(fr('Perdu par les écarts : 72 000 BIF sur 1 ligne\\(s\\) hors tolérance. Payé pour ces lignes : 36 500 BIF.'));
    await expect(quantity.getByText('Calculé dans votre navigateur avec les formules de la version 2').isVisible()).resolves.toBe(true);
    await expect(page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).resolves.toBe(true);
    await expect(stored('cds_1', '202407').then((sheet) => sheet.values['delivery.verified'])).resolves.toBeUndefined();

    await quantity.getByRole('button', { name: 'Enregistrer (3 modifiée(s))' }).click();
    await page.getByText('En attente de synchronisation : 0').waitFor();
    await page.getByText('Rien n’attend').waitFor();
    await quantity.getByRole('button', { name: 'Marquer comme vérifié' }).click();
    await quantity.locator('.badge.status-verified').waitFor();

    const after = await stored('cds_1', '202407');
    expect(after.values['delivery.verified']).toMatchObject({ value: 8, version: 1 });
    expect(after.values['consultation.verified']).toMatchObject({ value: 98 });
    expect(after.values['vaccination.verified']).toMatchObject({ value: 30 });
    expect(after.packages.find((pkg) => pkg.package === 'quantity')?.status).toBe('verified');
  });

  it('shows the loss of a programme paying the committee’s figure, which the verifier does not enter, from its declared penalty', async () => {
    for (const locale of ['en', 'fr'] as const) {
      const page = await newPage(e2e, locale);
      await signIn(page, 'verifier');
      await page.goto(`${e2e.url}/field/cds_1/202409`);
      const quantity = page.getByRole('region', { name: 'Paquet minimum d’activités du centre de santé' });
      const label = locale === 'fr' ? 'Vérifié' : 'Verified';
      await quantity.getByLabel(`${label}, ${CONSULTATION}`, { exact: true }).fill('98');
      await quantity.getByLabel(`${label}, ${DELIVERY}`, { exact: true }).fill('8');
      await quantity.getByLabel(`${label}, ${VACCINATION}`, { exact: true }).fill('30');

      // The amounts read `validated`: the verified count stands for it, as the committee will lock it.
      const delivery = quantity.locator('tr[data-activity="delivery"]');
      await expect(delivery.getAttribute('class')).resolves.toBe('beyond');
      const summary = quantity.locator('.loss-summary');
      if (locale === 'fr') {
        await expect(quantity.locator('.rule').textContent()).resolves.toMatch(fr('Tolérance 10 % \\(tolerance = 0.1\\).*beyond_tolerance = IF\\(gap > tolerance, 1, 0\\)'));
        await expect(delivery.textContent()).resolves.toMatch(fr('72 000 BIF'));
        await expect(summary.textContent()).resolves.toMatch(fr('Perdu par les écarts : 72 000 BIF sur 1 ligne\\(s\\) hors tolérance. Payé pour ces lignes : 36 500 BIF.'));
        await quantity.evaluate((section) => section.scrollIntoView({ block: 'start' }));
      } else {
        await expect(summary.textContent()).resolves.toMatch(fr('Lost through discrepancies: BIF 72,000 on 1 line\\(s\\) beyond tolerance. Paid for these lines: BIF 36,500.'));
        await quantity.getByText('on the figures the committee will lock: the verified count stands for the validated one').waitFor();
        await quantity.evaluate((section) => section.scrollIntoView({ block: 'start' }));
        await screenshot(page, 'verification-en');
      }
      await page.context().close();
    }
  });

  it('scores a quality checklist live, with an item not applicable, and enters the community survey', async () => {
    const page = await newPage(e2e, 'en');
    await signIn(page, 'verifier');
    await page.goto(`${e2e.url}/field/cds_1/2024Q3`);
    const quality = page.getByRole('region', { name: 'Qualité technique du centre de santé' });
    await quality.getByLabel('Points, Hygiène, stérilisation et gestion des déchets', { exact: true }).fill('8');
    await quality.getByLabel('Points, Tenue des registres et des dossiers des patients', { exact: true }).fill('15');
    await quality.getByLabel('Points, Gestion de la pharmacie et des médicaments traceurs', { exact: true }).fill('5');
    const score = quality.locator('[data-formula="score"] .figure');
    const bonus = quality.locator('[data-formula="bonus_rate"] .figure');
    // 28 of the 50 points available: 56%, in the 50–70% band.
    await expect(score.textContent()).resolves.toBe('56%');
    await expect(bonus.textContent()).resolves.toBe('0.1');
    await expect(quality.getByText('Mark as verified').isDisabled()).resolves.toBe(true);

    // The delivery room does not apply: its 15 points leave the denominator, 28 of 35 is 80%.
    await quality.getByLabel('Not applicable: Salle d’accouchement équipée et fonctionnelle', { exact: true }).check();
    await expect(score.textContent()).resolves.toBe('80%');
    await expect(bonus.textContent()).resolves.toBe('0.2');
    await expect(quality.locator('tr.reached').first().textContent()).resolves.toContain('from 70% to less than 85%');
    await expect(quality.locator('tr[data-activity="maternity"]').getAttribute('class')).resolves.toBe('not-applicable');
    await expect(quality.getByLabel('Points, Salle d’accouchement équipée et fonctionnelle', { exact: true }).isDisabled()).resolves.toBe(true);
    await quality.evaluate((section) => section.scrollIntoView({ block: 'start' }));
    await quality.getByRole('button', { name: 'Save (4 changed)' }).click();
    await expect.poll(() => stored('cds_1', '2024Q3').then((sheet) => sheet.values['maternity.applicable']?.value)).toBe(0);

    const community = page.getByRole('region', { name: 'Enquête communautaire' });
    const tracing = 'Patients tirés au sort dans les registres et recherchés dans la communauté';
    await community.getByLabel(`Traced, ${tracing}`, { exact: true }).fill('20');
    await community.getByLabel(`Found, ${tracing}`, { exact: true }).fill('18');
    await community.getByLabel(`Satisfied, ${tracing}`, { exact: true }).fill('12');
    await expect(community.locator('[data-formula="found_rate"] .figure').textContent()).resolves.toBe('0.9');
    await community.getByRole('button', { name: 'Save (3 changed)' }).click();
    await expect.poll(() => stored('cds_1', '2024Q3').then((sheet) => sheet.values['patient_tracing.satisfied']?.value)).toBe(12);
    await page.getByText('Nothing waits: everything saved has reached the server.').waitFor();

    const sheet = await stored('cds_1', '2024Q3');
    expect(sheet.values['hygiene.points']).toMatchObject({ value: 8 });
    expect(sheet.values['maternity.points']).toBeUndefined();
    expect(sheet.values['patient_tracing.found']).toMatchObject({ value: 18 });
  });

  it('keeps values entered offline, syncs them when the connection returns and shows a conflict to resolve', async () => {
    const page = await newPage(e2e, 'fr');
    await signIn(page, 'verifier');
    // The worker is registered once a verifier is signed in. Polled with evaluate: the string
    // predicate of waitForFunction is evaluated with eval, which the CSP refuses.
    await vi.waitFor(async () => expect(await page.evaluate('navigator.serviceWorker.controller !== null')).toBe(true), { timeout: 30_000, interval: 100 });
    await page.goto(`${e2e.url}/field/cds_2/202408`);
    const quantity = page.getByRole('region', { name: 'Paquet minimum d’activités du centre de santé' });
    await quantity.getByLabel(`Vérifié, ${CONSULTATION}`, { exact: true }).waitFor();

    await page.context().setOffline(true);
    await page.getByText('Hors ligne : ce que vous enregistrez est gardé sur cet appareil').waitFor();
    await quantity.getByLabel(`Vérifié, ${CONSULTATION}`, { exact: true }).fill('50');
    await quantity.getByLabel(`Vérifié, ${DELIVERY}`, { exact: true }).fill('3');
    await quantity.getByLabel(`Vérifié, ${VACCINATION}`, { exact: true }).fill('12');
    await quantity.getByRole('button', { name: 'Enregistrer (3 modifiée(s))' }).click();
    await page.getByText('En attente de synchronisation : 3').waitFor();
    await quantity.getByRole('button', { name: 'Marquer comme vérifié' }).click();
    await page.getByText('En attente de synchronisation : 4').waitFor();

    // A reload without network: the service worker serves the app and the sheet, IndexedDB the queue.
    await page.reload();
    await page.getByText('En attente de synchronisation : 4').waitFor();
    await expect(quantity.getByLabel(`Vérifié, ${DELIVERY}`, { exact: true }).inputValue()).resolves.toBe('3');
    await expect(page.getByRole('list', { name: 'Saisies en attente de synchronisation' }).getByRole('listitem').count()).resolves.toBe(4);
    await screenshot(page, 'offline');

    // Meanwhile, the delivery count is entered on the server by someone else.
    const other = await call(e2e.api.app, verifier, 'PUT', `${P}/data-values/cds_2/202408/delivery/verified`, { value: 4, package: 'quantity' });
    expect(other.statusCode, other.body).toBe(201);

    await page.context().setOffline(false);
    const conflict = page.getByRole('group', { name: 'Modifié sur le serveur entre-temps : quelle valeur est la bonne ?' });
    await conflict.waitFor();
    await expect(conflict.textContent()).resolves.toMatch(/la vôtre : 3 ; sur le serveur : 4 \(version 1, par The verifier \(verifier\)/);
    await page.getByText('En attente de synchronisation : 1').waitFor();
    let sheet = await stored('cds_2', '202408');
    expect(sheet.values['consultation.verified']).toMatchObject({ value: 50 });
    expect(sheet.values['delivery.verified']).toMatchObject({ value: 4, version: 1 });
    // The package is not marked verified over a value that did not arrive.
    expect(sheet.packages.find((pkg) => pkg.package === 'quantity')?.status).toBe('declared');

    await conflict.getByRole('button', { name: 'Garder la mienne (3)' }).click();
    await page.getByText('Rien n’attend').waitFor();
    await quantity.locator('.badge.status-verified').waitFor();
    sheet = await stored('cds_2', '202408');
    expect(sheet.values['delivery.verified']).toMatchObject({ value: 3, version: 2 });
    expect(sheet.values['vaccination.verified']).toMatchObject({ value: 12 });
    expect(sheet.packages.find((pkg) => pkg.package === 'quantity')?.status).toBe('verified');
  });

  it('is offered to verifiers only, on their own facilities', async () => {
    const clerkPage = await newPage(e2e, 'en');
    await signIn(clerkPage, 'clerk');
    await expect(clerkPage.getByRole('link', { name: 'Field visits' }).count()).resolves.toBe(0);
    await clerkPage.goto(`${e2e.url}/field`);
    await clerkPage.getByText('Your role does not allow this here.').waitFor();

    // CDS Trois lies under Province 2, outside the verifier's subtree: the server refuses it.
    const page = await newPage(e2e, 'en');
    await signIn(page, 'verifier');
    await page.goto(`${e2e.url}/field/cds_3/202407`);
    await page.getByRole('alert').getByText('Your role does not allow this here.').waitFor();
    await expect(page.getByRole('region', { name: 'Paquet minimum d’activités du centre de santé' }).count()).resolves.toBe(0);
  });
});
