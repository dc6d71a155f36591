import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, testDatabase } from '../../test/support/database.ts';
import type { Database } from '../store/database.ts';
import { orgUnits, programmes } from '../store/schema.ts';
import { unitFacts } from './unitFacts.ts';

/** One programme id, one unit id, placed differently in two databases. */
async function placed(database: Database, parent: string): Promise<void> {
  await database.db.insert(programmes).values({ id: 'pbf', name: 'PBF', currency: 'BIF' });
  await database.db.insert(orgUnits).values([
    { programmeId: 'pbf', id: parent, name: parent, level: 1, path: `/${parent}/` },
    { programmeId: 'pbf', id: 'cds', name: 'CDS', parentId: parent, level: 2, path: `/${parent}/cds/` },
  ]);
}

describe.each(backends)('unit facts of two databases in one process (%s)', (kind) => {
  let first: Database;
  let second: Database;
  beforeAll(async () => {
    [first, second] = await Promise.all([testDatabase(kind), testDatabase(kind)]);
    await placed(first, 'north');
    await placed(second, 'south');
  });
  afterAll(() => Promise.all([first.close(), second.close()]));

  it('are each database’s own: a path cached for one (which authorisation reads) is never the other’s', async () => {
    expect((await unitFacts(first.db, 'pbf', ['cds'])).get('cds')?.path).toBe('/north/cds/');
    expect((await unitFacts(second.db, 'pbf', ['cds'])).get('cds')?.path).toBe('/south/cds/');
    expect((await unitFacts(first.db, 'pbf', ['cds'])).get('cds')?.path).toBe('/north/cds/');
  });
});
