/**
 * The child process of the invoice-run fault test: opens the database it is given, starts
 * an invoice run over `p1` for 202401, and once the first batch of rows is written inside
 * the run's transaction, prints `ready` and waits there to be killed.
 *
 * Usage: node --import tsx invoiceRunChild.ts <pglite|postgres> <data folder|url> <user id>
 */
import { runInvoices } from '../../src/domain/invoices/runInvoices.ts';
import { openDatabase } from '../../src/store/database.ts';
import { actorWith } from './invoices.ts';
import { PROGRAMME } from './api.ts';

const [kind, location, userId] = process.argv.slice(2) as [string, string, string];
const database = await openDatabase(kind === 'postgres' ? { url: location } : { dataDir: location });
await runInvoices(database.db, actorWith(Number(userId), 'validator'), { programmeId: PROGRAMME, orgUnitId: 'p1', period: '202401' }, {
  async afterBatch() {
    process.stdout.write('ready\n');
    // Keep the process, and the transaction, alive until the test kills it.
    setInterval(() => undefined, 1000);
    await new Promise(() => undefined);
  },
});
process.stdout.write('finished\n');
