import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoCalendar } from '../demo/calendar.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login } from '../../test/support/api.ts';
import { selfSignedCertificate } from '../../test/support/certificate.ts';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../demo/logins.ts';
import { configFromEnvironment, type ServerConfig } from './settings.ts';
import { prepareServer, startBanner, type PreparedServer } from './startup.ts';

// Opening a database and loading a demo can outlast vitest's 10 s hook limit on a busy machine.
const HOOK_TIMEOUT = 60_000;

describe('npm start', () => {
  let dataDir: string;
  let config: ServerConfig;
  let server: PreparedServer;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'openpbf-start-'));
    config = { ...configFromEnvironment({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' }), demo: { scale: 0.04, months: 3 } };
    server = await prepareServer(config);
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    await server.app.close();
    await server.database.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates the embedded database, loads the demo and answers the health check over HTTP', async () => {
    expect(server.database.kind).toBe('pglite');
    expect(server.demo.loaded?.dataValues).toBeGreaterThan(0);
    const url = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const response = await fetch(`${url}/api/health`);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('lets the demo logins sign in, each within its scope', async () => {
    const clerk = await login(server.app, 'clerk', DEMO_PASSWORD);
    expect((await call(server.app, clerk, 'GET', '/api/programmes')).json()).toEqual([
      { id: 'fbp_burundi', name: 'FBP Burundi (démo)', currency: 'BIF', currencyDecimals: 0 },
    ]);
    const districts = await call(server.app, clerk, 'GET', '/api/programmes/fbp_burundi/org-units?parent=ngozi');
    expect(districts.json().items.map((unit: { id: string }) => unit.id)).toEqual(['ds_ngozi_centre', 'ds_ngozi_nord', 'ds_ngozi_sud']);
    const elsewhere = await call(server.app, clerk, 'GET', '/api/programmes/fbp_burundi/org-units/gitega');
    expect(elsewhere.statusCode).toBe(403);
    const validator2 = await login(server.app, 'validator2', DEMO_PASSWORD);
    const versions = await call(server.app, validator2, 'GET', '/api/programmes/fbp_burundi/versions');
    // The demo's rules take effect with its first month, three before the current one here.
    expect(versions.json()).toMatchObject({ total: 1, items: [{ version: 1, effectiveFrom: demoCalendar(new Date(), 3).months[0] }] });
  });

  it('keeps the stored demo on the next start and prints where to go and who can sign in', async () => {
    await server.app.close();
    await server.database.close();
    server = await prepareServer(config);
    expect(server.demo).toEqual({ loaded: null, present: true });
    await login(server.app, 'auditor', DEMO_PASSWORD);
    const banner = startBanner('http://127.0.0.1:3000', config, server);
    expect(banner).toContain('OpenPBF is listening on http://127.0.0.1:3000 (development mode)');
    expect(banner).toContain(`password "${DEMO_PASSWORD}"`);
    for (const { username } of DEMO_LOGINS) expect(banner).toContain(`  ${username} `);
  });
});

describe('npm start settings', () => {
  it('defaults to port 3000 on the loopback interface and PGlite in ./data', () => {
    const config = configFromEnvironment({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', logLevel: 'warn' });
    expect(config.dataDir).toBe(join(process.cwd(), 'data'));
    expect(config.databaseUrl).toBeUndefined();
    expect(configFromEnvironment({ DATABASE_URL: 'postgres://x/y' })).toMatchObject({ databaseUrl: 'postgres://x/y' });
  });

  it('refuses a port that is not one, naming the variable', () => {
    expect(() => configFromEnvironment({ PORT: 'http' })).toThrow("PORT: 'http' is not a port number");
    expect(() => configFromEnvironment({ PORT: '70000' })).toThrow("PORT: '70000' is not a port number");
  });

  it('prints no demo logins when the store holds other programmes only', () => {
    const banner = startBanner('http://localhost:3000', configFromEnvironment({ DATABASE_URL: 'postgres://x/y' }), { demo: { loaded: null, present: false }, accounts: 3 });
    expect(banner).toContain('data: PostgreSQL (DATABASE_URL)');
    expect(banner).not.toContain('Demo logins');
  });

  it('says how browsers reach it: HTTPS with its certificate, or plain HTTP and what that does not allow', () => {
    const none = { demo: { loaded: null, present: false }, accounts: 1 };
    const certificate = selfSignedCertificate();
    const banner = (env: NodeJS.ProcessEnv) => startBanner('http://localhost:3000', configFromEnvironment({ DATABASE_URL: 'postgres://x/y', ...env }), none);
    expect(banner({})).toContain('  plain HTTP on this machine');
    expect(banner({ HOST: '0.0.0.0' })).toContain('plain HTTP: other machines can use it, but not offline');
    expect(banner({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) })).toContain('plain HTTP: browsers must reach it over HTTPS, through a reverse proxy');
    expect(banner({ TLS_CERT: certificate.certPath, TLS_KEY: certificate.keyPath })).toContain(`  HTTPS with the certificate ${certificate.certPath}`);
  });
});
