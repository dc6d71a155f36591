/**
 * `npm run bench`: a district's CSV import on PGlite — 20,000 data values (10,000 health
 * centres, two activities) checked and written, re-imported unchanged, dry-run and updated.
 * The same passes as src/server/routes/dataValuesImportLarge.test.ts, which checks what
 * they report; here only their time: of an import, from its request to its job's end (the
 * request checks the rows, the job checks them again with their locks held and writes them);
 * of a dry run, its request. Per-row round trips would take minutes; each pass
 * takes a few seconds. Prints JSON lines {"name", "value", "unit"}; measures, never asserts.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { importOrgUnits } from '../src/domain/orgTree/importTree.ts';
import { TREE, importAndWait, login, testApi } from '../test/support/api.ts';
import { P } from '../test/support/workflow.ts';

const FACILITIES = 10_000;

function emit(name: string, value: number, unit: string) {
  console.log(JSON.stringify({ name, value: Number(value.toPrecision(4)), unit }));
}

function csvOf(value: (i: number) => number): string {
  const lines = ['orgUnit,period,activity,state,value'];
  for (let i = 0; i < FACILITIES; i++) {
    lines.push(`big_${i},202401,consultation,declared,${value(i)}`, `big_${i},202401,delivery,declared,${value(i) % 7}`);
  }
  return lines.join('\n');
}

const api = await testApi('pglite');
const extra = Array.from({ length: FACILITIES }, (_, i) => ({ id: `big_${i}`, name: `CDS ${i}`, parent: 'd1', groups: { type: 'cds' } }));
await api.database.db.transaction((tx) => importOrgUnits(tx, null, 'test_pbf', [...TREE, ...extra]));
const clerk = await login(api.app, 'clerk');

async function seconds(csv: string, query = ''): Promise<number> {
  const started = performance.now();
  const response = await api.app.inject({
    method: 'POST',
    url: `${P}/data-values/import${query}`,
    headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrfToken, 'content-type': 'text/csv' },
    payload: csv,
  });
  const answer = await importAndWait(api.app, clerk, response);
  if (answer.statusCode !== 200) throw new Error(`import: ${answer.statusCode} ${answer.body.slice(0, 500)}`);
  return (performance.now() - started) / 1000;
}

emit('import.create_20000_seconds', await seconds(csvOf((i) => i % 500)), 's');
emit('import.unchanged_20000_seconds', await seconds(csvOf((i) => i % 500)), 's');
await api.database.db.execute(
  sql`insert into period_status (programme_id, org_unit_id, period, package, status) select 'test_pbf', 'big_' || i, '202401', 'quantity', 'open' from generate_series(0, ${FACILITIES - 1}) i`,
);
emit('import.dry_run_20000_seconds', await seconds(csvOf((i) => (i % 500) + 1), '?dryRun=true'), 's');
emit('import.update_20000_seconds', await seconds(csvOf((i) => (i % 500) + 1)), 's');
await api.close();
