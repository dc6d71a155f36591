import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, call, login, testApi, type Session, type TestApi } from '../../../test/support/api.ts';
import { backends } from '../../../test/support/database.ts';
import { errorDetails } from '../../contract/errors.ts';
import { auditLog, users } from '../../store/schema.ts';

const NEW_PASSWORD = 'a brand new sentence for spring';

describe.each(backends)('passwords: change and reset (%s)', (kind) => {
  let api: TestApi;
  let admin: Session;
  beforeAll(async () => {
    api = await testApi(kind);
    admin = await login(api.app, 'admin');
  });
  afterAll(() => api.close());

  const withLanguage = (session: Session, url: string, payload: object, language: string) =>
    api.app.inject({ method: 'POST', url, payload, headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'accept-language': language } });

  it("refuses 'aaaaaaaaaa' when an admin creates a user, naming the field, with zxcvbn's advice in the admin's language", async () => {
    const response = await call(api.app, admin, 'POST', '/api/users', { username: 'weak.user', name: 'Weak', password: 'aaaaaaaaaa', locale: 'en' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'WEAK_PASSWORD',
      message: expect.stringMatching(/^password: trop facile à deviner \(force 0 sur 4, il faut au moins 3\)\. Les caractères répétés/),
      details: { at: 'password', reason: 'guessable', score: 0, warning: expect.stringContaining('Les caractères répétés') },
    });
  });

  it('changes one’s own password: proves the current one, keeps this session, ends the others', async () => {
    const here = await login(api.app, 'verifier');
    const elsewhere = await login(api.app, 'verifier');
    const wrong = await call(api.app, here, 'POST', '/api/auth/password', { currentPassword: 'not it at all', newPassword: NEW_PASSWORD });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'WRONG_PASSWORD', message: 'currentPassword: wrong password' });
    const weak = await withLanguage(here, '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'aaaaaaaaaa' }, 'fr-FR,fr;q=0.9,en;q=0.8');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({ code: 'WEAK_PASSWORD', message: expect.stringMatching(/^newPassword: trop facile à deviner .*Les caractères répétés/) });
    const personal = await call(api.app, here, 'POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'The-Verifier-2026!' });
    expect(personal.json().error).toMatchObject({ code: 'WEAK_PASSWORD', details: { at: 'newPassword', reason: 'personal' } });
    for (const refused of [weak, personal]) expect(errorDetails.WEAK_PASSWORD.parse(refused.json().error.details)).toEqual(refused.json().error.details);

    const changed = await call(api.app, here, 'POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await call(api.app, here, 'GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await call(api.app, elsewhere, 'GET', '/api/auth/me')).statusCode).toBe(401);
    await expect(login(api.app, 'verifier')).rejects.toThrow('401');
    await login(api.app, 'verifier', NEW_PASSWORD);
  });

  it('resets a user’s password: a generated one returned once, their sessions ended, nothing else allowed until they choose a new one', async () => {
    const before = await login(api.app, 'clerk');
    const reset = await call(api.app, admin, 'POST', `/api/users/${api.users.clerk}/password-reset`, {});
    expect(reset.statusCode, reset.body).toBe(200);
    const temporary: string = reset.json().temporaryPassword;
    expect(temporary).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect((await call(api.app, before, 'GET', '/api/auth/me')).statusCode).toBe(401);
    await expect(login(api.app, 'clerk')).rejects.toThrow('401');

    const signIn = await api.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk', password: temporary } });
    expect(signIn.json()).toMatchObject({ username: 'clerk', mustChangePassword: true });
    const clerk = await login(api.app, 'clerk', temporary);
    expect((await call(api.app, clerk, 'GET', '/api/auth/me')).json()).toMatchObject({ mustChangePassword: true });
    expect((await call(api.app, clerk, 'GET', '/api/programmes')).statusCode).toBe(200);
    const refused = await call(api.app, clerk, 'GET', '/api/programmes/test_pbf/org-units/cds_1');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const same = await call(api.app, clerk, 'POST', '/api/auth/password', { currentPassword: temporary, newPassword: temporary });
    expect(same.json().error).toMatchObject({ code: 'VALIDATION', message: 'newPassword: must differ from the current password' });
    expect((await call(api.app, clerk, 'POST', '/api/auth/password', { currentPassword: temporary, newPassword: NEW_PASSWORD })).statusCode).toBe(204);
    expect((await call(api.app, clerk, 'GET', '/api/auth/me')).json()).toMatchObject({ mustChangePassword: false });
    expect((await call(api.app, clerk, 'GET', '/api/programmes/test_pbf/org-units/cds_1')).statusCode).toBe(200);

    const audit = await api.database.db.select().from(auditLog).where(eq(auditLog.entityKey, 'clerk'));
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(['reset-password', 'change-password']));
    expect(JSON.stringify(audit)).not.toContain(temporary);
  });

  it('sets the temporary password an admin gives, checked like any other and never echoed', async () => {
    const weak = await call(api.app, admin, 'POST', `/api/users/${api.users.payer}/password-reset`, { temporaryPassword: 'aaaaaaaaaa' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({ code: 'WEAK_PASSWORD', details: { at: 'temporaryPassword' } });
    const given = await call(api.app, admin, 'POST', `/api/users/${api.users.payer}/password-reset`, { temporaryPassword: 'Given over the phone 7 times' });
    expect(given.json()).toEqual({ temporaryPassword: null });
    await login(api.app, 'payer', 'Given over the phone 7 times');
  });

  it('refuses a reset of one’s own account, of a user one does not manage, and of an unknown user', async () => {
    const own = await call(api.app, admin, 'POST', `/api/users/${api.users.admin}/password-reset`, {});
    expect(own.statusCode).toBe(403);
    expect(own.json().error.message).toContain('your own account');
    const designer = await login(api.app, 'designer');
    expect((await call(api.app, designer, 'POST', `/api/users/${api.users.auditor}/password-reset`, {})).statusCode).toBe(403);
    expect((await call(api.app, admin, 'POST', '/api/users/999999/password-reset', {})).statusCode).toBe(404);
  });

  it('lifts a lock with the reset', async () => {
    await api.database.db.update(users).set({ failedLogins: 10, lockedUntil: new Date(Date.now() + 3_600_000) }).where(eq(users.id, api.users.auditor));
    const reset = await call(api.app, admin, 'POST', `/api/users/${api.users.auditor}/password-reset`, {});
    await login(api.app, 'auditor', reset.json().temporaryPassword);
  });
});
