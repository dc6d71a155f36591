import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TREE, call } from '../support/api.ts';
import { lastCompletedMonth } from '../../src/contract/periods.ts';
import { newPage, paste, signIn, startE2E, type E2E } from './browser.ts';
import { P, prepareEntry, storedValues } from './entryFixtures.ts';

const MONTH = lastCompletedMonth();
const CONSULTATION = 'Consultation curative des enfants de moins de cinq ans (nouveau cas)';
const DELIVERY = 'Accouchement eutocique assisté par un personnel qualifié';
const VACCINATION = 'Enfant complètement vacciné avant son premier anniversaire';

const focused = (page: Page) => page.evaluate('document.activeElement?.getAttribute("aria-label")');

describe('data entry and validation', () => {
  let e2e: E2E;
  let sessions: Awaited<ReturnType<typeof prepareEntry>>;
  beforeAll(async () => {
    e2e = await startE2E();
    sessions = await prepareEntry(e2e);
  }, 120_000);
  afterAll(() => e2e?.close());

  it('fills a grid with the keyboard, checks the register total and marks declared', async () => {
    const page = await newPage(e2e, 'fr');
    await signIn(page, 'clerk');
    const toDeclare = page.getByRole('region', { name: 'Formulaires à déclarer' });
    await toDeclare.getByRole('link', { name: 'CDS Un' }).first().waitFor();
    await expect(toDeclare.getByRole('link', { name: 'CDS Deux' }).count()).resolves.toBeGreaterThan(0);
    await toDeclare.getByRole('link', { name: 'CDS Un' }).first().click();
    await page.getByRole('heading', { level: 1, name: /Quantités déclarées — CDS Un/ }).waitFor();

    const cell = (activity: string) => page.getByLabel(`Déclaré — ${activity}`, { exact: true });
    await cell(CONSULTATION).click();
    await page.keyboard.type('120');
    await page.keyboard.press('Enter');
    await expect(focused(page)).resolves.toBe(`Déclaré — ${DELIVERY}`);
    await page.keyboard.type('14');
    await page.keyboard.press('Tab');
    await expect(focused(page)).resolves.toBe(`Déclaré — ${VACCINATION}`);
    await page.keyboard.type('56');
    await page.keyboard.press('ArrowUp');
    await expect(focused(page)).resolves.toBe(`Déclaré — ${DELIVERY}`);
    await page.getByText('Complétude : 3 cellule(s) remplie(s) sur 3').waitFor();

    const quantity = page.getByRole('region', { name: /Paquet minimum/ });
    const declare = quantity.getByRole('button', { name: 'Marquer comme déclaré' });
    await expect(declare.isDisabled()).resolves.toBe(true);
    await page.getByLabel('Total du registre papier').fill('200');
    await page.getByText('Le total de la grille (190) diffère du total du registre (200) de -10.').waitFor();
    await expect(declare.isDisabled()).resolves.toBe(true);
    await page.getByLabel('Total du registre papier').fill('190');
    await page.getByText('Le total de la grille (190) correspond au registre.').waitFor();
    await declare.click();
    await page.getByRole('heading', { name: /Paquet minimum/ }).getByText('Déclaré').waitFor();

    expect(await storedValues(e2e, sessions.clerk, 'cds_1', MONTH)).toEqual({
      'consultation.declared': 120,
      'delivery.declared': 14,
      'vaccination.declared': 56,
    });
  });

  it('pastes a block from a spreadsheet and resolves values changed meanwhile', async () => {
    const page = await newPage(e2e, 'en');
    await signIn(page, 'clerk');
    await page.goto(`${e2e.url}/entry?unit=cds_2&period=${MONTH}`);
    await page.getByRole('heading', { level: 1, name: /Declared quantities — CDS Deux/ }).waitFor();
    // Two columns copied where the grid has one: the second is left out, and said so.
    await paste(page, `Declared — ${CONSULTATION}`, '12\t99\n7\n30\n');
    await page.getByText('3 value(s) pasted; 1 outside the grid left out.').waitFor();
    await page.getByText('Completeness: 3 of 3 cells filled').waitFor();
    await expect.poll(() => storedValues(e2e, sessions.clerk, 'cds_2', MONTH)).toEqual({
      'consultation.declared': 12,
      'delivery.declared': 7,
      'vaccination.declared': 30,
    });

    // Another clerk changes deliveries; this clerk, still seeing 7, types 8: the server refuses to overwrite.
    const put = (activity: string, body: object) => call(e2e.api.app, sessions.clerk2, 'PUT', `${P}/data-values/cds_2/${MONTH}/${activity}/declared`, body);
    expect((await put('delivery', { value: 9, version: 1 })).statusCode).toBe(200);
    const delivery = page.getByLabel(`Declared — ${DELIVERY}`, { exact: true });
    await delivery.fill('8');
    await delivery.press('Tab');
    const conflict = page.getByRole('alert').filter({ hasText: 'changed meanwhile by Second Clerk' });
    await conflict.waitFor();
    await expect(conflict.textContent()).resolves.toContain('it is now 9; you typed 8.');
    await expect(delivery.getAttribute('aria-invalid')).resolves.toBe('true');
    await conflict.getByRole('button', { name: 'Keep mine (8)' }).click();
    await expect(conflict.count()).resolves.toBe(0);
    await expect.poll(async () => (await storedValues(e2e, sessions.clerk, 'cds_2', MONTH))['delivery.declared']).toBe(8);

    // Again on consultations, and this time the other clerk's figure is taken.
    expect((await put('consultation', { value: 13, version: 1 })).statusCode).toBe(200);
    const consultation = page.getByLabel(`Declared — ${CONSULTATION}`, { exact: true });
    await consultation.fill('15');
    await consultation.press('Enter');
    await page.getByRole('button', { name: 'Take theirs (13)' }).click();
    await expect.poll(() => consultation.inputValue()).toBe('13');
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    expect((await storedValues(e2e, sessions.clerk, 'cds_2', MONTH))['consultation.declared']).toBe(13);
  });

  it('lists what waits for the verifier and the committee, and the committee validates', async () => {
    const verifierPage = await newPage(e2e, 'en');
    await signIn(verifierPage, 'verifier');
    const toVerify = verifierPage.getByRole('region', { name: 'Facilities to verify' });
    await expect(toVerify.getByRole('link', { name: 'CDS Un' }).getAttribute('href')).resolves.toBe(`/field/cds_1/${MONTH}`);
    await expect(toVerify.getByRole('link', { name: 'CDS Deux' }).count()).resolves.toBe(0);

    // The verification visit, through the API: consultations found lower than declared.
    const verified = { consultation: 100, delivery: 14, vaccination: 56 };
    for (const [activity, value] of Object.entries(verified)) {
      const response = await call(e2e.api.app, sessions.verifier, 'PUT', `${P}/data-values/cds_1/${MONTH}/${activity}/verified`, { value });
      expect(response.statusCode, response.body).toBe(201);
    }
    expect((await call(e2e.api.app, sessions.verifier, 'POST', `${P}/workflow/cds_1/${MONTH}/quantity/verify`)).statusCode).toBe(200);

    const page = await newPage(e2e, 'fr');
    await signIn(page, 'validator');
    const toValidate = page.getByRole('region', { name: 'Formations sanitaires à valider' });
    await toValidate.getByRole('link', { name: 'CDS Un' }).waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Validation' }).click();
    await page.getByRole('heading', { name: 'Validation et verrouillage' }).waitFor();
    await page.getByText('2 paquet(s) de formations sanitaires').waitFor();
    const first = page.getByRole('row').filter({ hasText: 'CDS Un' });
    await expect.poll(() => first.textContent()).toContain('190170—');
    await expect(first.textContent()).resolves.toContain('Vérifié');
    const second = page.getByRole('row').filter({ hasText: 'CDS Deux' });
    await expect.poll(() => second.textContent()).toContain('Ouvert');
    await expect(page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).resolves.toBe(true);

    await first.getByRole('link', { name: 'CDS Un' }).click();
    await page.getByRole('heading', { level: 1, name: /CDS Un — Paquet minimum/ }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(CONSULTATION.replace(/[()]/g, '\\$&')) });
    await expect(row.textContent()).resolves.toContain('+20 (+20 %)');
    const validated = page.getByLabel(`Validé — ${CONSULTATION}`, { exact: true });
    await validated.fill('110');
    await validated.press('Enter');
    await expect.poll(async () => (await storedValues(e2e, sessions.validator, 'cds_1', MONTH))['consultation.validated']).toBe(110);
    await page.getByRole('button', { name: 'Valider et verrouiller…' }).click();
    await page.getByRole('dialog', { name: /^Valider et verrouiller CDS Un/ }).getByRole('button', { name: 'Valider et verrouiller', exact: true }).click();
    await page.getByRole('heading', { level: 1 }).getByText('Validé').waitFor();
    await page.getByRole('button', { name: 'Déverrouiller…' }).waitFor();
    await expect(page.getByLabel(`Validé — ${CONSULTATION}`, { exact: true }).count()).resolves.toBe(0);

    // The clerk now finds the period locked, read only, and the server refuses a change.
    const clerk = await newPage(e2e, 'fr');
    await signIn(clerk, 'clerk');
    await clerk.goto(`${e2e.url}/entry?unit=cds_1&period=${MONTH}`);
    const quantity = clerk.getByRole('region', { name: /Paquet minimum/ });
    await quantity.getByText('Verrouillé.').waitFor();
    await expect(quantity.textContent()).resolves.toContain('le comité de validation doit déverrouiller la période');
    await expect(quantity.getByRole('textbox').count()).resolves.toBe(0);
    await expect(quantity.getByRole('button', { name: 'Marquer comme déclaré' }).count()).resolves.toBe(0);
    const refused = await call(e2e.api.app, sessions.clerk, 'PUT', `${P}/data-values/cds_1/${MONTH}/consultation/declared`, { value: 1, version: 1 });
    expect(refused.statusCode).toBe(423);
  });

  it('unlocks only with a reason, which the audit log keeps', async () => {
    const page = await newPage(e2e, 'en');
    await signIn(page, 'validator');
    await page.goto(`${e2e.url}/validation/cds_1/${MONTH}/quantity`);
    await page.getByRole('button', { name: 'Unlock…' }).click();
    const dialog = page.getByRole('dialog', { name: /Unlock CDS Un/ });
    await dialog.waitFor();
    const confirm = dialog.getByRole('button', { name: 'Unlock', exact: true });
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await dialog.getByLabel('Reason').fill('   ');
    await expect(confirm.isDisabled()).resolves.toBe(true);
    const withoutReason = await call(e2e.api.app, sessions.validator, 'POST', `${P}/workflow/cds_1/${MONTH}/quantity/unlock`, {});
    expect(withoutReason.statusCode).toBe(400);

    await dialog.getByLabel('Reason').fill('Consultations miscounted in the register');
    await confirm.click();
    await page.getByRole('heading', { level: 1 }).getByText('Verified').waitFor();
    await expect(dialog.isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Validate and lock' }).waitFor();
    const audit = (await call(e2e.api.app, sessions.admin, 'GET', `${P}/audit?entity=period_status`)).json();
    expect(audit.items.find((entry: { action: string }) => entry.action === 'unlock')?.reason).toBe('Consultations miscounted in the register');
  });

  it('offers each role only its own steps, and the server refuses the others', async () => {
    const page = await newPage(e2e, 'en');
    await signIn(page, 'clerk');
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Validation' }).count()).resolves.toBe(0);
    await page.goto(`${e2e.url}/validation/cds_1/${MONTH}/quantity`);
    await page.getByText('Your role does not allow this here.').waitFor();
    await expect(page.getByRole('button', { name: 'Validate and lock' }).count()).resolves.toBe(0);
    const validate = await call(e2e.api.app, sessions.clerk, 'POST', `${P}/workflow/cds_1/${MONTH}/quantity/validate`);
    expect(validate.statusCode).toBe(403);
    expect(validate.json().error.code).toBe('FORBIDDEN');

    const committee = await newPage(e2e, 'en');
    await signIn(committee, 'validator');
    await expect(committee.getByRole('navigation').getByRole('link', { name: 'Data entry' }).count()).resolves.toBe(0);
    await committee.goto(`${e2e.url}/entry?unit=cds_2&period=${MONTH}`);
    await committee.getByText('Your role does not allow this here.').waitFor();
    const declare = await call(e2e.api.app, sessions.validator, 'POST', `${P}/workflow/cds_2/${MONTH}/quantity/declare`);
    expect(declare.statusCode).toBe(403);
  });

  it('keeps a list of thousands of facilities smooth: rows drawn as they come into view', async () => {
    const many = Array.from({ length: 1500 }, (_, i) => ({
      id: `cds_x${String(i + 1).padStart(4, '0')}`,
      name: `Centre de santé communautaire de la colline numéro ${i + 1}`,
      parent: 'd1',
      groups: { type: 'cds', equity: 'cat2' },
    }));
    const tree = await call(e2e.api.app, sessions.admin, 'PUT', `${P}/org-units`, { units: [...TREE, ...many] });
    expect(tree.statusCode, tree.body).toBe(200);

    const page = await newPage(e2e, 'fr');
    await signIn(page, 'validator');
    await page.goto(`${e2e.url}/validation?period=${MONTH}`);
    await page.getByText('1502 paquet(s) de formations sanitaires').waitFor();
    await expect(page.getByRole('row').count()).resolves.toBeLessThan(40);
    // Rows are measured as they are drawn, so the end moves once the last ones are: scroll until it is reached, as a reader would.
    const last = page.getByRole('link', { name: 'Centre de santé communautaire de la colline numéro 1500' });
    await expect
      .poll(
        async () => {
          await page.locator('.status-scroll').evaluate((element) => element.scrollTo(0, element.scrollHeight));
          return last.count();
        },
        { timeout: 10_000, interval: 250 },
      )
      .toBe(1);
    await expect(page.getByRole('row').count()).resolves.toBeLessThan(40);
    await expect(page.getByRole('link', { name: 'CDS Un' }).count()).resolves.toBe(0);
  });
});
