import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { ensureDemo } from '../../src/demo/ensureDemo.ts';
import type { DemoOptions } from '../../src/demo/generate.ts';
import { DEMO_PASSWORD } from '../../src/demo/logins.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Database } from '../../src/store/database.ts';
import { testDatabase } from '../support/database.ts';
import { buildTestApp, testApi, PASSWORD, type TestApi } from '../support/api.ts';
import type { JobRunner } from '../../src/domain/jobs/jobRunner.ts';
import { repoPath } from '../support/cases.ts';

/**
 * End-to-end harness: the web client built once, the API with its seeded test programme on
 * a random local port, and Debian's Chromium driven by playwright-core (never a downloaded
 * browser).
 */
export interface E2E {
  readonly api: TestApi;
  readonly url: string;
  readonly browser: Browser;
  /** The served app's job runner (not `api.jobs`, the runner of the app tests inject into). */
  readonly jobs: JobRunner;
  close(): Promise<void>;
}

let built: Promise<string> | undefined;

/**
 * Builds the client once per test process, into a directory of its own: test files run in
 * parallel processes, and one emptying web/dist while another serves it loses files.
 */
function buildClient(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'openpbf-web-'));
  process.on('exit', () => rmSync(outDir, { recursive: true, force: true }));
  return build({ root: repoPath('web'), logLevel: 'silent', build: { outDir, emptyOutDir: true } }).then(() => outDir);
}

/**
 * `hostName`: the browser reaches the server by that name (resolved to the loopback address),
 * as a district's LAN does by its server's name: not `localhost`, so not a secure context.
 */
export async function startE2E(options: { hostName?: string } = {}): Promise<E2E> {
  built ??= buildClient();
  const webRoot = await built;
  const api = await testApi('pglite');
  const { app, jobs } = await buildTestApp(api.database, { webRoot });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const host = options.hostName ?? '127.0.0.1';
  const browser = await launchBrowser(options);
  return {
    api,
    jobs,
    url: `http://${host}:${port}`,
    browser,
    async close() {
      await browser.close();
      await app.close();
      await api.close();
    },
  };
}

/** The harness on the Burundi demo as `npm start` loads it on a first run (at `demo`'s size), instead of the test programme. */
export interface DemoE2E {
  readonly database: Database;
  readonly url: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function startDemoE2E(demo: Partial<DemoOptions>): Promise<DemoE2E> {
  built ??= buildClient();
  const webRoot = await built;
  const database = await testDatabase('pglite');
  await ensureDemo(database, demo);
  const app = await buildApp({ database, loginAttemptsPerMinute: 10_000, webRoot });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const browser = await launchBrowser({});
  return {
    database,
    url: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

function launchBrowser(options: { hostName?: string }): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.hostName ? [`--host-resolver-rules=MAP ${options.hostName} 127.0.0.1`] : []),
    ],
  });
}

/** A fresh page at 1024×768 (the verifier's tablet), in the given language. */
export async function newPage(e2e: Pick<E2E, 'browser' | 'url'>, locale: 'fr' | 'en' = 'fr'): Promise<Page> {
  const context = await e2e.browser.newContext({ viewport: { width: 1024, height: 768 }, locale: locale === 'fr' ? 'fr-FR' : 'en-GB' });
  const page = await context.newPage();
  await page.goto(e2e.url);
  return page;
}

/**
 * Submits a form once and waits for the address to show the choice (`?root=d1&period=202409`).
 * Once: a link followed just before is drawn at once (the router's updates are not
 * transitions, web/src/app/Providers.tsx), so the form filled is the one submitted.
 */
export async function submitShown(page: Page, submit: () => Promise<void>, shown: Record<string, string>): Promise<void> {
  await submit();
  await page.waitForURL((url) => Object.entries(shown).every(([name, value]) => url.searchParams.get(name) === value));
}

/** Shows a subtree and period on a money screen (invoices, payments). */
export async function showScope(page: Page, unit: string, period: string, labels = { unit: 'Unité (sous-arbre)', period: 'Période', show: 'Afficher' }) {
  const form = page.locator('form.scope-form');
  await submitShown(
    page,
    async () => {
      await form.getByLabel(labels.unit).fill(unit);
      await form.getByLabel(labels.period).fill(period);
      await form.getByRole('button', { name: labels.show }).click();
    },
    { unit, period },
  );
}

/** Pastes text into the input labelled `label` as a spreadsheet would (a paste event carrying the clipboard's text). */
export async function paste(page: Page, label: string, text: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.focus();
  await input.evaluate((element, data) => {
    // Browser classes, typed here because the tests' TypeScript has no DOM library.
    const browser = globalThis as unknown as {
      DataTransfer: new () => { setData(type: string, value: string): void };
      ClipboardEvent: new (type: string, init: object) => unknown;
    };
    const clipboard = new browser.DataTransfer();
    clipboard.setData('text/plain', data);
    element.dispatchEvent(new browser.ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }) as never);
  }, text);
}

/** Signs in with the test programme's password, or the demo's (`DEMO_PASSWORD`). */
export async function signIn(page: Page, username: string, password: typeof PASSWORD | typeof DEMO_PASSWORD = PASSWORD): Promise<void> {
  await page.getByLabel(/Nom d'utilisateur|User name/).fill(username);
  await page.getByLabel(/Mot de passe|Password/).fill(password);
  await page.getByRole('button', { name: /Se connecter|Sign in/ }).click();
  await page.getByRole('navigation').first().waitFor();
}

/**
 * Saves a screenshot of a main screen for the README when UPDATE_SCREENSHOTS=1
 * (`npm run screenshots`), so an ordinary test run leaves the checkout unchanged.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  mkdirSync(repoPath('docs/screenshots'), { recursive: true });
  await page.screenshot({ path: repoPath(`docs/screenshots/${name}.png`) });
}
