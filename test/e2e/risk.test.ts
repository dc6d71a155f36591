import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOrgUnits } from '../../src/domain/orgTree/importTree.ts';
import { PROGRAMME, call, login } from '../support/api.ts';
import { RISK_TREE, everyMonth, insertHistory } from '../support/verification.ts';
import { lastCompletedMonth } from '../../src/contract/periods.ts';
import { newPage, signIn, startE2E, submitShown, type E2E } from './browser.ts';

const DRAWS = `/api/programmes/${PROGRAMME}/verification-draws`;
const WINDOW = ['202401', '202402', '202403', '202404', '202405', '202406'];
const LONG_NAME = 'Centre de santé de Kinyinya-Rugombo des Sœurs de la Charité de Saint-Vincent-de-Paul';

/** The risk tree, a long French name, and a district of 2,000 facilities for the virtualised list. */
const BIG = Array.from({ length: 2000 }, (_, i) => `f${String(i).padStart(4, '0')}`);
const TREE = [
  ...RISK_TREE.map((unit) => (unit.id === 'cds_2' ? { ...unit, name: LONG_NAME } : unit)),
  { id: 'd4', name: 'District 4', parent: 'p1', groups: { type: 'district' } },
  ...BIG.map((id) => ({ id, name: `Formation sanitaire ${id}`, parent: 'd4', groups: { type: 'cds' } })),
];

/** Six months of d1 history at the class boundaries (as in the API's tests), and July's declarations. */
const HISTORY = [
  ...everyMonth(WINDOW, [
    { orgUnitId: 'cds_1', activity: 'consultation', declared: 63, verified: 60, validated: 60 },
    { orgUnitId: 'cds_1', activity: 'delivery', declared: 42, verified: 40, validated: 40 },
    { orgUnitId: 'cds_2', activity: 'consultation', declared: 110, verified: 100, validated: 100 },
    { orgUnitId: 'cds_low', activity: 'consultation', declared: '104.99', verified: 100 },
    { orgUnitId: 'cds_high', activity: 'consultation', declared: '110.01', verified: 100 },
    { orgUnitId: 'cds_vv', activity: 'consultation', declared: 100, verified: 100, validated: 88 },
    { orgUnitId: 'hd_1', activity: 'consultation', declared: 100, verified: 100, validated: 100 },
  ]),
  ...['cds_1', 'cds_2', 'cds_low', 'cds_high', 'cds_vv'].map((orgUnitId) => ({ orgUnitId, period: '202407', activity: 'consultation', declared: 80 })),
];

/** Text as rendered (cells apart), with the narrow spaces of French numbers as plain spaces. */
const text = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();

/** A page whose waits fail within the test's time, naming what they waited for. */
async function open(e2e: E2E, locale: 'fr' | 'en'): Promise<Page> {
  const page = await newPage(e2e, locale);
  page.setDefaultTimeout(10_000);
  return page;
}

async function openRisk(page: Page, root: string, period: string) {
  await page.getByRole('navigation').getByRole('link', { name: /Vérification basée sur le risque|Risk-based verification/ }).click();
  await submitShown(
    page,
    async () => {
      await page.getByLabel(/Racine du sous-arbre|Subtree root/).fill(root);
      await page.getByLabel(/^(Période|Period)$/).fill(period);
      await page.getByRole('button', { name: /^(Afficher|Show)$/ }).click();
    },
    { root, period },
  );
}

