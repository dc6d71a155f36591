import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMME, call, login, testApi, type Session, type TestApi } from '../../../test/support/api.ts';
import { backends } from '../../../test/support/database.ts';
import { addUser } from '../../../test/support/invoices.ts';

/**
 * User management within one's scope: the seed's users hold their roles on province p1, the
 * admin and the designer also on the root; `admin_p1` administers p1 only.
 */
describe.each(backends)('user management (%s)', (kind) => {
  let api: TestApi;
  let nationalAdmin: Session;
  let provinceAdmin: Session;
  let provinceAdminId: number;
  let clerkP2: number;
  beforeAll(async () => {
    api = await testApi(kind);
    provinceAdminId = await addUser(api.database, 'admin_p1', 'admin', 'p1');
    clerkP2 = await addUser(api.database, 'clerk_p2', 'clerk', 'p2');
    nationalAdmin = await login(api.app, 'admin');
    provinceAdmin = await login(api.app, 'admin_p1');
  });
  afterAll(() => api.close());

  const usernames = async (session: Session) =>
    ((await call(api.app, session, 'GET', '/api/users?limit=1000')).json().items as { username: string }[]).map((user) => user.username);

  it('lists to a province admin only the users whose roles all lie in the province', async () => {
    expect(await usernames(provinceAdmin)).toEqual(['admin_p1', 'auditor', 'clerk', 'payer', 'validator', 'verifier']);
    expect(await usernames(nationalAdmin)).toEqual(['admin', 'admin_p1', 'auditor', 'clerk', 'clerk_p2', 'designer', 'payer', 'validator', 'verifier']);
  });

  it('refuses a province admin the national admin, users of another province, and roles above the province', async () => {
    const refusals: [string, string, object, string][] = [
      ['PATCH', `/api/users/${api.users.admin}`, { active: false }, "user 'admin' holds roles outside the subtrees where you may manage users"],
      ['PATCH', `/api/users/${clerkP2}`, { active: false }, "user 'clerk_p2' holds roles outside"],
      ['POST', `/api/users/${api.users.clerk}/roles`, { programmeId: PROGRAMME, role: 'clerk', orgUnitId: 'bi' }, "org unit 'bi' is outside the subtrees where you may manage users"],
      ['POST', `/api/users/${api.users.designer}/roles`, { programmeId: PROGRAMME, role: 'clerk', orgUnitId: 'd1' }, "user 'designer' holds roles outside"],
      ['DELETE', `/api/users/${api.users.admin}/roles`, { programmeId: PROGRAMME, role: 'admin', orgUnitId: 'p1' }, "user 'admin' holds roles outside"],
      ['POST', `/api/users/${provinceAdminId}/roles`, { programmeId: PROGRAMME, role: 'payer', orgUnitId: 'd1' }, 'you cannot give roles to your own account'],
    ];
    for (const [method, url, body, message] of refusals) {
      const response = await call(api.app, provinceAdmin, method as 'PATCH', url, body);
      expect(response.statusCode, url).toBe(403);
      expect(response.json().error.message).toContain(message);
    }
    // The national admin is still there and active.
    expect((await call(api.app, nationalAdmin, 'GET', '/api/auth/me')).statusCode).toBe(200);
  });

  it('lets a province admin manage the users of the province, inside it', async () => {
    expect((await call(api.app, provinceAdmin, 'POST', `/api/users/${api.users.clerk}/roles`, { programmeId: PROGRAMME, role: 'clerk', orgUnitId: 'd1' })).statusCode).toBe(204);
    expect((await call(api.app, provinceAdmin, 'DELETE', `/api/users/${api.users.clerk}/roles`, { programmeId: PROGRAMME, role: 'clerk', orgUnitId: 'd1' })).statusCode).toBe(204);
    const created = await call(api.app, provinceAdmin, 'POST', '/api/users', { username: 'new.clerk', name: 'New clerk', password: 'a long enough passphrase 42' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await call(api.app, provinceAdmin, 'POST', `/api/users/${id}/roles`, { programmeId: PROGRAMME, role: 'clerk', orgUnitId: 'd1' })).statusCode).toBe(204);
    expect((await call(api.app, provinceAdmin, 'PATCH', `/api/users/${id}`, { active: false })).statusCode).toBe(204);
    expect(await usernames(provinceAdmin)).toContain('new.clerk');
  });

  it('never lets an admin change their own account', async () => {
    const response = await call(api.app, nationalAdmin, 'PATCH', `/api/users/${api.users.admin}`, { active: false });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toBe('you cannot deactivate your own account: another administrator must');
  });
});
