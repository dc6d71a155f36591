import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOrgUnits } from '../../domain/orgTree/importTree.ts';
import { TREE, importAndWait, login, testApi, type Session, type TestApi } from '../../../test/support/api.ts';
import { backends } from '../../../test/support/database.ts';
import { P } from '../../../test/support/workflow.ts';

const FACILITIES = 10_000;

/** The test tree with 10,000 more health centres under district 1 (inside the clerk's p1). */
function largeTree() {
  const extra = Array.from({ length: FACILITIES }, (_, i) => ({ id: `big_${i}`, name: `CDS ${i}`, parent: 'd1', groups: { type: 'cds' } }));
  return [...TREE, ...extra];
}

function csvOf(value: (i: number) => number): string {
  const lines = ['orgUnit,period,activity,state,value'];
  for (let i = 0; i < FACILITIES; i++) {
    lines.push(`big_${i},202401,consultation,declared,${value(i)}`, `big_${i},202401,delivery,declared,${value(i) % 7}`);
  }
  return lines.join('\n');
}

describe.each(backends)('a large data value import (%s)', (kind) => {
  let api: TestApi;
  let clerk: Session;
  beforeAll(async () => {
    api = await testApi(kind);
    await api.database.db.transaction((tx) => importOrgUnits(tx, null, 'test_pbf', largeTree()));
    clerk = await login(api.app, 'clerk');
  });
  afterAll(() => api.close());

  const post = async (csv: string, query = '') => {
    const response = await api.app.inject({
      method: 'POST',
      url: `${P}/data-values/import${query}`,
      headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrfToken, 'content-type': 'text/csv' },
      payload: csv,
    });
    // An import answers 202 and its job's result is the report (importAndWait); a dry run answers it.
    const answer = await importAndWait(api.app, clerk, response);
    expect(answer.statusCode, answer.body.slice(0, 500)).toBe(200);
    return { report: answer.json() };
  };

  // How long each pass takes is bench/imports.ts's figure.
  it('checks and writes 20,000 rows, re-imports them as unchanged, and updates them all', async () => {
    const first = await post(csvOf((i) => i % 500));
    expect(first.report).toMatchObject({ rows: 2 * FACILITIES, created: 2 * FACILITIES, rejected: 0 });
    const again = await post(csvOf((i) => i % 500));
    expect(again.report).toMatchObject({ created: 0, updated: 0, unchanged: 2 * FACILITIES });
    // Open but tracked, as corrections before declaring are: every value guarded by a status row of its own.
    await api.database.db.execute(
      sql`insert into period_status (programme_id, org_unit_id, period, package, status) select 'test_pbf', 'big_' || i, '202401', 'quantity', 'open' from generate_series(0, ${FACILITIES - 1}) i`,
    );
    const dryRun = await post(csvOf((i) => (i % 500) + 1), '?dryRun=true');
    expect(dryRun.report).toMatchObject({ created: 0, updated: 2 * FACILITIES, unchanged: 0 });
    const update = await post(csvOf((i) => (i % 500) + 1));
    expect(update.report).toMatchObject({ created: 0, updated: 2 * FACILITIES, unchanged: 0 });
  });
});