describe('risk-based verification in the browser', () => {
  let e2e: E2E;
  let drawId: number;
  beforeAll(async () => {
    e2e = await startE2E();
    const db = e2e.api.database.db;
    await db.transaction((tx) => importOrgUnits(tx, null, PROGRAMME, TREE));
    await insertHistory(db, HISTORY);
    // June of CDS Un through the workflow up to the lock, for its page.
    for (const [who, step] of [['clerk', 'declare'], ['verifier', 'verify'], ['validator', 'validate']] as const) {
      const moved = await call(e2e.api.app, await login(e2e.api.app, who), 'POST', `/api/programmes/${PROGRAMME}/workflow/cds_1/202406/quantity/${step}`);
      expect(moved.statusCode, moved.body).toBe(200);
    }
  }, 120_000);
  afterAll(() => e2e?.close());

  it('lets the committee draw with a seed, and shows the classes and why each facility is in its class', async () => {
    const page = await open(e2e, 'fr');
    await signIn(page, 'validator');
    await openRisk(page, 'd1', '202407');
    await page.getByText('Aucun tirage encore pour District 1 en juillet 2024.').waitFor();
    // Someone else opens the same form before the draw is made.
    const late = await open(e2e, 'fr');
    await signIn(late, 'validator');
    await openRisk(late, 'd1', '202407');
    await late.getByRole('heading', { name: 'Effectuer le tirage' }).waitFor();

    await expect(page.getByLabel('Modéré dès (%)').inputValue()).resolves.toBe('5');
    await expect(page.getByLabel('Risque faible (%)').inputValue()).resolves.toBe('40');
    await expect(page.getByLabel('Mois lus avant la période').inputValue()).resolves.toBe('6');
    await page.getByLabel('Graine (facultative)').fill('e2e-juillet');
    await page.getByRole('button', { name: 'Tirer au sort' }).click();
    const created = page.getByText(/^Tirage \d+ effectué : \d+ formations sanitaires sur 7 à vérifier\.$/);
    await created.waitFor();
    drawId = Number(/Tirage (\d+)/.exec(await text(created))![1]);
    await page.getByRole('heading', { name: `Tirage ${drawId} de District 1 pour juillet 2024` }).waitFor();

    const counts = page.getByRole('table', { name: 'Formations sanitaires par classe de risque' });
    const facilities = async (riskClass: string) => text(counts.locator(`tr[data-class="${riskClass}"] td`).nth(1));
    await expect(facilities('low')).resolves.toBe('2');
    await expect(facilities('moderate')).resolves.toBe('2');
    await expect(facilities('high')).resolves.toBe('3');
    await expect(text(counts.locator('tr[data-class="low"] td').first())).resolves.toBe('40 %');

    // CDS Un: exactly 5 % of gap every month, moderate; the figures behind it.
    const list = page.getByRole('table', { name: 'Formations sanitaires', exact: true });
    const cds1 = list.locator('[data-unit="cds_1"]');
    await expect(text(cds1.getByRole('cell').nth(1))).resolves.toBe('Modéré');
    await page.getByRole('button', { name: 'Pourquoi ? CDS Un' }).click();
    const reasons = page.locator('#reasons-cds_1');
    await reasons.waitFor();
    const why = await text(reasons);
    expect(why).toContain('Score de 5 %, entre le seuil modéré de 5 % et le seuil élevé de 10 % inclus : risque modéré.');
    expect(why).toContain('déclaré/vérifié 5 %, vérifié/validé 0 %');
    expect(why).toContain('Taux de validation de 95,24 % = 600 validés / 630 déclarés');
    await expect(text(reasons.getByRole('row', { name: /janvier 2024/ }))).resolves.toBe('janvier 2024 5 % (5 / 100, 2 activités) 0 % (0 / 100, 2 activités)');
    // The hospital: low risk, but always drawn; the new facility: no history, high.
    await page.getByRole('button', { name: 'Pourquoi ? Hôpital de district' }).click();
    await expect(text(page.locator('#reasons-hd_1'))).resolves.toContain('Toujours tirée en tant que type « hd » : probabilité de 100 %');
    await page.getByRole('button', { name: 'Pourquoi ? cds_new' }).click();
    await expect(text(page.locator('#reasons-cds_new'))).resolves.toContain('Aucun écart mesurable sur les 6 mois lus (janvier 2024 – juin 2024) : risque élevé, donc vérifiée.');
    await expect(page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).resolves.toBe(true);
    await page.getByRole('button', { name: 'Pourquoi ? cds_new' }).click();
    await page.getByRole('button', { name: 'Pourquoi ? Hôpital de district' }).click();
    await list.locator('.entries-scroll').evaluate((element) => element.scrollTo(0, 0));
    await page.getByRole('heading', { name: 'Formations sanitaires', exact: true }).evaluate((element) => element.scrollIntoView());

    // The late form draws again: the current draw comes back, unchanged.
    await late.getByLabel('Graine (facultative)').fill('une-autre');
    await late.getByRole('button', { name: 'Tirer au sort' }).click();
    await late.getByText(`Un tirage existait déjà pour ce sous-arbre et cette période : le tirage ${drawId}, affiché inchangé (graine e2e-juillet).`).waitFor();
    await expect(text(late.locator('.facts dd.code').first())).resolves.toBe('e2e-juillet');
    const again = await call(e2e.api.app, await login(e2e.api.app, 'validator'), 'POST', DRAWS, { rootOrgUnitId: 'd1', period: '202407', seed: 'encore' });
    expect(again.json()).toMatchObject({ id: drawId, seed: 'e2e-juillet', created: false });
  });

  it('refuses to replace a draw without a reason, replaces it with one, and applies the rule with a confirmation', async () => {
    const page = await open(e2e, 'fr');
    await signIn(page, 'validator');
    await openRisk(page, 'd1', '202407');
    await page.getByRole('button', { name: 'Remplacer ce tirage…' }).click();
    await expect(page.getByLabel('Risque modéré (%)').inputValue()).resolves.toBe('80');
    await page.getByLabel('Graine (facultative)').fill('e2e-bis');
    await page.getByRole('button', { name: 'Remplacer le tirage' }).click();
    await page.getByRole('alert').getByText('Un motif est obligatoire pour remplacer un tirage.').waitFor();
    await expect(page.getByLabel('Motif du remplacement (obligatoire)').getAttribute('aria-invalid')).resolves.toBe('true');
    const validator = await login(e2e.api.app, 'validator');
    const all = await call(e2e.api.app, validator, 'GET', `${DRAWS}?orgUnitId=d1&period=202407&includeReplaced=true`);
    expect(all.json().items.map((draw: { id: number }) => draw.id)).toEqual([drawId]);

    await page.getByLabel('Motif du remplacement (obligatoire)').fill('la graine a été divulguée');
    await page.getByRole('button', { name: 'Remplacer le tirage' }).click();
    const created = page.getByText(/^Tirage \d+ effectué/);
    await created.waitFor();
    const replacement = Number(/Tirage (\d+)/.exec(await text(created))![1]);
    expect(replacement).toBeGreaterThan(drawId);
    await page.getByRole('heading', { name: 'Tirages antérieurs, remplacés' }).waitFor();
    await expect(text(page.locator('.plain li').first())).resolves.toContain(`Tirage ${drawId}, graine e2e-juillet`);

    const notDrawn = (await call(e2e.api.app, validator, 'GET', `${DRAWS}/${replacement}?drawn=false&limit=1000`)).json().entries.items as { orgUnitId: string }[];
    // One such section, however often the draw is read again.
    await expect(page.getByRole('heading', { name: 'Formations sanitaires non tirées', exact: true }).count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Appliquer la règle aux formations sanitaires non tirées…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Appliquer la règle aux formations sanitaires non tirées ?' });
    await expect(text(dialog)).resolves.toContain(
      `Pour chacune des ${notDrawn.length} formations sanitaires non tirées, ceci écrit une valeur vérifiée = déclaré × son taux de validation`,
    );
    await dialog.getByRole('button', { name: 'Écrire les valeurs vérifiées' }).click();
    const declaring = notDrawn.filter((entry) => ['cds_1', 'cds_2', 'cds_low', 'cds_high', 'cds_vv'].includes(entry.orgUnitId)).length;
    await page.getByText(`${declaring} valeurs vérifiées écrites pour ${notDrawn.length} formations sanitaires non tirées.`).waitFor();
    await page.getByText(/^appliqué le .* : définitif$/).waitFor();
    await expect(page.getByRole('button', { name: 'Remplacer ce tirage…' }).count()).resolves.toBe(0);
    drawId = replacement;
  });

  it('keeps a list of 2,000 facilities virtualised, filtered on the server', async () => {
    const page = await open(e2e, 'en');
    await signIn(page, 'designer');
    await openRisk(page, 'd4', '202407');
    await page.getByRole('button', { name: 'Draw', exact: true }).click();
    await page.getByText('Facilities shown: 2,000').waitFor();
    const list = page.getByRole('table', { name: 'Facilities', exact: true });
    await expect(list.getAttribute('aria-rowcount')).resolves.toBe('2001');
    expect(await list.locator('[data-unit]').count()).toBeLessThan(60);
    // Scrolled to the end as a reader would, again while rows measured taller than estimated push it down.
    const scroller = list.locator('.entries-scroll');
    await expect
      .poll(async () => {
        await scroller.evaluate((element) => element.scrollTo(0, element.scrollHeight));
        return list.locator('[data-unit="f1999"]').isVisible();
      })
      .toBe(true);
    expect(await list.locator('[data-unit]').count()).toBeLessThan(60);
    await page.getByLabel('Name or code').fill('f1234');
    await page.getByText('Facilities shown: 1').waitFor();
    await list.locator('[data-unit="f1234"]').waitFor();
    await page.getByLabel('Name or code').fill('');
    await page.getByLabel('Class').selectOption('low');
    await page.getByText('Facilities shown: 0').waitFor();
  });

  it('shows a clerk the draw without any way to draw, and the server refuses the clerk', async () => {
    const page = await open(e2e, 'fr');
    await signIn(page, 'clerk');
    await openRisk(page, 'd1', '202407');
    await page.getByRole('heading', { name: `Tirage ${drawId} de District 1 pour juillet 2024` }).waitFor();
    await page.locator('[data-unit="cds_1"]').waitFor();
    for (const name of ['Tirer au sort', 'Remplacer ce tirage…', 'Appliquer la règle aux formations sanitaires non tirées…']) {
      await expect(page.getByRole('button', { name }).count(), name).resolves.toBe(0);
    }
    // The menu link to the screen shown is drawn before anything typed next: its form, with
    // the defaults, is there once the click's microtasks have run (no transition left pending).
    const landed = await page
      .getByRole('navigation')
      .getByRole('link', { name: 'Vérification basée sur le risque' })
      .evaluate(async (link) => {
        (link as unknown as { click(): void }).click();
        await Promise.resolve();
        const doc = (globalThis as unknown as { document: { querySelector(selector: string): { value: string } | null } }).document;
        return doc.querySelector('#draw-period')?.value;
      });
    expect(landed).toBe(lastCompletedMonth());
    await openRisk(page, 'd1', '202409');
    await page.getByText('Aucun tirage encore pour District 1 en septembre 2024. Le comité de validation ou le concepteur du programme l’effectue.').waitFor();
    await expect(page.getByRole('button', { name: 'Tirer au sort' }).count()).resolves.toBe(0);
    const refused = await call(e2e.api.app, await login(e2e.api.app, 'clerk'), 'POST', DRAWS, { rootOrgUnitId: 'd1', period: '202409' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
  });

  it('shows a facility’s page: place in the tree, quantities over a year with a chart, workflow and risk class', async () => {
    const page = await open(e2e, 'en');
    await signIn(page, 'verifier');
    await page.getByRole('link', { name: 'Org units' }).click();
    await page.getByRole('link', { name: 'District 1' }).click();
    await page.getByRole('row', { name: /CDS Un/ }).getByRole('link', { name: 'Page' }).click();
    await page.getByRole('heading', { level: 1, name: 'CDS Un' }).waitFor();
    const crumbs = page.getByRole('navigation', { name: 'Place in the tree' });
    // Each ancestor's name arrives with its own read.
    await expect.poll(() => text(crumbs)).toBe('bi Province 1 District 1 CDS Un');
    await expect(crumbs.getByRole('link').count()).resolves.toBe(2);
    await expect(text(page.locator('.facts'))).resolves.toContain('equity cat1');

    await page.getByLabel('Twelve months up to').fill('2024-07');
    const quantities = page.getByRole('region', { name: 'Quantities' });
    await expect(text(quantities.locator('tr[data-period="202403"]'))).resolves.toBe('March 2024 105 100 100 5%');
    await expect(text(quantities.locator('tr[data-period="202312"]'))).resolves.toBe('December 2023 no rules in force');
    const chart = page.getByRole('img', { name: 'Declared and verified quantities, August 2023 – July 2024' });
    // Two lines over the months, named in the legend.
    await chart.locator('svg text', { hasText: 'Declared' }).waitFor();
    await expect(chart.locator('svg text').allTextContents()).resolves.toEqual(expect.arrayContaining(['Declared', 'Verified', 'May 2024']));
    expect(await chart.locator('svg path[stroke="#c26a00"]').count()).toBeGreaterThan(0);
    await page.getByLabel('Activity').selectOption('delivery');
    await expect(text(quantities.locator('tr[data-period="202403"]'))).resolves.toBe('March 2024 42 40 40 5%');

    const workflow = page.getByRole('region', { name: 'Workflow per period and package' });
    await expect(text(workflow.locator('tr[data-status="validated"]'))).resolves.toMatch(/^June 2024 quantity validated · locked The validator/);

    const risk = page.getByRole('region', { name: 'Risk class' });
    await expect(text(risk.locator('.risk-badge'))).resolves.toBe('Moderate');
    await risk.getByRole('link', { name: `draw ${drawId} of District 1 for July 2024` }).waitFor();
    await risk.getByText('Why this class').click();
    await expect(text(risk)).resolves.toContain('Score 5%, from the moderate threshold of 5% up to the high threshold of 10% included: moderate risk.');
    await page.getByLabel('Activity').selectOption('');
    await risk.getByText('Why this class').click();
    await expect(page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).resolves.toBe(true);
    await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
  });
});
