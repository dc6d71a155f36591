import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login } from '../support/api.ts';
import { newPage, startE2E, type E2E } from './browser.ts';

describe('web client: a password reset', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  }, 120_000);
  afterAll(() => e2e?.close());

  it('makes the user choose a new password, with the server’s advice, before reaching the home page', async () => {
    const admin = await login(e2e.api.app, 'admin');
    const reset = await call(e2e.api.app, admin, 'POST', `/api/users/${e2e.api.users.clerk}/password-reset`, {});
    const temporary: string = reset.json().temporaryPassword;

    const page = await newPage(e2e);
    await page.getByLabel("Nom d'utilisateur").fill('clerk');
    await page.getByLabel('Mot de passe').fill(temporary);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Changer votre mot de passe' }).waitFor();
    await expect(page.getByRole('navigation').count()).resolves.toBe(0);

    const form = page.locator('form.password-form');
    await form.getByLabel('Mot de passe temporaire').fill(temporary);
    await form.getByLabel('Nouveau mot de passe', { exact: true }).fill('aaaaaaaaaa');
    await form.getByLabel('Nouveau mot de passe, à nouveau').fill('aaaaaaaaaa');
    await form.getByRole('button', { name: 'Changer le mot de passe' }).click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/Trop facile à deviner : force 0 sur 4, il faut au moins 3\..*Les caractères répétés/);

    await form.getByLabel('Nouveau mot de passe', { exact: true }).fill('un chemin de terre vers Ngozi');
    await form.getByLabel('Nouveau mot de passe, à nouveau').fill('un chemin de terre vers Ngozi');
    await form.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bienvenue, The clerk' }).waitFor();
    await login(e2e.api.app, 'clerk', 'un chemin de terre vers Ngozi');

    await page.getByRole('link', { name: 'Mot de passe' }).click();
    await page.getByLabel('Mot de passe actuel').waitFor();
  });
});
