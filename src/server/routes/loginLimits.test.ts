import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, testApi, type TestApi } from '../../../test/support/api.ts';
import { backends } from '../../../test/support/database.ts';
import { errorDetails } from '../../contract/errors.ts';
import { LOGIN_LIMITS } from '../../domain/auth/loginLimits.ts';
import { users } from '../../store/schema.ts';
import { buildApp } from '../app.ts';

describe.each(backends)('sign-in limits (%s)', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi(kind);
  });
  afterAll(() => api.close());

  const attempt = (username: string, password: string, app = api.app, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });
  const stateOf = async (username: string) =>
    (await api.database.db.select({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil, lastLoginAt: users.lastLoginAt }).from(users).where(eq(users.username, username)))[0]!;

  it('locks an account after ten wrong passwords, saying when to retry, without locking another account from the same address', async () => {
    const answers = [];
    for (let i = 0; i < LOGIN_LIMITS.failures; i++) answers.push(await attempt('clerk', 'wrong password'));
    expect(answers.map((answer) => answer.statusCode)).toEqual([...Array(9).fill(401), 429]);
    const locked = await attempt('clerk', PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toMatchObject({ code: 'ACCOUNT_LOCKED', message: expect.stringMatching(/^too many wrong passwords for this account: try again after .* \(in 15 minute\(s\)\)$/) });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(errorDetails.ACCOUNT_LOCKED.parse(locked.json().error.details)).toEqual(locked.json().error.details);
    expect((await attempt('verifier', PASSWORD)).statusCode).toBe(200);

    // The quarter of an hour over: the right password opens, and the count starts again.
    await api.database.db.update(users).set({ lockedUntil: new Date(Date.now() - 1_000) }).where(eq(users.username, 'clerk'));
    expect((await attempt('clerk', PASSWORD)).statusCode).toBe(200);
    expect(await stateOf('clerk')).toMatchObject({ failedLogins: 0, lockedUntil: null, lastLoginAt: expect.any(Date) });
  });

  it('answers an unknown user name as it would an account, lock included, and stores nothing for it', async () => {
    const known: LightMyRequestResponse[] = [];
    const unknown: LightMyRequestResponse[] = [];
    for (let i = 0; i < LOGIN_LIMITS.failures + 1; i++) {
      known.push(await attempt('payer', 'wrong password'));
      unknown.push(await attempt(`nobody.${kind}`, 'wrong password'));
    }
    const shape = (answer: LightMyRequestResponse) => [answer.statusCode, answer.json().error.code, answer.json().error.message.replace(/after .*$/, '')];
    expect(unknown.map(shape)).toEqual(known.map(shape));
    expect(unknown.at(-1)!.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(await api.database.db.select().from(users).where(eq(users.username, `nobody.${kind}`))).toEqual([]);
  });

  it('forgets wrong passwords once the right one is given', async () => {
    for (let i = 0; i < 3; i++) await attempt('auditor', 'wrong password');
    expect((await stateOf('auditor')).failedLogins).toBe(3);
    expect((await attempt('auditor', PASSWORD)).statusCode).toBe(200);
    expect((await stateOf('auditor')).failedLogins).toBe(0);
  });

  it('limits attempts per client address, which is the proxy’s unless TRUST_PROXY names it', async () => {
    const direct = await buildApp({ database: api.database, loginAttemptsPerMinute: 2 });
    const spoofed = [];
    for (const client of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) {
      spoofed.push((await attempt('validator', 'wrong password', direct, { 'x-forwarded-for': client })).statusCode);
    }
    expect(spoofed).toEqual([401, 401, 429]);
    expect((await direct.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'validator', password: PASSWORD }, remoteAddress: '198.51.100.7' })).statusCode).toBe(200);
    await direct.close();

    const proxied = await buildApp({ database: api.database, loginAttemptsPerMinute: 2, trustProxy: '127.0.0.1' });
    const office = [];
    for (let i = 0; i < 3; i++) office.push((await attempt('validator', 'wrong password', proxied, { 'x-forwarded-for': '203.0.113.9' })).statusCode);
    expect(office).toEqual([401, 401, 429]);
    expect((await attempt('validator', PASSWORD, proxied, { 'x-forwarded-for': '203.0.113.10' })).statusCode).toBe(200);
    await proxied.close();
  });
});
