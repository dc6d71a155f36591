import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMME, call } from '../../../test/support/api.ts';
import { backends } from '../../../test/support/database.ts';
import { P, validate, workflowApi, type WorkflowApi } from '../../../test/support/workflow.ts';
import { applyChanges } from '../../domain/dataValues/valueStore/index.ts';

describe.each(backends)('data values (%s)', (kind) => {
  let api: WorkflowApi;
  beforeAll(async () => {
    api = await workflowApi(kind);
  });
  afterAll(() => api.close());

  const read = (who: 'clerk' | 'auditor' | 'clerk2', query: string) => call(api.app, api.sessions[who], 'GET', `${P}/data-values?${query}`);

  it('creates a value, and reads it back with its version, who wrote it and the package status', async () => {
    const created = await api.put('clerk', { orgUnit: 'cds_1', period: '202401', activity: 'consultation', state: 'declared' }, { value: 120 });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ value: 120, version: 1, updatedBy: { username: 'clerk', name: 'The clerk' } });
    const sheet = await read('auditor', 'orgUnitId=cds_1&period=202401');
    expect(sheet.statusCode, sheet.body).toBe(200);
    expect(sheet.json()).toMatchObject({
      orgUnit: 'cds_1',
      period: '202401',
      programmeVersion: 1,
      packages: [{ package: 'quantity', period: '202401', status: 'open', locked: false, version: 0 }],
      values: [{ activity: 'consultation', state: 'declared', value: 120, version: 1, updatedBy: { username: 'clerk' } }],
    });
    // Read back to the millisecond the write answered (PostgreSQL keeps microseconds).
    expect(sheet.json().values[0].updatedAt).toBe(created.json().updatedAt);
    // Truncated, not rounded, as a Date truncates: 999 µs past a second is still .000.
    await api.database.db.execute(sql`update data_values set updated_at = '2024-02-10T08:30:00.000999Z' where org_unit_id = 'cds_1' and period = '202401'`);
    expect((await read('auditor', 'orgUnitId=cds_1&period=202401')).json().values[0].updatedAt).toBe('2024-02-10T08:30:00.000Z');
  });

  it('lets each role write only its own state', async () => {
    const writers = { declared: 'clerk', verified: 'verifier', validated: 'validator' } as const;
    for (const [state, owner] of Object.entries(writers)) {
      for (const who of ['clerk', 'verifier', 'validator', 'admin', 'designer', 'payer', 'auditor'] as const) {
        const response = await api.put(who, { orgUnit: 'cds_1', period: '202402', activity: 'delivery', state }, { value: 3 });
        if (who === owner) expect(response.statusCode, `${who} ${state}`).toBe(201);
        else {
          expect(response.statusCode, `${who} ${state}`).toBe(403);
          // A role that writes another state is refused on the unit; one that writes none, in the programme.
          const where = ['clerk', 'verifier', 'validator'].includes(who) ? "org unit 'cds_1'" : "programme 'test_pbf'";
          expect(response.json().error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining(where) });
        }
      }
    }
  });

  it('refuses a unit outside the role’s subtree, and names an unknown unit', async () => {
    const outside = await api.put('clerk', { orgUnit: 'cds_3', period: '202401', activity: 'consultation', state: 'declared' }, { value: 1 });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.message).toContain("org unit 'cds_3'");
    const unknown = await api.put('clerk', { orgUnit: 'cds_9', period: '202401', activity: 'consultation', state: 'declared' }, { value: 1 });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe("org unit 'cds_9' not found");
    expect((await read('clerk', 'orgUnitId=cds_3&period=202401')).statusCode).toBe(403);
  });

  it('refuses numbers that are negative, too precise, too large or not numbers, naming the field', async () => {
    const key = { orgUnit: 'cds_2', period: '202401', activity: 'consultation', state: 'declared' };
    const cases: [unknown, string][] = [
      [-1, 'must be 0 or more'],
      [1.23456, 'at most 4 decimals'],
      [1e12, 'less than 100000000000'],
      ['12', 'must be a number'],
      [undefined, 'is required'],
    ];
    for (const [value, message] of cases) {
      const response = await api.put('clerk', key, { value });
      expect(response.statusCode, String(value)).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(new RegExp(`^body\\.value: .*${message}`)) });
    }
    expect((await read('clerk', 'orgUnitId=cds_2&period=202401')).json().values).toEqual([]);
    const exact = await api.put('clerk', key, { value: 12.3456 });
    expect(exact.json()).toMatchObject({ value: 12.3456 });
  });

  it('takes activities, states and packages from the version in force for the period', async () => {
    const put = (period: string, activity: string, state: string, body: object = {}) =>
      api.put(state === 'declared' ? 'clerk' : 'verifier', { orgUnit: 'cds_1', period, activity, state }, { value: 1, ...body });
    const refusals = [
      [await put('202401', 'vaccination', 'declared'), 'activity', "activity 'vaccination' is not in any package of version 1"],
      [await put('202401', 'consultation', 'score'), 'state', "state 'score' is not entered for activity 'consultation' (its states: declared, verified, validated)"],
      [await put('202407', 'consultation', 'declared', { package: 'quality' }), 'activity', "activity 'consultation' is not in package 'quality' of version 2"],
      [await put('202407', 'consultation', 'declared', { package: 'bonus' }), 'package', "package 'bonus' is not in version 2"],
      [await put('2024Q1', 'consultation', 'declared'), 'period', "package 'quantity' is monthly: enter months like 202401, not '2024Q1'"],
      [await put('202301', 'consultation', 'declared'), 'period', "no version of programme 'test_pbf' is in force for 202301"],
    ] as const;
    for (const [response, field, message] of refusals) {
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining(`${field}: ${message}`) });
    }
    expect((await put('202407', 'vaccination', 'declared')).statusCode).toBe(201);
    expect((await put('202407', 'hygiene', 'points', { package: 'quality' })).statusCode).toBe(201);
    expect((await put('2024Q3', 'records', 'points')).statusCode).toBe(201);
  });

  it('refuses a value for a unit the package is not about', async () => {
    const response = await api.put('clerk', { orgUnit: 'd1', period: '202401', activity: 'consultation', state: 'declared' }, { value: 1 });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe("orgUnit: org unit 'd1' takes no part in package 'quantity'");
  });

  it('answers the second of two editors 409 with the current value, who changed it and when', async () => {
    const key = { orgUnit: 'cds_2', period: '202402', activity: 'consultation', state: 'declared' };
    expect((await api.put('clerk', key, { value: 10 })).statusCode).toBe(201);
    const first = await api.put('clerk2', key, { value: 11, version: 1 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ value: 11, version: 2, updatedBy: { username: 'clerk2' } });
    const second = await api.put('clerk', key, { value: 12, version: 1 });
    expect(second.statusCode).toBe(409);
    const error = second.json().error;
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('changed since you read version 1: it is 11 (version 2), changed by The second clerk (clerk2) at');
    expect(error.details.current).toMatchObject({ value: 11, version: 2, updatedBy: { username: 'clerk2', name: 'The second clerk' } });
    expect(new Date(error.details.current.updatedAt).getTime()).toBeGreaterThan(0);
    const stored = (await read('clerk', 'orgUnitId=cds_2&period=202402')).json().values;
    expect(stored).toMatchObject([{ activity: 'consultation', value: 11, version: 2 }]);
  });

  it('lets exactly one of two simultaneous writes over the same version through', async () => {
    const key = { orgUnit: 'cds_1', period: '202406', activity: 'delivery', state: 'declared' };
    await api.put('clerk', key, { value: 1 });
    const answers = await Promise.all([api.put('clerk', key, { value: 2, version: 1 }), api.put('clerk2', key, { value: 3, version: 1 })]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    const winner = answers.find((answer) => answer.statusCode === 200)!.json();
    const loser = answers.find((answer) => answer.statusCode === 409)!.json();
    expect(loser.error.details.current).toMatchObject({ value: winner.value, version: 2, updatedBy: winner.updatedBy });
    expect((await read('clerk', 'orgUnitId=cds_1&period=202406')).json().values).toMatchObject([{ value: winner.value, version: 2 }]);
  });

  it('writes the values several people send at the same time, each audited with its author and reason', async () => {
    const mine = { orgUnit: 'cds_1', period: '202407', activity: 'consultation', state: 'declared' };
    const theirs = { orgUnit: 'cds_2', period: '202407', activity: 'consultation', state: 'declared' };
    const answers = await Promise.all([api.put('clerk', mine, { value: 5, reason: 'register' }), api.put('clerk2', theirs, { value: 6 })]);
    expect(answers.map((answer) => answer.statusCode)).toEqual([201, 201]);
    expect(answers.map((answer) => answer.json().updatedBy.username)).toEqual(['clerk', 'clerk2']);
    const audited = [...(await api.audit('cds_1/202407/consultation/declared')), ...(await api.audit('cds_2/202407/consultation/declared'))];
    expect(audited.map(({ userId, reason, newValue }) => ({ userId, reason, newValue }))).toEqual([
      { userId: api.users.clerk, reason: 'register', newValue: { value: 5, version: 1 } },
      { userId: api.users.clerk2, reason: null, newValue: { value: 6, version: 1 } },
    ]);
  });

  it('refuses, of values sent at the same time, only those of a locked package', async () => {
    await validate(api, { orgUnit: 'cds_1', period: '202412', package: 'quantity' });
    const locked = { orgUnit: 'cds_1', period: '202412', activity: 'consultation', state: 'declared' };
    const open = { orgUnit: 'cds_2', period: '202412', activity: 'consultation', state: 'declared' };
    const answers = await Promise.all([api.put('clerk', locked, { value: 5 }), api.put('clerk', open, { value: 6 }), api.put('clerk2', open, { value: 7 })]);
    expect(answers.map((answer) => answer.statusCode)).toEqual([423, 201, 409]);
    expect((await read('clerk', 'orgUnitId=cds_2&period=202412')).json().values).toMatchObject([{ value: 6, version: 1 }]);
    expect(await api.audit('cds_1/202412/consultation/declared')).toEqual([]);
  });

  it('never overwrites a value changed between reading and writing it', async () => {
    const key = { orgUnit: 'cds_2', period: '202406', activity: 'delivery', state: 'declared' };
    const created = (await api.put('clerk', key, { value: 1 })).json();
    await api.put('clerk2', key, { value: 2, version: 1 });
    const clerk = { userId: api.users.clerk, username: 'clerk', name: 'The clerk', locale: 'en', grants: [], platformAdmin: false };
    const outcome = await api.database.db.transaction((tx) =>
      applyChanges(
        tx,
        clerk,
        PROGRAMME,
        [
          { key, value: 5, over: created.version },
          { key: { ...key, activity: 'consultation' }, value: 5, over: 0 },
        ],
        [],
      ),
    );
    expect(outcome.notWritten).toEqual([key]);
    expect(outcome.written).toMatchObject([{ activity: 'consultation', value: 5, version: 1 }]);
    await api.put('clerk', { ...key, activity: 'consultation' }, { value: 6, version: 1 });
    const raced = await api.database.db.transaction((tx) =>
      applyChanges(tx, clerk, PROGRAMME, [{ key: { ...key, activity: 'consultation' }, value: 7, over: 0 }], []),
    );
    expect(raced.notWritten).toHaveLength(1);
    expect((await read('clerk', 'orgUnitId=cds_2&period=202406')).json().values).toMatchObject([
      { activity: 'consultation', value: 6, version: 2 },
      { activity: 'delivery', value: 2, version: 2 },
    ]);
  });

  it('writes nothing, and audits nothing, while a package holding the values is locked', async () => {
    const key = { orgUnit: 'cds_1', period: '202408', activity: 'consultation', state: 'declared' };
    await api.put('clerk', key, { value: 3 });
    await validate(api, { orgUnit: 'cds_1', period: '202408', package: 'quantity' });
    const clerk = { userId: api.users.clerk, username: 'clerk', name: 'The clerk', locale: 'en', grants: [], platformAdmin: false };
    const holdings = [{ orgUnit: 'cds_1', period: '202408', package: 'quantity', frozenFrom: 'declared' as const }];
    const changes = [
      { key, value: 4, over: 1 },
      { key: { ...key, activity: 'delivery' }, value: 4, over: 0 },
    ];
    const outcome = await applyChanges(api.database.db, clerk, PROGRAMME, changes, holdings);
    expect(outcome).toEqual({ written: [], notWritten: [key, { ...key, activity: 'delivery' }] });
    expect((await read('clerk', 'orgUnitId=cds_1&period=202408')).json().values).toMatchObject([{ activity: 'consultation', value: 3, version: 1 }]);
    expect((await api.audit('cds_1/202408/consultation/declared')).map((row) => row.action)).toEqual(['create']);
    expect(await api.audit('cds_1/202408/delivery/declared')).toEqual([]);
  });

  it('answers 409 to a creation over an existing value and to a version of a missing one', async () => {
    const key = { orgUnit: 'cds_2', period: '202403', activity: 'delivery', state: 'declared' };
    expect((await api.put('clerk', key, { value: 5 })).statusCode).toBe(201);
    const again = await api.put('clerk2', key, { value: 6 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('already exists: it is 5 (version 1)');
    expect(again.json().error.details.current).toMatchObject({ value: 5, version: 1 });
    const missing = await api.put('clerk', { ...key, activity: 'consultation' }, { value: 6, version: 3 });
    expect(missing.statusCode).toBe(409);
    expect(missing.json().error).toMatchObject({ message: expect.stringContaining('does not exist'), details: { current: null } });
  });

  it('audits every change with the old and new value and the reason, and nothing when the value is the same', async () => {
    const key = { orgUnit: 'cds_1', period: '202404', activity: 'consultation', state: 'verified' };
    await api.put('verifier', key, { value: 40 });
    const changed = await api.put('verifier', key, { value: 38, version: 1, reason: 'register recount' });
    expect(changed.json().version).toBe(2);
    const same = await api.put('verifier', key, { value: 38, version: 2 });
    expect(same.statusCode).toBe(200);
    expect(same.json()).toMatchObject({ value: 38, version: 2 });
    expect((await api.put('verifier', key, { value: 0.5, version: 2, reason: '' })).statusCode).toBe(200);
    const audit = await api.audit('cds_1/202404/consultation/verified');
    expect(audit).toMatchObject([
      { action: 'create', entity: 'data_value', userId: api.users.verifier, oldValue: null, newValue: { value: 40, version: 1 }, reason: null },
      { action: 'update', oldValue: { value: 40, version: 1 }, newValue: { value: 38, version: 2 }, reason: 'register recount' },
      { action: 'update', oldValue: { value: 38, version: 2 }, newValue: { value: 0.5, version: 3 }, reason: null },
    ]);
  });

  it('refuses any edit of a validated period with 423 naming the unit, period and package', async () => {
    const key = { orgUnit: 'cds_2', period: '202405', activity: 'consultation', state: 'declared' };
    await api.put('clerk', key, { value: 7 });
    await validate(api, { orgUnit: 'cds_2', period: '202405', package: 'quantity' });
    const locked = await api.put('clerk', key, { value: 8, version: 1 });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error).toMatchObject({
      code: 'LOCKED',
      message: "org unit 'cds_2', period 202405, package 'quantity' is validated and locked; the validation committee must unlock it first",
    });
    expect((await api.put('validator', { ...key, state: 'validated' }, { value: 7 })).statusCode).toBe(423);
    const sheet = (await read('clerk', 'orgUnitId=cds_2&period=202405')).json();
    expect(sheet.values).toMatchObject([{ value: 7, version: 1 }]);
    expect(sheet.packages).toMatchObject([{ package: 'quantity', status: 'validated', locked: true, updatedBy: { username: 'validator' } }]);
  });

  it('answers sheets read at the same time (one query for all) each with its own unit and period', async () => {
    await api.put('clerk', { orgUnit: 'cds_1', period: '202409', activity: 'consultation', state: 'declared' }, { value: 11 });
    await api.put('clerk', { orgUnit: 'cds_2', period: '202409', activity: 'consultation', state: 'declared' }, { value: 22 });
    await api.put('clerk', { orgUnit: 'cds_1', period: '202410', activity: 'delivery', state: 'declared' }, { value: 33 });
    const queries = ['orgUnitId=cds_1&period=202409', 'orgUnitId=cds_2&period=202409', 'orgUnitId=cds_1&period=202410', 'orgUnitId=cds_2&period=202411'];
    const together = await Promise.all(queries.map((query) => read('clerk', query)));
    const alone = [];
    for (const query of queries) alone.push(await read('clerk', query));
    expect(together.map((sheet) => sheet.json())).toEqual(alone.map((sheet) => sheet.json()));
    expect(together.map((sheet) => sheet.json().values.map((v: { orgUnit: string; activity: string; value: number }) => `${v.orgUnit} ${v.activity} ${v.value}`))).toEqual([
      ['cds_1 consultation 11'],
      ['cds_2 consultation 22'],
      ['cds_1 delivery 33'],
      [],
    ]);
  });

  it('filters the sheet by package and names an unknown one', async () => {
    await api.put('clerk', { orgUnit: 'cds_1', period: '202408', activity: 'consultation', state: 'declared' }, { value: 2 });
    await api.put('verifier', { orgUnit: 'cds_1', period: '202408', activity: 'hygiene', state: 'points' }, { value: 4 });
    const all = (await read('clerk', 'orgUnitId=cds_1&period=202408')).json();
    expect(all.packages.map((p: { package: string; period: string }) => `${p.package}@${p.period}`)).toEqual(['quantity@202408', 'quality@2024Q3']);
    expect(all.values).toHaveLength(2);
    const quality = (await read('clerk', 'orgUnitId=cds_1&period=202408&package=quality')).json();
    expect(quality.values).toMatchObject([{ activity: 'hygiene', state: 'points', value: 4 }]);
    const unknown = await read('clerk', 'orgUnitId=cds_1&period=202408&package=bonus');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toBe("package: 'bonus' is not in version 2 of the programme");
    expect((await read('clerk', 'orgUnitId=cds_1&period=2024')).statusCode).toBe(400);
  });
});
