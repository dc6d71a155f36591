import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage, screenshot, signIn, startE2E, type E2E } from './browser.ts';

const NEW_USER = { username: 'amina.n', name: 'Amina Niyonzima', password: 'un sentier de collines vers Gitega' };

/** Signs in with any password, without waiting for the navigation (a forced change or a refusal has none). */
async function submitSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel("Nom d'utilisateur").fill(username);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

describe('web client: the administrator’s users', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  }, 120_000);
  afterAll(() => e2e?.close());

  it('creates a user, gives and takes a role, resets the password and deactivates them', async () => {
    const admin = await newPage(e2e);
    await signIn(admin, 'admin');
    await admin.getByRole('link', { name: 'Utilisateurs' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Utilisateurs et rôles' }).waitFor();
    // One's own account is listed, without the actions another admin must take.
    const self = admin.getByRole('row', { name: 'admin', exact: true });
    await self.getByText('Votre propre compte').waitFor();
    await expect(self.getByRole('button').count()).resolves.toBe(0);

    // A weak password is refused with the server's reason and advice.
    const form = admin.getByRole('form', { name: 'Créer un utilisateur' });
    await form.getByLabel("Nom d'utilisateur").fill(NEW_USER.username);
    await form.getByLabel('Nom', { exact: true }).fill(NEW_USER.name);
    await form.getByLabel('Langue').selectOption({ label: 'Français' });
    await form.getByLabel('Mot de passe initial').fill('aaaaaaaaaa');
    await form.getByRole('button', { name: 'Créer l’utilisateur' }).click();
    await expect(form.getByRole('alert').textContent()).resolves.toMatch(/Trop facile à deviner : force 0 sur 4, il faut au moins 3\..*Les caractères répétés/);
    await form.getByLabel('Mot de passe initial').fill(`${NEW_USER.username}${NEW_USER.username}`);
    await form.getByRole('button', { name: 'Créer l’utilisateur' }).click();
    await form.getByRole('alert').getByText('Il ne doit pas être fait du nom d’utilisateur ou du nom du nouvel utilisateur.').waitFor();
    await form.getByLabel('Mot de passe initial').fill(NEW_USER.password);
    await form.getByRole('button', { name: 'Créer l’utilisateur' }).click();
    await form.getByRole('status').getByText(`Utilisateur ${NEW_USER.username} créé`).waitFor();

    const row = admin.getByRole('row', { name: NEW_USER.username, exact: true });
    await row.getByText('Aucun rôle').waitFor();
    await expect(row.getByText('jamais').count()).resolves.toBe(1);

    // A unit that is not in the tree is refused, the server naming it.
    await row.getByRole('button', { name: `Donner un rôle à ${NEW_USER.name}` }).click();
    const grant = admin.getByRole('form', { name: `Donner un rôle à ${NEW_USER.name}` });
    await grant.getByLabel('Rôle').selectOption({ label: 'Agent de saisie' });
    await grant.getByLabel('Sur le sous-arbre de').fill('nowhere');
    await grant.getByRole('button', { name: 'Donner le rôle' }).click();
    await grant.getByRole('alert').waitFor();
    await expect(grant.getByRole('alert').textContent()).resolves.toContain('nowhere');
    await grant.getByLabel('Sur le sous-arbre de').fill('d1');
    await grant.getByRole('button', { name: 'Donner le rôle' }).click();
    await row.getByText('Agent de saisie sur District 1').waitFor();
    await expect(admin.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(1024);
    await screenshot(admin, 'users');

    // The new user signs in and enters data.
    const user = await newPage(e2e);
    await submitSignIn(user, NEW_USER.username, NEW_USER.password);
    await user.getByRole('link', { name: 'Saisie' }).waitFor();

    // Their role taken away, after a confirmation: data entry is gone from their menu.
    await admin.reload();
    await row.getByText('Agent de saisie sur District 1').waitFor();
    await expect(row.getByText('jamais').count()).resolves.toBe(0);
    await row.getByRole('button', { name: `Retirer Agent de saisie sur District 1 à ${NEW_USER.name}` }).click();
    const revoke = admin.getByRole('dialog', { name: 'Retirer un rôle' });
    await revoke.getByText(`${NEW_USER.name} ne sera plus Agent de saisie sur District 1.`).waitFor();
    await revoke.getByRole('button', { name: 'Retirer le rôle' }).click();
    await row.getByText('Aucun rôle').waitFor();
    await user.reload();
    await user.getByRole('link', { name: 'Accueil' }).waitFor();
    await expect(user.getByRole('link', { name: 'Saisie' }).count()).resolves.toBe(0);

    // A reset: the temporary password shown once, and the user must choose theirs at sign-in.
    await row.getByRole('button', { name: `Réinitialiser le mot de passe de ${NEW_USER.name}` }).click();
    const reset = admin.getByRole('dialog', { name: 'Réinitialiser un mot de passe' });
    await reset.getByRole('button', { name: 'Réinitialiser le mot de passe' }).click();
    const shown = admin.locator('.temporary-password');
    await shown.getByText('par un canal sûr').waitFor();
    const temporary = (await shown.locator('code').textContent())!;
    expect(temporary.length).toBeGreaterThanOrEqual(10);
    const again = await newPage(e2e);
    await submitSignIn(again, NEW_USER.username, NEW_USER.password);
    await expect(again.getByRole('alert').textContent()).resolves.toContain('mot de passe erroné');
    await submitSignIn(again, NEW_USER.username, temporary);
    await again.getByRole('heading', { name: 'Changer votre mot de passe' }).waitFor();

    // Deactivated, they can no longer sign in; reactivated, they can.
    await row.getByRole('button', { name: `Désactiver ${NEW_USER.name}` }).click();
    await row.getByText('Désactivé').waitFor();
    const refused = await newPage(e2e);
    await submitSignIn(refused, NEW_USER.username, temporary);
    await expect(refused.getByRole('alert').textContent()).resolves.toContain('mot de passe erroné');
    await row.getByRole('button', { name: `Réactiver ${NEW_USER.name}` }).click();
    await row.getByText('Actif').waitFor();
  });

  it('hides the Users menu from a clerk', async () => {
    const clerk = await newPage(e2e, 'en');
    await signIn(clerk, 'clerk');
    await clerk.getByRole('link', { name: 'Data entry' }).waitFor();
    await expect(clerk.getByRole('link', { name: 'Users' }).count()).resolves.toBe(0);
  });
});
