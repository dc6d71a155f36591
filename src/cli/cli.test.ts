import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login } from '../../test/support/api.ts';
import { repoPath } from '../../test/support/cases.ts';
import { backends, scratchPostgres } from '../../test/support/database.ts';
import { buildApp } from '../server/app.ts';
import { storeFromEnvironment } from '../server/settings.ts';
import { openDatabase } from '../store/database.ts';
import type { CliContext } from './context.ts';
import { main } from './main.ts';

async function cli(...args: [Partial<CliContext>, ...string[]] | string[]) {
  const [context, rest] = typeof args[0] === 'object' ? [args[0], args.slice(1) as string[]] : [{}, args as string[]];
  const out: string[] = [];
  const err: string[] = [];
  const stderr = Object.assign(Object.create(process.stderr), { isTTY: false }) as NodeJS.WriteStream;
  const code = await main(['node', 'openpbf', ...rest], {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    stderr,
    locale: 'en',
    ...context,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const contract = (name: string) => repoPath('test/contract', name);
const scratch = mkdtempSync(join(tmpdir(), 'openpbf-cli-'));
const write = (name: string, text: string) => {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
};

describe('openpbf run-case', () => {
  it('passes the contract cases and prints computed next to expected values', async () => {
    const result = await cli('run-case', contract('01-quantity-tariff-equity.json'), contract('06-static-errors.json'));
    expect(result.code).toBe(0);
    expect(result.out).toContain('ok       cds_b 202403 quantity_pma.with_equity = 510000 (expected 510000)');
    expect(result.out).toContain('2 case(s) passed, 0 failed');
  });

  it('exits non-zero on a mismatch', async () => {
    const testCase = JSON.parse(JSON.stringify((await import(contract('02-verification-tolerance.json'), { with: { type: 'json' } })).default));
    testCase.expected[0].value = 4.3;
    const result = await cli('run-case', write('wrong.json', JSON.stringify(testCase)));
    expect(result.code).toBe(1);
    expect(result.out).toContain('MISMATCH cds_a 202405 quantity.consultation.gap_pct = 4.2 (expected 4.3)');
  });

  it('names the file and line of a malformed file', async () => {
    const result = await cli('run-case', write('broken.json', '{\n  "name": \n}'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/broken\.json:3:1: /);
  });
});

describe('openpbf check', () => {
  it('reports every static error at once, located, in French when asked', async () => {
    const result = await cli('--lang', 'fr', 'check', contract('06-static-errors.json'));
    expect(result.code).toBe(1);
    expect(result.err).toContain("UNKNOWN_NAME quantity.activityFormulas.amount: nom inconnu 'tarif' — vouliez-vous dire 'tariff' ?");
    expect(result.err).toContain('7 error(s)');
  });

  it('summarises a sound programme', async () => {
    const result = await cli('check', contract('03-quarterly-quality-community.json'));
    expect(result).toMatchObject({ code: 0, out: 'OK fbp_demo: 3 package(s), 1 payment(s), 11 formula(s)' });
  });
});

describe('openpbf compute', () => {
  it('writes formula values as CSV', async () => {
    const result = await cli('compute', '--program', contract('04-zone-budget-cap-funders.json'), '--period', '2024Q2', '--org-unit', 'ds_kibuye', '--format', 'csv');
    expect(result.code).toBe(0);
    expect(result.out.split('\n')).toContain('cds_k1,2024Q2,district_budget.government,487500');
  });

  it('reads data from CSV and org units from YAML', async () => {
    const orgUnits = write('units.yaml', '- id: bi\n- id: cds_a\n  parent: bi\n  groups: { type: cds }\n');
    const data = write('data.csv', 'orgUnit,period,activity,state,value\ncds_a,202405,consultation,verified,960\ncds_a,202405,consultation,declared,1000\n');
    const result = await cli('compute', '--program', contract('02-verification-tolerance.json'), '--org-units', orgUnits, '--data', data, '--period', '202405');
    const values = JSON.parse(result.out) as { name: string; value: number }[];
    expect(values.find((v) => v.name === 'quantity.consultation.amount')?.value).toBe(240000);
  });

  it('rejects a data row for an unknown org unit, naming the row', async () => {
    const data = write('bad.csv', 'orgUnit,period,activity,state,value\ncds_zz,202405,consultation,verified,960\n');
    const result = await cli('compute', '--program', contract('02-verification-tolerance.json'), '--data', data, '--period', '202405');
    expect(result.code).toBe(1);
    expect(result.err).toContain("data[0].orgUnit: unknown org unit 'cds_zz'");
  });
});

describe('openpbf explain', () => {
  it('prints the provenance tree of one value, with the table row behind the tariff', async () => {
    const result = await cli('explain', '--program', contract('01-quantity-tariff-equity.json'), '--value', 'quantity_pma.with_equity', '--org-unit', 'cds_b', '--period', '202403');
    expect(result.code).toBe(0);
    expect(result.out).toContain('= 425000 * (1 + 0.2)');
    expect(result.out).toContain('decisionTables[1] row 1 (always valid): equity=cat3, equity_bonus=0.2');
    expect(result.out).toContain('programme fbp_demo, version unversioned');
  });

  it('explains a zone target within its zone', async () => {
    const result = await cli('explain', '--program', contract('04-zone-budget-cap-funders.json'), '--value', 'district_budget.capped', '--org-unit', 'cds_n2', '--period', '2024Q2', '--depth', '1');
    expect(result.out).toContain('= 579000 * 0.38284839203675347');
  });

  it('answers an unknown value with a clear message', async () => {
    const result = await cli('explain', '--program', contract('01-quantity-tariff-equity.json'), '--value', 'quantity_pma.nothing', '--org-unit', 'cds_b', '--period', '202403');
    expect(result).toMatchObject({ code: 2, err: "no value 'quantity_pma.nothing' at cds_b for 202403" });
  });
});

describe.each(backends)('openpbf users create-admin (%s)', (kind) => {
  let env: NodeJS.ProcessEnv;
  let drop = async () => {};
  beforeAll(async () => {
    if (kind === 'pglite') {
      env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'openpbf-cli-store-')) };
      return;
    }
    const scratch = await scratchPostgres();
    env = { DATABASE_URL: scratch.url };
    drop = scratch.drop;
  }, 60_000);
  afterAll(() => drop());

  const createAdmin = (stdin: string, ...args: string[]) => cli({ env, stdin: Readable.from([stdin]) as unknown as NodeJS.ReadStream }, 'users', 'create-admin', ...args);

  it("refuses 'aaaaaaaaaa' and a password on the command line, creating nothing", async () => {
    const weak = await createAdmin('aaaaaaaaaa\n', '--username', 'root', '--name', 'Root');
    expect(weak.code).toBe(2);
    expect(weak.err).toMatch(/^password: too easy to guess \(strength 0 of 4/);
    const inArguments = await createAdmin('', '--username', 'root', '--name', 'Root', '--password', 'Plenty long passphrase 42');
    expect(inArguments.code).toBe(2);
    expect(inArguments.err).toContain("unknown option '--password'");
  });

  it('creates a platform administrator, from a password file, who signs in and creates a programme', async () => {
    const file = write('admin-password.txt', 'Plenty long passphrase 42\n');
    const result = await createAdmin('', '--username', 'first.admin', '--name', 'Première Administratrice', '--password-file', file);
    expect(result).toMatchObject({ code: 0, out: "created the platform administrator 'first.admin': sign in, create a programme and its users" });
    const again = await createAdmin('Another long passphrase 42\n', '--username', 'first.admin', '--name', 'Someone');
    expect(again).toMatchObject({ code: 2, err: "username: 'first.admin' is taken" });

    const database = await openDatabase(storeFromEnvironment(env));
    const app = await buildApp({ database });
    try {
      const admin = await login(app, 'first.admin', 'Plenty long passphrase 42');
      const created = await call(app, admin, 'POST', '/api/programmes', { id: 'pbf_national', name: 'PBF national', currency: 'XOF', currencyDecimals: 0 });
      expect(created.statusCode, created.body).toBe(201);
    } finally {
      await app.close();
      await database.close();
    }
  }, 60_000);
});

describe('openpbf users create-admin at a terminal', () => {
  it('asks twice without echo, and creates nothing when the two differ', async () => {
    const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'openpbf-cli-tty-')) };
    const written: string[] = [];
    const terminal = (typed: string) => {
      const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin }) as unknown as NodeJS.ReadStream;
      stdin.write(typed);
      return stdin;
    };
    const stderr = { write: (text: string) => written.push(text), isTTY: true } as unknown as NodeJS.WriteStream;
    const differ = await cli({ env, stderr, stdin: terminal('Plenty long passphrase 42\rPlenty long passphrase 43\r') }, 'users', 'create-admin', '--username', 'tty.admin', '--name', 'Tty');
    expect(differ).toMatchObject({ code: 2, err: 'the two passwords differ; nothing was created' });
    // Backspace (DEL) erases the 3 typed by mistake; the two lines arrive in one chunk, as pasted.
    const typed = await cli({ env, stderr, stdin: terminal('Plenty long passphrase 43\u007f2\r\nPlenty long passphrase 42\r') }, 'users', 'create-admin', '--username', 'tty.admin', '--name', 'Tty');
    expect(typed.code, typed.err).toBe(0);
    expect(written.join('')).toBe('Password: \nPassword again: \n'.repeat(2));

    const database = await openDatabase(storeFromEnvironment(env));
    const app = await buildApp({ database });
    try {
      await login(app, 'tty.admin', 'Plenty long passphrase 42');
    } finally {
      await app.close();
      await database.close();
    }
  }, 60_000);
});
