import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, signIn, startE2E, type E2E } from './browser.ts';

/**
 * A district server reached over plain HTTP by its name on the LAN: no certificate, so no
 * secure context. The page must draw (no upgrade of its scripts to https://), and the field
 * screens must say that they cannot be kept offline rather than fail at the facility.
 */
describe('served over plain HTTP on a LAN', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E({ hostName: 'openpbf.district.lan' });
  }, 120_000);
  afterAll(() => e2e?.close());

  it('draws the sign-in page and the screens, and tells the verifier that offline work needs https://', async () => {
    const page = await newPage(e2e, 'fr');
    expect(page.url()).toMatch(/^http:\/\/openpbf\.district\.lan:\d+\/$/);
    await expect(page.evaluate('window.isSecureContext')).resolves.toBe(false);
    await signIn(page, 'verifier');
    await page.getByRole('link', { name: 'Visites de terrain' }).click();
    await page.getByRole('heading', { name: 'Visites de terrain' }).waitFor();
    await page.getByRole('note').getByText('Le travail hors ligne n’est pas possible sur cette connexion : l’adresse commence par http://').waitFor();
    await expect(page.evaluate("'serviceWorker' in navigator")).resolves.toBe(false);
  });

  it('says it in English too', async () => {
    const page = await newPage(e2e, 'en');
    await signIn(page, 'verifier');
    await page.getByRole('link', { name: 'Field visits' }).click();
    await page.getByRole('note').getByText('Offline work is not available on this connection: the address starts with http://').waitFor();
  });
});
