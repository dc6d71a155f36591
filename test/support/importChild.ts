/**
 * The child process of the import memory test: on a fresh test database it posts one dry-run
 * CSV import of `rows` declared values over `periods` months (from 201001, under rules in force
 * from then: months to come are refused) as the clerk, and
 * prints one JSON line: the answer's status and report, the seconds the import took, and the
 * process's peak resident memory. Run with --max-old-space-size to bound its heap.
 *
 * Usage: node --max-old-space-size=N --import tsx importChild.ts <pglite|postgres> <rows> <periods>
 */
import { importOrgUnits } from '../../src/domain/orgTree/importTree.ts';
import { saveProgrammeVersion } from '../../src/domain/programmes.ts';
import { PROGRAMME_DEFINITION, TREE, login, testApi } from './api.ts';
import { P } from './workflow.ts';

const [kind, rowsArgument, periodsArgument] = process.argv.slice(2) as ['pglite' | 'postgres', string, string];
const rows = Number(rowsArgument);
const periods = Number(periodsArgument);
const ACTIVITIES = ['consultation', 'delivery'];
const units = Math.ceil(rows / (periods * ACTIVITIES.length));

/** Months from 201001, as many as asked. */
function months(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${2010 + Math.floor(i / 12)}${String((i % 12) + 1).padStart(2, '0')}`);
}

/** `rows` lines: every unit, month and activity, in that order, cut at `rows`. */
function csv(): string {
  const lines = ['orgUnit,period,activity,state,value'];
  for (const period of months(periods)) {
    for (let unit = 0; unit < units; unit++) {
      for (const activity of ACTIVITIES) {
        if (lines.length > rows) return lines.join('\n');
        lines.push(`mem_${unit},${period},${activity},declared,${(unit % 97) + 1}`);
      }
    }
  }
  return lines.join('\n');
}

const api = await testApi(kind);
const extra = Array.from({ length: units }, (_, i) => ({ id: `mem_${i}`, name: `CDS ${i}`, parent: 'd1', groups: { type: 'cds' } }));
await api.database.db.transaction(async (tx) => {
  await importOrgUnits(tx, null, 'test_pbf', [...TREE, ...extra]);
  const designer = { userId: api.users.designer, username: 'designer', name: '', locale: 'en', grants: [], platformAdmin: false };
  await saveProgrammeVersion(tx, designer, 'test_pbf', { definition: PROGRAMME_DEFINITION, effectiveFrom: '201001' });
});
const clerk = await login(api.app, 'clerk');
const payload = csv();
const started = performance.now();
const response = await api.app.inject({
  method: 'POST',
  url: `${P}/data-values/import?dryRun=true`,
  headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrfToken, 'content-type': 'text/csv' },
  payload,
});
const seconds = (performance.now() - started) / 1000;
const { errors, ...report } = response.json();
process.stdout.write(
  JSON.stringify({ status: response.statusCode, report, errors: errors?.length, seconds, bytes: payload.length, peakRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n',
);
await api.close();
