import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../store/database.ts';
import { PROGRAMME, TREE, seed } from '../../../test/support/api.ts';
import { backends } from '../../../test/support/database.ts';
import { actorWith, enterValues, quantityRows, runCounts, setStatus, throwawayPostgres } from '../../../test/support/invoices.ts';
import { repoPath } from '../../../test/support/cases.ts';
import { importOrgUnits } from '../orgTree/importTree.ts';
import { runInvoices } from './runInvoices.ts';

const FACILITIES = 3000;
const CHILD = repoPath('test/support/invoiceRunChild.ts');

/** The test tree with FACILITIES more health centres under d1, all validated for January. */
async function prepare(database: Database): Promise<number> {
  const users = await seed(database);
  const extra = Array.from({ length: FACILITIES }, (_, i) => ({ id: `cds_x${i}`, parent: 'd1', groups: { type: 'cds' } }));
  await database.db.transaction((tx) => importOrgUnits(tx, null, PROGRAMME, [...TREE, ...extra]));
  const units = extra.map((unit) => unit.id);
  await enterValues(database.db, units.flatMap((unit, i) => quantityRows(unit, '202401', { consultation: 10 + (i % 7), delivery: i % 3 })));
  await setStatus(database.db, units, '202401', 'validated');
  return users.validator;
}

/** Starts the child, waits until its run has written a first batch, and kills it with SIGKILL. */
function killMidRun(kind: string, location: string, userId: number): Promise<{ signal: NodeJS.Signals | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, kind, location, String(userId)], { cwd: repoPath(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready')) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ signal, output }));
  });
}

describe.each(backends)('an invoice run killed mid-transaction (%s)', (kind) => {
  it('leaves no run, invoice, value or input behind, and the run succeeds afterwards', { timeout: 180_000 }, async () => {
    const place = kind === 'postgres' ? await throwawayPostgres() : { url: mkdtempSync(join(tmpdir(), 'openpbf-fault-')), drop: async () => undefined };
    const options = kind === 'postgres' ? { url: place.url } : { dataDir: place.url };
    try {
      const setup = await openDatabase(options);
      const validator = await prepare(setup);
      await setup.close();

      const { signal, output } = await killMidRun(kind, place.url, validator);
      expect(output).toContain('ready');
      expect(output).not.toContain('finished');
      expect(signal).toBe('SIGKILL');

      const reopened = await openDatabase(options);
      expect(await runCounts(reopened)).toEqual({ runs: 0, invoices: 0, run_values: 0, inputs: 0, audits: 0, invoiced: 0 });
      const answer = await runInvoices(reopened.db, actorWith(validator, 'validator'), { programmeId: PROGRAMME, orgUnitId: 'p1', period: '202401' });
      expect(answer.run).toMatchObject({ status: 'completed', invoiceCount: FACILITIES });
      expect(await runCounts(reopened)).toMatchObject({ runs: 1, invoices: FACILITIES, audits: 1, invoiced: FACILITIES });
      await reopened.close();
    } finally {
      if (kind === 'pglite') rmSync(place.url, { recursive: true, force: true });
      await place.drop();
    }
  });
});
