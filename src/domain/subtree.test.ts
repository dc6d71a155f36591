import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, testDatabase } from '../../test/support/database.ts';
import type { Database } from '../store/database.ts';
import { orgUnits, programmes } from '../store/schema.ts';
import { ancestorIds, underPath } from './subtree.ts';

describe.each(backends)('underPath (%s)', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await testDatabase(kind);
    await database.db.insert(programmes).values({ id: 'p', name: 'P', currency: 'BIF' });
    const unit = (id: string, path: string) => ({ programmeId: 'p', id, name: id, level: path.split('/').length - 2, path });
    await database.db.insert(orgUnits).values([unit('ds_1', '/bi/ds_1/'), unit('cds_a', '/bi/ds_1/cds_a/'), unit('dsx1', '/bi/dsx1/'), unit('cds_b', '/bi/dsx1/cds_b/')]);
  });
  afterAll(() => database.close());

  it('keeps a subtree to itself: an _ in an id is not a wildcard', async () => {
    const rows = await database.db.select({ id: orgUnits.id }).from(orgUnits).where(underPath(orgUnits.path, '/bi/ds_1/'));
    expect(rows.map((row) => row.id).sort()).toEqual(['cds_a', 'ds_1']);
  });
});

describe('ancestorIds', () => {
  it('lists the ancestors from the root, without the unit', () => {
    expect(ancestorIds('/bi/p1/d1/cds_1/')).toEqual(['bi', 'p1', 'd1']);
  });
});
