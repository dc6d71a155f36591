import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMME, call, login } from '../support/api.ts';
import { newPage, screenshot, signIn, startE2E, type E2E } from './browser.ts';

describe('web client basics', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  }, 120_000);
  afterAll(() => e2e?.close());

  it('refuses a wrong password with a message, in French by default', async () => {
    const page = await newPage(e2e);
    await page.getByLabel("Nom d'utilisateur").fill('clerk');
    await page.getByLabel('Mot de passe').fill('wrong password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('mot de passe erroné');
    await screenshot(page, 'sign-in');
  });

  it('signs in, shows the roles, and switches language', async () => {
    const page = await newPage(e2e);
    await signIn(page, 'clerk');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Bienvenue, The clerk');
    await expect(page.getByText('Agent de saisie sur Province 1').isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'English' }).click();
    // The English messages are fetched at the first switch.
    await page.getByRole('heading', { level: 1, name: 'Welcome, The clerk' }).waitFor();
    await expect(page.getByText('Data clerk on Province 1').isVisible()).resolves.toBe(true);
  });

  it('says an address has no screen, in the layout, with the way home, in French and English', async () => {
    const page = await newPage(e2e);
    await signIn(page, 'verifier');
    await page.goto(`${e2e.url}/field-visits`);
    await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
    await page.getByText('Aucun écran ne se trouve à l’adresse /field-visits').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Visites de terrain' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await page.getByRole('link', { name: 'Back to the home page' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome, The verifier' }).waitFor();
  });

  it('shows each user the screens of what they may do, in French and English', async () => {
    const common = { en: ['Home', 'Org units', 'Risk-based verification', 'Dashboards'] };
    const menus = {
      clerk: { en: [...common.en, 'Data entry'], fr: ['Saisie'] },
      validator: { en: [...common.en, 'Validation', 'Invoices', 'Payments'], fr: ['Validation', 'Factures', 'Paiements'] },
      payer: { en: [...common.en, 'Invoices', 'Payments', 'Funders'], fr: ['Factures', 'Paiements', 'Bailleurs'] },
      admin: { en: [...common.en, 'Programme', 'Audit log', 'Invoices', 'Payments', 'Funders', 'Users'], fr: ["Journal d'audit", 'Factures', 'Bailleurs', 'Utilisateurs'] },
    } as const;
    for (const [user, menu] of Object.entries(menus)) {
      for (const locale of ['en', 'fr'] as const) {
        const page = await newPage(e2e, locale);
        await signIn(page, user);
        const navigation = page.getByRole('navigation', { name: locale === 'en' ? 'Main navigation' : 'Navigation principale' });
        await navigation.getByRole('link').first().waitFor();
        const links = await navigation.getByRole('link').allTextContents();
        if (locale === 'en') expect(links).toEqual(menu.en);
        else expect(links).toEqual(expect.arrayContaining([...menu.fr]));
        expect(links).toHaveLength(menu.en.length);
        await page.context().close();
      }
    }
  });

  it('browses only the org units of the user’s subtree', async () => {
    const page = await newPage(e2e, 'en');
    await signIn(page, 'verifier');
    await page.getByRole('link', { name: 'Org units' }).click();
    await page.getByRole('link', { name: 'District 1' }).click();
    await page.getByRole('link', { name: 'CDS Deux' }).waitFor();
    await expect(page.getByText('CDS Trois').count()).resolves.toBe(0);
  });

  it('shows the audit log to an auditor and hides it from a clerk', async () => {
    const clerk = await newPage(e2e, 'en');
    await signIn(clerk, 'clerk');
    await expect(clerk.getByRole('link', { name: 'Audit log' }).count()).resolves.toBe(0);
    const admin = await login(e2e.api.app, 'admin');
    const renamed = await call(e2e.api.app, admin, 'PATCH', `/api/programmes/${PROGRAMME}/org-units/cds_2`, {
      name: 'Centre de santé Deux',
      groups: { type: 'cds', equity: 'cat3' },
      reason: 'Renamed after its rehabilitation',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    for (const [locale, link, changed] of [
      ['fr', "Journal d'audit", 'modification'],
      ['en', 'Audit log', 'changed'],
    ] as const) {
      const auditor = await newPage(e2e, locale);
      await signIn(auditor, 'auditor');
      await auditor.getByRole('link', { name: link }).click();
      // The change read field by field, with the user's and the unit's names, not codes and JSON.
      const row = auditor.getByRole('row').filter({ hasText: 'Renamed after its rehabilitation' });
      await row.getByText('name: CDS Deux → Centre de santé Deux').waitFor();
      await row.getByText('groups.equity: cat2 → cat3').waitFor();
      await expect(row.textContent()).resolves.not.toContain('{');
      await row.getByRole('cell', { name: 'The admin' }).waitFor();
      await row.getByRole('cell', { name: new RegExp(`^${changed}`) }).waitFor();
      await row.getByRole('cell', { name: /^Centre de santé Deux\s*cds_2$/ }).waitFor();
      // No column crushed to a few characters at 1024 px (they were 2 or 3 wide).
      const widths = await auditor.getByRole('columnheader').evaluateAll((cells) => cells.map((cell) => (cell as unknown as { offsetWidth: number }).offsetWidth));
      expect(Math.min(...widths)).toBeGreaterThan(80);
    }
  });
});
