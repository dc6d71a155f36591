import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMME, call, login, testApi, type Session, type TestApi } from '../../../test/support/api.ts';
import { backends } from '../../../test/support/database.ts';
import { grantRole } from '../../domain/users.ts';
import { orgUnits } from '../../store/schema.ts';
import { transaction } from '../../store/transaction.ts';

const UNITS = `/api/programmes/${PROGRAMME}/org-units`;

describe.each(backends)('org-unit lists (%s)', (kind) => {
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

  it('lists a parent’s children page by page, with the total past the last page', async () => {
    const first = (await call(api.app, clerk, 'GET', `${UNITS}?parent=d1&limit=1`)).json();
    expect(first).toMatchObject({ total: 2, limit: 1, offset: 0, items: [{ id: 'cds_1', parentId: 'd1', path: '/bi/p1/d1/cds_1/' }] });
    expect((await call(api.app, clerk, 'GET', `${UNITS}?parent=d1&limit=1&offset=1`)).json().items).toMatchObject([{ id: 'cds_2' }]);
    expect((await call(api.app, clerk, 'GET', `${UNITS}?parent=d1&offset=5`)).json()).toMatchObject({ total: 2, items: [] });
  });

  it('answers lists of children asked for at the same time (one query for those alike) each with its own page and total', async () => {
    const queries = ['parent=d1&limit=1', 'parent=d1&limit=1&offset=1', 'parent=p1', 'parent=d1', 'parent=d1&offset=7', 'parent=cds_1'];
    const together = await Promise.all(queries.map((query) => call(api.app, clerk, 'GET', `${UNITS}?${query}`)));
    const alone = [];
    for (const query of queries) alone.push((await call(api.app, clerk, 'GET', `${UNITS}?${query}`)).json());
    expect(together.map((list) => list.json())).toEqual(alone);
    expect(alone.map((list) => `${list.items.map((unit: { id: string }) => unit.id).join(' ')} of ${list.total}`)).toEqual([
      'cds_1 of 2',
      'cds_2 of 2',
      'd1 of 1',
      'cds_1 cds_2 of 2',
      ' of 2',
      ' of 0',
    ]);
  });

  it('answers a unit and a list with the fields the API documents, not the stored row', async () => {
    const unit = (await call(api.app, clerk, 'GET', `${UNITS}/cds_1`)).json();
    const [listed] = (await call(api.app, clerk, 'GET', `${UNITS}?ids=cds_1`)).json().items;
    for (const answer of [unit, listed]) {
      expect(Object.keys(answer).sort()).toEqual(['attributes', 'groups', 'id', 'level', 'name', 'parentId', 'path', 'validFrom', 'validTo']);
    }
  });

  it('answers units asked for at the same time (one query for all) each with its own row', async () => {
    const ids = ['cds_2', 'cds_1', 'd1', 'cds_1'];
    const together = await Promise.all(ids.map((id) => call(api.app, clerk, 'GET', `${UNITS}/${id}`)));
    expect(together.map((unit) => unit.json().id)).toEqual(ids);
    expect(together[1]!.json()).toEqual((await call(api.app, clerk, 'GET', `${UNITS}/cds_1`)).json());
  });

  it('searches ids and names in the user’s scope, taking _ and % literally', async () => {
    const ids = async (search: string) =>
      (await call(api.app, clerk, 'GET', `${UNITS}?search=${encodeURIComponent(search)}`)).json().items.map((unit: { id: string }) => unit.id);
    expect(await ids('cds_')).toEqual(['cds_1', 'cds_2']);
    expect(await ids('deux')).toEqual(['cds_2']);
    expect(await ids('D_s')).toEqual([]);
    expect(await ids('%')).toEqual([]);
  });

  it('lists the union of the user’s subtrees when it holds several grants', async () => {
    const ids = async () => (await call(api.app, clerk, 'GET', `${UNITS}?search=cds`)).json().items.map((unit: { id: string }) => unit.id);
    expect(await ids()).toEqual(['cds_1', 'cds_2']);
    await transaction(api.database.db, (tx) =>
      grantRole(tx, null, { userId: api.users.clerk, programmeId: PROGRAMME, role: 'clerk', orgUnitId: 'd2' }),
    );
    expect(await ids()).toEqual(['cds_1', 'cds_2', 'cds_3']);
  });

  it('answers a unit alike as a parent’s child, in a list of ids and by id, validity dates included', async () => {
    await api.database.db
      .update(orgUnits)
      .set({ validFrom: '2024-01-01', validTo: '2030-12-31', attributes: { population: 1234.5 } })
      .where(and(eq(orgUnits.programmeId, PROGRAMME), eq(orgUnits.id, 'cds_2')));
    const unit = (await call(api.app, clerk, 'GET', `${UNITS}/cds_2`)).json();
    expect(unit).toMatchObject({ id: 'cds_2', validFrom: '2024-01-01', validTo: '2030-12-31', attributes: { population: 1234.5 }, groups: { equity: 'cat2' } });
    const children = (await call(api.app, clerk, 'GET', `${UNITS}?parent=d1`)).json().items;
    expect(children.find((child: { id: string }) => child.id === 'cds_2')).toEqual(unit);
    expect((await call(api.app, clerk, 'GET', `${UNITS}?ids=cds_2`)).json().items).toEqual([unit]);
  });

  it('refuses more than 1,000 ids, naming the field', async () => {
    const ids = Array.from({ length: 1001 }, (_, i) => `u${i}`).join(',');
    const response = await call(api.app, clerk, 'GET', `${UNITS}?ids=${ids}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('ids');
  });
});
