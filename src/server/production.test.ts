import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/logins.ts';
import { createUser } from '../domain/users.ts';
import { openDatabase } from '../store/database.ts';
import { programmes, users } from '../store/schema.ts';
import { configFromEnvironment } from './settings.ts';
import { prepareServer, startBanner, type PreparedServer } from './startup.ts';

const HOOK_TIMEOUT = 60_000;
const SECRET = 'a-test-secret-of-at-least-32-characters';

describe('npm start in production mode', () => {
  let dataDir: string;
  let server: PreparedServer | undefined;
  const production = (env: NodeJS.ProcessEnv = {}) =>
    configFromEnvironment({ NODE_ENV: 'production', DATA_DIR: dataDir, SESSION_SECRET: SECRET, LOG_LEVEL: 'silent', ...env });

  afterEach(async () => {
    await server?.app.close();
    await server?.database.close();
    server = undefined;
    await rm(dataDir, { recursive: true, force: true });
  });

  async function withAccounts(accounts: { username: string; password: string }[]) {
    const database = await openDatabase({ dataDir });
    await database.db.transaction(async (tx) => {
      for (const account of accounts) await createUser(tx, null, { ...account, name: `The ${account.username}` });
    });
    return database;
  }

  it('refuses to start without SESSION_SECRET, before opening the store', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'openpbf-prod-'));
    const config = configFromEnvironment({ NODE_ENV: 'production', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    await expect(prepareServer(config)).rejects.toThrow('production mode needs SESSION_SECRET (at least 32 characters');
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(false);
  }, HOOK_TIMEOUT);

  it('starts on an empty store without the demo, says how to create the first administrator, and sets Secure cookies', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'openpbf-prod-'));
    const config = production();
    server = await prepareServer(config);
    expect(server.demo).toEqual({ loaded: null, present: false });
    expect(server.accounts).toBe(0);
    expect(await server.database.db.select().from(programmes)).toEqual([]);
    const banner = startBanner('https://pbf.example.org', config, server);
    expect(banner).toContain('(production mode)');
    expect(banner).toContain('npx openpbf users create-admin --username <name>');
    expect(banner).not.toContain('Demo logins');
    expect(banner).not.toContain(DEMO_PASSWORD);

    await server.database.db.transaction((tx) => createUser(tx, null, { username: 'first', name: 'First', password: 'a long enough phrase of words' }));
    const login = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'first', password: 'a long enough phrase of words' } });
    expect(login.statusCode).toBe(200);
    expect(login.cookies.find((cookie) => cookie.name === 'openpbf_session')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });
  }, HOOK_TIMEOUT);

  it('refuses to start while an active demo account keeps the demo password, and starts once it is deactivated', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'openpbf-prod-'));
    const database = await withAccounts([
      { username: 'clerk', password: DEMO_PASSWORD },
      { username: 'payer', password: 'another long password here' },
    ]);
    await database.close();
    const refusal = prepareServer(production());
    await expect(refusal).rejects.toThrow('production mode: the active account(s) clerk still have the demo password "openpbf-demo"');
    await expect(refusal).rejects.toThrow('POST /api/users/<id>/password-reset');

    const again = await openDatabase({ dataDir });
    await again.db.update(users).set({ active: false }).where(eq(users.username, 'clerk'));
    await again.close();
    server = await prepareServer(production());
    expect(server.accounts).toBe(1);
  }, HOOK_TIMEOUT);

  it('loads no demo outside production either with DEMO=off', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'openpbf-dev-'));
    server = await prepareServer(configFromEnvironment({ DATA_DIR: dataDir, DEMO: 'off', LOG_LEVEL: 'silent' }));
    expect(server.demo).toEqual({ loaded: null, present: false });
    expect(await server.database.db.select().from(programmes)).toEqual([]);
  }, HOOK_TIMEOUT);
});
