import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMME, TREE, call, login, testApi, type Session, type TestApi } from '../../../test/support/api.ts';
import { enterValues, quantityRows } from '../../../test/support/invoices.ts';
import { backends } from '../../../test/support/database.ts';
import { grantRole } from '../../domain/users.ts';
import { auditLog, orgUnits } from '../../store/schema.ts';
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

describe.each(backends)('org-unit tree edits (%s)', (kind) => {
  let api: TestApi;
  let admin: Session;
  const tree = async () => (await call(api.app, admin, 'GET', `${UNITS}?search=&limit=1000`)).json().items as { id: string; name: string; path: string }[];
  const treeAudit = () => api.database.db.select().from(auditLog).where(eq(auditLog.entity, 'org_unit'));
  beforeAll(async () => {
    api = await testApi(kind);
    admin = await login(api.app, 'admin');
    await enterValues(api.database.db, quantityRows('cds_3', '202401', { consultation: 4, delivery: 1 }));
  });
  afterAll(() => api.close());

  it('refuses to empty the tree: every unit holding records is listed, nothing changes, grants stay', async () => {
    const before = await tree();
    const response = await call(api.app, admin, 'PUT', UNITS, { units: [] });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toBe(
      "3 units holding records would be removed or moved: 'bi' (removed; 2 role grants), 'p1' (removed; 7 role grants), 'cds_3' (removed; 6 data values); nothing was changed (send force with a reason to apply anyway)",
    );
    const orphans = response.json().error.details.orphans as { id: string; holds: Record<string, number> }[];
    expect(orphans.find((orphan) => orphan.id === 'cds_3')).toEqual({ id: 'cds_3', change: 'remove', holds: { 'data values': 6 } });
    expect(await tree()).toEqual(before);
    expect((await call(api.app, await login(api.app, 'clerk'), 'GET', '/api/auth/me')).json().grants).toHaveLength(1);
  });

  it('refuses a tree re-rooted under a province, which would move every unit holding records', async () => {
    const units = TREE.map((unit) => (unit.id === 'bi' ? { ...unit, parent: 'p1' } : unit.id === 'p1' ? { ...unit, parent: undefined } : unit));
    const response = await call(api.app, admin, 'PUT', UNITS, { units });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.details.orphans.map((orphan: { id: string }) => orphan.id).sort()).toEqual(['bi', 'p1']);
  });

  it('refuses ids that could pass for a path, naming the unit', async () => {
    const response = await call(api.app, admin, 'PUT', UNITS, { units: [...TREE, { id: 'd1/cds_9', parent: 'd1' }] });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0]).toMatchObject({ at: 'body.units.8.id' });
    const added = await call(api.app, admin, 'POST', UNITS, { id: 'p1/x', parent: 'bi' });
    expect(added.statusCode).toBe(400);
  });

  it('reports a dry run without writing, then applies the same import unit by unit, audited with old and new values', async () => {
    const units = [...TREE.map((unit) => (unit.id === 'cds_2' ? { ...unit, name: 'CDS Deux bis' } : unit)), { id: 'cds_4', name: 'CDS Quatre', parent: 'd2' }];
    const dry = await call(api.app, admin, 'PUT', `${UNITS}?dryRun=true`, { units });
    expect(dry.json()).toMatchObject({ dryRun: true, added: 1, updated: 1, moved: 0, removed: 0, orphans: [] });
    expect((await tree()).map((unit) => unit.id)).not.toContain('cds_4');
    const applied = await call(api.app, admin, 'PUT', UNITS, { units });
    expect(applied.json()).toMatchObject({ dryRun: false, added: 1, updated: 1 });
    const audit = await treeAudit();
    expect(audit.map((entry) => [entry.action, entry.entityKey, entry.oldValue, entry.newValue])).toEqual(
      expect.arrayContaining([
        ['update', 'cds_2', { name: 'CDS Deux' }, { name: 'CDS Deux bis' }],
        ['add', 'cds_4', null, expect.objectContaining({ id: 'cds_4', name: 'CDS Quatre', parent: 'd2' })],
      ]),
    );
    // The same file again changes nothing.
    expect((await call(api.app, admin, 'PUT', UNITS, { units })).json()).toMatchObject({ added: 0, updated: 0, moved: 0, removed: 0 });
  });

  it('removes units holding records only with force and a reason, audited', async () => {
    const units = TREE.filter((unit) => unit.id !== 'cds_3');
    expect((await call(api.app, admin, 'PUT', UNITS, { units, force: true })).json().error.message).toBe('reason: say why units holding records are removed or moved');
    const forced = await call(api.app, admin, 'PUT', UNITS, { units, force: true, reason: 'closed in 2023, entered by mistake' });
    expect(forced.json()).toMatchObject({ removed: 2, orphans: [{ id: 'cds_3', change: 'remove', holds: { 'data values': 6 } }] });
    const [removal] = (await treeAudit()).filter((entry) => entry.action === 'remove' && entry.entityKey === 'cds_3');
    expect(removal).toMatchObject({ reason: 'closed in 2023, entered by mistake', oldValue: expect.objectContaining({ name: 'CDS Trois' }) });
  });

  it('adds, renames, closes and moves one unit; a moved district takes its facilities and their scope', async () => {
    expect((await call(api.app, admin, 'POST', UNITS, { id: 'd3', name: 'District 3', parent: 'p2' })).statusCode).toBe(201);
    expect((await call(api.app, admin, 'POST', UNITS, { id: 'd3', parent: 'p2' })).statusCode).toBe(409);
    expect((await call(api.app, admin, 'POST', UNITS, { id: 'other_root' })).json().error.message).toBe("parent: the tree has its root already; say under which unit 'other_root' goes");
    expect((await call(api.app, admin, 'PATCH', `${UNITS}/cds_2`, { validTo: '2024-06-30', reason: 'merged into cds_1' })).json()).toMatchObject({ updated: 1 });
    expect((await call(api.app, admin, 'PATCH', `${UNITS}/bi`, { parent: 'p1' })).statusCode).toBe(400);
    expect((await call(api.app, admin, 'PATCH', `${UNITS}/d1`, { parent: 'cds_1' })).json().error.message).toContain('its own ancestor');
    const moved = await call(api.app, admin, 'PATCH', `${UNITS}/d1`, { parent: 'p2', reason: 'redistricting' });
    expect(moved.json()).toMatchObject({ moved: 1, orphans: [] });
    expect((await tree()).find((unit) => unit.id === 'cds_1')?.path).toBe('/bi/p2/d1/cds_1/');
    // The clerk of p1 no longer reaches cds_1; one of p2 does.
    const clerk = await login(api.app, 'clerk');
    expect((await call(api.app, clerk, 'GET', `${UNITS}/cds_1`)).statusCode).toBe(403);
    const [move] = (await treeAudit()).filter((entry) => entry.action === 'move');
    expect(move).toMatchObject({ entityKey: 'd1', oldValue: { parent: 'p1' }, newValue: { parent: 'p2' }, reason: 'redistricting' });
  });

  it('lets only a role held at the root change the tree', async () => {
    await api.database.db.transaction((tx) => grantRole(tx, null, { userId: api.users.auditor, programmeId: PROGRAMME, role: 'designer', orgUnitId: 'p1' }));
    const provincial = await login(api.app, 'auditor');
    for (const [method, url, body] of [['PUT', UNITS, { units: TREE }], ['POST', UNITS, { id: 'x1', parent: 'p1' }], ['PATCH', `${UNITS}/p1`, { name: 'Mine' }]] as const) {
      const response = await call(api.app, provincial, method, url, body);
      expect(response.statusCode, url).toBe(403);
      expect(response.json().error.message).toBe("your roles do not allow 'orgUnits.manage' at the root of the tree in programme 'test_pbf'");
    }
  });
});
