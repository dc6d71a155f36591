import type { FastifyInstance } from 'fastify';
import { ensureDemo, type DemoState } from '../demo/ensureDemo.ts';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../demo/logins.ts';
import { openDatabase, type Database } from '../store/database.ts';
import { buildApp } from './app.ts';
import { failInterrupted } from '../domain/jobs/jobRecords.ts';
import { serverLog } from './log.ts';
import { activeAccounts, refuseDemoPasswords, refuseUnsafeSettings } from './production.ts';
import { storeOf, type ServerConfig } from './settings.ts';

export interface PreparedServer {
  readonly app: FastifyInstance;
  readonly database: Database;
  readonly demo: DemoState;
  /** Active user accounts; none on a new production database. */
  readonly accounts: number;
}

const NO_DEMO: DemoState = { loaded: null, present: false };

/**
 * Opens and migrates the database, loads the demo on a first run (not in production mode nor
 * with DEMO=off), and builds the app (not yet listening). Throws, saying what to do, when
 * production mode lacks a setting or an account still has the demo password.
 */
export async function prepareServer(config: ServerConfig): Promise<PreparedServer> {
  refuseUnsafeSettings(config);
  const log = serverLog(config.logLevel);
  const database = await openDatabase({ ...storeOf(config), ...(log ? { log } : {}) });
  try {
    // Jobs a stopped server left under way are gone with it: they wrote nothing, and say so.
    await failInterrupted(database.db);
    const demo = config.loadDemo ? await ensureDemo(database, config.demo) : NO_DEMO;
    if (config.production) await refuseDemoPasswords(database.db);
    const app = await buildApp({
      database,
      ...(log ? { log } : {}),
      ...(config.tls ? { tls: config.tls } : {}),
      ...(config.webRoot ? { webRoot: config.webRoot } : {}),
      ...(config.sessionSecret ? { sessionSecret: config.sessionSecret } : {}),
      secureCookies: config.secureCookies,
      trustProxy: config.trustProxy,
      loginAttemptsPerMinute: config.loginAttemptsPerMinute,
    });
    return { app, database, demo, accounts: await activeAccounts(database.db) };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** What `npm start` prints once listening: where to go, which store, the demo logins, or how to create the first account. */
export function startBanner(url: string, config: ServerConfig, server: Pick<PreparedServer, 'demo' | 'accounts'>): string {
  const { demo } = server;
  const store = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  const mode = config.production ? 'production' : 'development';
  const lines = [`OpenPBF is listening on ${url} (${mode} mode)`, `  API documentation: ${url}/api/docs`, `  data: ${store}`];
  lines.push(`  ${transport(config)}`);
  if (!config.webRoot) lines.push('  web client not built: run `npm run build`');
  if (demo.loaded) {
    const { orgUnits, dataValues, history } = demo.loaded;
    lines.push(`  demo loaded: ${orgUnits} org units, ${dataValues} data values, ${history.invoices} invoices, ${history.orders} payment orders, ${history.payments} payments`);
  }
  if (demo.present) {
    lines.push('', `Demo logins (password "${DEMO_PASSWORD}"):`);
    for (const login of DEMO_LOGINS) lines.push(`  ${login.username.padEnd(11)} ${login.role.padEnd(10)} ${login.does}`);
  }
  if (server.accounts === 0) {
    lines.push('', 'No account yet: create the first administrator with', '  npx openpbf users create-admin --username <name> --name "<full name>"');
  }
  return lines.join('\n');
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** How browsers reach it, and what that allows: production needs HTTPS in front, offline field work needs a secure context. */
function transport(config: ServerConfig): string {
  if (config.tls) return `HTTPS with the certificate ${config.tls.certPath}`;
  if (config.production) return 'plain HTTP: browsers must reach it over HTTPS, through a reverse proxy (or set TLS_CERT and TLS_KEY): docs/operations.md';
  if (LOOPBACK.has(config.host)) return 'plain HTTP on this machine';
  return 'plain HTTP: other machines can use it, but not offline (browsers keep screens offline over HTTPS only): docs/operations.md';
}
