import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, PROGRAMME, PROGRAMME_DEFINITION, call, login, testApi, type TestApi } from '../../test/support/api.ts';
import { enterValues, quantityRows, setStatus } from '../../test/support/invoices.ts';
import type { CliContext } from './context.ts';
import { main } from './main.ts';
import { progressReporter } from './progress.ts';

const scratch = mkdtempSync(join(tmpdir(), 'openpbf-cli-run-'));
const passwordFile = (password: string) => {
  const path = join(scratch, `password-${password.length}`);
  writeFileSync(path, `${password}\n`);
  return path;
};

describe('openpbf invoices run, through the server', () => {
  let api: TestApi;
  let server: string;

  async function cli(args: string[], username = 'validator', password = PASSWORD) {
    const out: string[] = [];
    const err: string[] = [];
    const context: Partial<CliContext> = {
      out: (text) => out.push(text),
      err: (text) => err.push(text),
      stderr: Object.assign(Object.create(process.stderr), { isTTY: false }) as NodeJS.WriteStream,
      locale: 'en',
    };
    const common = ['--server', server, '--username', username, '--password-file', passwordFile(password), '--programme', PROGRAMME];
    const code = await main(['node', 'openpbf', ...args.slice(0, 2), ...common, ...args.slice(2)], context);
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  beforeAll(async () => {
    api = await testApi('pglite');
    const db = api.database.db;
    await enterValues(db, [...quantityRows('cds_1', '202401', { consultation: 100, delivery: 10 }), ...quantityRows('cds_2', '202401', { consultation: 50, delivery: 3 })]);
    await setStatus(db, ['cds_1', 'cds_2'], '202401', 'validated');
    await api.app.listen({ host: '127.0.0.1', port: 0 });
    server = `http://127.0.0.1:${(api.app.server.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(() => api?.close());

  it('computes the invoices of a subtree as the committee member, then finds its inputs unchanged', async () => {
    const first = await cli(['invoices', 'run', '--org-unit', 'p1', '--period', '202401']);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const validator = await login(api.app, 'validator');
    const runs = (await call(api.app, validator, 'GET', `/api/programmes/${PROGRAMME}/invoice-runs?orgUnitId=p1&period=202401`)).json();
    const stored = runs.items[0];
    expect(stored).toMatchObject({ rootOrgUnitId: 'p1', period: '202401', status: 'completed', invoiceCount: 2 });
    expect(first.out).toBe(`run ${stored.id}: 2 invoice(s) of p1 for 202401, ${stored.total} in all`);

    const again = await cli(['invoices', 'run', '--org-unit', 'p1', '--period', '202401', '--lang', 'fr']);
    expect(again.code).toBe(0);
    expect(again.out).toBe(`données inchangées depuis le calcul ${stored.id} : ses 2 facture(s) de p1 pour 202401 restent, ${stored.total} au total`);
  });

  it('reports a run the engine could not compute, with its errors, and exits 1', async () => {
    const designer = await login(api.app, 'designer');
    const quantity = PROGRAMME_DEFINITION.packages[0]!;
    const ratio = { ...PROGRAMME_DEFINITION, packages: [{ ...quantity, activityFormulas: { ...quantity.activityFormulas, ratio: 'verified / declared' } }] };
    const saved = await call(api.app, designer, 'POST', `/api/programmes/${PROGRAMME}/versions`, { definition: ratio, effectiveFrom: '202406' });
    expect(saved.statusCode, saved.body).toBe(201);
    await enterValues(api.database.db, quantityRows('cds_2', '202406', { consultation: 5, delivery: 1 }, { consultation: 0, delivery: 1 }));
    await setStatus(api.database.db, ['cds_2'], '202406', 'validated');

    const failed = await cli(['invoices', 'run', '--org-unit', 'p1', '--period', '202406']);
    expect(failed.code).toBe(1);
    expect(failed.out).toBe('');
    expect(failed.err).toMatch(/^INVOICE_RUN_FAILED: invoice run \d+ over 'p1' for 202406 failed with 1 engine error/);
    expect(failed.err).toMatch(/\n {2}engine error: .*cds_2/);
  });

  it('exits 2 with the server’s refusal, in the language asked for, and nothing computed', async () => {
    const month = await cli(['invoices', 'run', '--org-unit', 'p1', '--period', '202413']);
    expect(month.code).toBe(2);
    expect(month.err).toMatch(/^VALIDATION: .*period/);

    const clerk = await cli(['invoices', 'run', '--org-unit', 'p1', '--period', '202401'], 'clerk');
    expect(clerk.code).toBe(2);
    expect(clerk.err).toMatch(/^FORBIDDEN: /);

    const wrong = await cli(['invoices', 'run', '--org-unit', 'p1', '--period', '202401', '--lang', 'fr'], 'validator', 'not the password at all');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/^BAD_CREDENTIALS: /);

    const validator = await login(api.app, 'validator');
    const runs = (await call(api.app, validator, 'GET', `/api/programmes/${PROGRAMME}/invoice-runs?orgUnitId=p1&period=202401`)).json();
    expect(runs.items).toHaveLength(1);
  });

  it('exits 1 naming a server it cannot reach, and 2 for an address that is not http(s)', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const listener = createServer().listen(0, '127.0.0.1', () => {
        const { port } = listener.address() as AddressInfo;
        listener.close(() => resolve(port));
      });
    });
    const unreachable: string[] = [];
    const address = `http://127.0.0.1:${closedPort}`;
    const closed = await main(['node', 'openpbf', 'invoices', 'run', '--server', address, '--username', 'validator', '--password-file', passwordFile(PASSWORD), '--programme', PROGRAMME, '--org-unit', 'p1', '--period', '202401'], {
      out: () => {},
      err: (text) => unreachable.push(text),
      locale: 'en',
    });
    expect(unreachable.join('\n')).toBe(`UNREACHABLE: ${address}: the server could not be reached (ECONNREFUSED)`);
    expect(closed).toBe(1);
    const errors: string[] = [];
    const notUrl = await main(['node', 'openpbf', 'invoices', 'run', '--server', 'pbf.example', '--username', 'v', '--password-file', passwordFile(PASSWORD), '--programme', PROGRAMME, '--org-unit', 'p1', '--period', '202401'], {
      out: () => {},
      err: (text) => errors.push(text),
      locale: 'en',
    });
    expect(notUrl).toBe(2);
    expect(errors.join('\n')).toContain("--server 'pbf.example': not an http(s) address");
  });
});

describe('the progress bar', () => {
  it('draws done over total on a terminal, and clears its line when done', () => {
    const written: string[] = [];
    const terminal = { isTTY: true, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
    const progress = progressReporter('computing', terminal);
    progress.update(3, 10);
    progress.update(10, 10);
    progress.done();
    expect(written).toEqual([`\rcomputing [${'#'.repeat(9)}${'.'.repeat(21)}] 3/10`, `\rcomputing [${'#'.repeat(30)}] 10/10`, '\r\x1b[K']);
  });

  it('writes nothing when standard error is not a terminal', () => {
    const written: string[] = [];
    const progress = progressReporter('computing', { isTTY: false, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream);
    progress.update(1, 2);
    progress.done();
    expect(written).toEqual([]);
  });
});
