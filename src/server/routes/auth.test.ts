import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/database.ts';
import { PASSWORD, call, login, testApi, type TestApi } from '../../../test/support/api.ts';
import { buildApp } from '../app.ts';

describe.each(backends)('sign-in and sessions (%s)', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi(kind);
  });
  afterAll(() => api.close());

  it('answers the health check without a session', async () => {
    const response = await call(api.app, null, 'GET', '/api/health');
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('sets an httpOnly, SameSite session cookie and security headers', async () => {
    const response = await api.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk', password: PASSWORD } });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'openpbf_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(response.json()).toMatchObject({ username: 'clerk', grants: [{ role: 'clerk', orgUnitId: 'p1' }] });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('sets the security headers on refusals and unknown routes too', async () => {
    for (const url of ['/api/programmes', '/api/no-such-route']) {
      const response = await api.app.inject({ method: 'GET', url });
      expect([401, 404]).toContain(response.statusCode);
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    }
  });

  it('refuses a wrong password without saying whether the user exists', async () => {
    for (const username of ['clerk', 'nobody']) {
      const response = await api.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'wrong' } });
      expect(response.statusCode).toBe(401);
      expect(response.json().error).toMatchObject({ code: 'BAD_CREDENTIALS', message: 'unknown user name or wrong password' });
    }
  });

  it('refuses a request without a session, and a change without the CSRF token', async () => {
    expect((await call(api.app, null, 'GET', '/api/programmes')).statusCode).toBe(401);
    const session = await login(api.app, 'designer');
    const noToken = await api.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session.cookie } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF');
  });

  it('checks the CSRF token on the route the router matched, however its path is spelled', async () => {
    const session = await login(api.app, 'validator');
    const body = { orgUnitId: 'cds_1', period: '202401' };
    for (const url of ['/%61pi/programmes/test_pbf/invoice-runs', '/api/programmes/test_pbf/invoice%2Druns', '/api/%70rogrammes/test_pbf/invoice-runs']) {
      const response = await api.app.inject({ method: 'POST', url, payload: body, headers: { cookie: session.cookie } });
      expect([403, 404], `${url}: ${response.body}`).toContain(response.statusCode);
      if (response.statusCode === 403) expect(response.json().error.code).toBe('CSRF');
    }
  });

  it('parses no text/plain body, which another site may send without asking', async () => {
    const session = await login(api.app, 'clerk');
    const csv = 'orgUnit,period,activity,state,value\ncds_1,202401,consultation,declared,5';
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/programmes/test_pbf/data-values/import',
      payload: csv,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'text/plain' },
    });
    expect(response.statusCode).toBe(415);
    const stored = await call(api.app, session, 'GET', '/api/programmes/test_pbf/data-values?orgUnitId=cds_1&period=202401');
    expect(stored.json().values).toEqual([]);
  });

  it('tells the user, per programme, what they may do there, at sign-in and after', async () => {
    const session = await login(api.app, 'designer');
    const me = (await call(api.app, session, 'GET', '/api/auth/me')).json();
    expect(Object.keys(me.capabilities)).toEqual(['test_pbf']);
    const can = me.capabilities.test_pbf;
    expect(can['rules.write']).toEqual({ somewhere: true, national: true, roots: ['bi'] });
    expect(can['data.declare']).toEqual({ somewhere: false, national: false, roots: [] });
    expect(Object.keys(can)).toHaveLength(17);
    const clerk = await login(api.app, 'clerk');
    const signedIn = (await api.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk', password: PASSWORD } })).json();
    expect(signedIn.capabilities.test_pbf['data.declare']).toEqual({ somewhere: true, national: false, roots: ['p1'] });
    expect((await call(api.app, clerk, 'GET', '/api/auth/me')).json().capabilities.test_pbf['rules.try']).toMatchObject({ somewhere: false, national: false });
  });

  it('ends the session on sign-out', async () => {
    const session = await login(api.app, 'auditor');
    expect((await call(api.app, session, 'POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await call(api.app, session, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('limits sign-in attempts', async () => {
    const strict = await buildApp({ database: api.database, loginAttemptsPerMinute: 3 });
    const attempts = [];
    for (let i = 0; i < 4; i++) {
      attempts.push((await strict.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk', password: 'x' } })).statusCode);
    }
    expect(attempts).toEqual([401, 401, 401, 429]);
    await strict.close();
  });

  it('names the field of an invalid request', async () => {
    const response = await api.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('body.password') });
  });

  it('serves the OpenAPI document', async () => {
    const response = await call(api.app, null, 'GET', '/api/docs/json');
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.json().paths)).toContain('/api/programmes/{programmeId}/versions');
  });
});
