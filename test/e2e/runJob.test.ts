import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMME } from '../support/api.ts';
import { enterValues, quantityRows, setStatus } from '../support/invoices.ts';
import { newPage, showScope, signIn, startE2E, type E2E } from './browser.ts';

describe('an invoice run followed in the browser across a reload', () => {
  let e2e: E2E;
  /** Lets the job that holds the runner finish (again at the end, should the test stop before). */
  let release: (() => void) | undefined;
  beforeAll(async () => {
    e2e = await startE2E();
    const db = e2e.api.database.db;
    await enterValues(db, [...quantityRows('cds_1', '202401', { consultation: 100, delivery: 10 }), ...quantityRows('cds_2', '202401', { consultation: 50, delivery: 3 })]);
    await setStatus(db, ['cds_1', 'cds_2'], '202401', 'validated');
  }, 120_000);
  afterAll(async () => {
    release?.();
    await e2e?.close();
  });

  it('shows the job’s progress, keeps following it after a reload, then shows the run', async () => {
    // A job ahead of the run, over p2 (out of the committee member's sight), holds the runner
    // (jobs run one at a time) until the test lets it go: the run is then certainly still
    // under way when the page reloads.
    const held = new Promise<void>((resolve) => (release = resolve));
    await e2e.jobs.start({ programmeId: PROGRAMME, kind: 'invoice-run', orgUnitId: 'p2', scope: { orgUnitId: 'p2', period: '202312' }, createdBy: e2e.api.users.validator }, () =>
      held.then(() => null),
    );

    const page = await newPage(e2e);
    await signIn(page, 'validator');
    await page.getByRole('navigation').getByRole('link', { name: 'Factures' }).click();
    await showScope(page, 'p1', '202401');
    await page.getByRole('button', { name: 'Calculer les factures de Province 1 pour janvier 2024' }).click();
    const panel = page.getByRole('region', { name: 'Calculer les factures' });
    await panel.getByText('Calcul des factures de Province 1 pour janvier 2024… (en attente du calcul précédent)').waitFor();
    await page.waitForURL((url) => url.searchParams.has('job'), { waitUntil: 'commit' });

    await page.reload();
    await panel.getByText('Calcul des factures de Province 1 pour janvier 2024… (en attente du calcul précédent)').waitFor();
    await expect(panel.getByRole('button', { name: 'Calculer les factures de Province 1 pour janvier 2024' }).isDisabled()).resolves.toBe(true);

    // Left and come back by the menu, without the job in the address: the run under way is found again.
    await page.goto(`${e2e.url}/`);
    await page.getByRole('navigation').getByRole('link', { name: 'Factures' }).click();
    await page.getByRole('region', { name: 'Calculer les factures' }).getByText('Calcul des factures de Province 1 pour janvier 2024… (en attente du calcul précédent)').waitFor();

    release!();
    await panel.getByText('Calcul 1 terminé : 2 facture(s) pour janvier 2024.').waitFor();
    await panel.getByRole('button', { name: 'Voir le calcul 1' }).click();
    await page.getByRole('region', { name: 'Calcul de factures 1' }).waitFor();
  });
});
