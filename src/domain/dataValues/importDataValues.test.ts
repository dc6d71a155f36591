import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMME, PROGRAMME_DEFINITION, testApi, type TestApi } from '../../../test/support/api.ts';
import { backends } from '../../../test/support/database.ts';
import { actorWith } from '../../../test/support/invoices.ts';
import type { Tx } from '../../store/database.ts';
import { queryRows } from '../../store/sql.ts';
import { transaction } from '../../store/transaction.ts';
import { saveProgrammeVersion } from '../programmes.ts';
import { importDataValues } from './importDataValues.ts';

/** Reads of the versions table made so far in the transaction (PostgreSQL's own counters). */
async function versionReads(tx: Tx): Promise<number> {
  const [row] = await queryRows<{ reads: number }>(
    tx,
    sql`select (seq_scan + coalesce(idx_scan, 0))::int as reads from pg_stat_xact_user_tables where relname = 'programme_versions'`,
  );
  return row!.reads;
}

/** Months from 202401, as many as asked. */
const months = (count: number) => Array.from({ length: count }, (_, i) => `${2024 + Math.floor(i / 12)}${String((i % 12) + 1).padStart(2, '0')}`);

describe.each(backends)('importing values (%s)', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi(kind);
  });
  afterAll(() => api.close());

  it('reads the rules versions once for an import over many periods, and picks the one in force for each', async () => {
    // A second version from 202501; saving it also forgets any versions cached, so the import reads them.
    const designer = actorWith(api.users.designer, 'designer');
    const definition = { ...PROGRAMME_DEFINITION, packages: [{ ...PROGRAMME_DEFINITION.packages[0]!, activities: [{ code: 'consultation', constants: { tariff: 300 } }] }] };
    await transaction(api.database.db, (tx) => saveProgrammeVersion(tx, designer, PROGRAMME, { definition, effectiveFrom: '202501' }));
    // Deliveries are read by version 1 only: refused from 202501 on.
    const rows = months(36).flatMap((period) => ['consultation', 'delivery'].map((activity) => ({ orgUnit: 'cds_1', period, activity, state: 'declared', value: 1 })));

    const { reads, report } = await transaction(api.database.db, async (tx) => {
      const before = await versionReads(tx);
      const report = await importDataValues(tx, actorWith(api.users.clerk, 'clerk'), { programmeId: PROGRAMME, source: rows, dryRun: true, partial: false });
      return { reads: (await versionReads(tx)) - before, report };
    });
    expect(reads).toBe(1);
    expect(report).toMatchObject({ rows: 72, created: 12 * 2 + 24, rejected: 24 });
    expect(new Set(report.errors.map((error) => `${rows[error.row - 1]!.activity} ${error.code}`))).toEqual(new Set(['delivery UNKNOWN_ACTIVITY']));
  });
});
