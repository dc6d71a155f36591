import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMME, call, login, testApi, type Session, type TestApi } from '../../../test/support/api.ts';
import { backends } from '../../../test/support/database.ts';

const UNITS = `/api/programmes/${PROGRAMME}/org-units`;

describe.each(backends)('org units by id (%s)', (kind) => {
  let api: TestApi;
  let clerk: Session;
  beforeAll(async () => {
    api = await testApi(kind);
    clerk = await login(api.app, 'clerk');
  });
  afterAll(() => api.close());

  it('answers the units of a list of ids in the user’s scope, leaving out the others', async () => {
    const response = await call(api.app, clerk, 'GET', `${UNITS}?ids=cds_2,cds_1,cds_3,nowhere`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ total: 2, items: [{ id: 'cds_1', name: 'CDS Un' }, { id: 'cds_2', name: 'CDS Deux' }] });
    expect((await call(api.app, clerk, 'GET', `${UNITS}?ids=`)).json().total).toBe(0);
  });

  it('refuses more than 1,000 ids, naming the field', async () => {
    const ids = Array.from({ length: 1001 }, (_, i) => `u${i}`).join(',');
    const response = await call(api.app, clerk, 'GET', `${UNITS}?ids=${ids}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('ids');
  });
});
