import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMME, call, login, testApi, type Session, type TestApi } from '../../../test/support/api.ts';
import { backends } from '../../../test/support/database.ts';
import { D3_FACILITIES, everyMonth, insertHistory, seedRiskTree } from '../../../test/support/verification.ts';
import { uniform } from '../../domain/verification/prng.ts';
import type { Db } from '../../store/database.ts';
import { auditLog, dataValues, periodStatus, verificationDraws } from '../../store/schema.ts';

const URL = `/api/programmes/${PROGRAMME}/verification-draws`;
const WINDOW = ['202401', '202402', '202403', '202404', '202405', '202406'];
const D1_FACILITIES = ['cds_1', 'cds_2', 'cds_low', 'cds_high', 'cds_new', 'cds_vv', 'hd_1'];

/** Six months of history: d1 facilities at the class boundaries, d3 facilities all alike and calm. */
const HISTORY = [
  ...everyMonth(WINDOW, [
    // Σ|declared − verified| = 3 + 2 over Σ verified = 100: exactly 5%.
    { orgUnitId: 'cds_1', activity: 'consultation', declared: 63, verified: 60, validated: 60 },
    { orgUnitId: 'cds_1', activity: 'delivery', declared: 42, verified: 40, validated: 40 },
    { orgUnitId: 'cds_2', activity: 'consultation', declared: 110, verified: 100, validated: 100 },
    { orgUnitId: 'cds_low', activity: 'consultation', declared: '104.99', verified: 100 },
    { orgUnitId: 'cds_high', activity: 'consultation', declared: '110.01', verified: 100 },
    { orgUnitId: 'cds_vv', activity: 'consultation', declared: 100, verified: 100, validated: 88 },
    { orgUnitId: 'hd_1', activity: 'consultation', declared: 100, verified: 100, validated: 100 },
    { orgUnitId: 'cds_closed', activity: 'consultation', declared: 100, verified: 100 },
  ]),
  ...everyMonth(
    WINDOW,
    D3_FACILITIES.map((orgUnitId) => ({ orgUnitId, activity: 'consultation', declared: 100, verified: '97.5', validated: 95 })),
  ),
];

describe.each(backends)('risk-based verification (%s)', (kind) => {
  let api: TestApi;
  let db: Db;
  const as = {} as Record<string, Session>;
  const post = (user: string, body: object) => call(api.app, as[user]!, 'POST', URL, body);
  const get = (user: string, path: string) => call(api.app, as[user]!, 'GET', `${URL}${path}`);
  const apply = (user: string, drawId: number) => call(api.app, as[user]!, 'POST', `${URL}/${drawId}/apply`);
  const entriesOf = async (user: string, drawId: number, query = '') => {
    const response = await get(user, `/${drawId}?limit=1000${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().entries.items as { orgUnitId: string; riskClass: string; probability: number; drawn: boolean; validationRate: number; reasons: Record<string, unknown> }[];
  };
  const drawnSet = async (drawId: number) => (await entriesOf('validator', drawId, '&drawn=true')).map((entry) => entry.orgUnitId);
  const drawCount = async () => (await db.select().from(verificationDraws)).length;
  const audits = (action: string, entityKey: string) =>
    db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.entityKey, entityKey)));

  beforeAll(async () => {
    api = await testApi(kind);
    db = api.database.db;
    await seedRiskTree(db, [
      { username: 'national', role: 'validator', orgUnitId: 'bi' },
      { username: 'district_clerk', role: 'clerk', orgUnitId: 'd1' },
    ]);
    await insertHistory(db, HISTORY);
    for (const user of ['validator', 'designer', 'clerk', 'verifier', 'payer', 'auditor', 'admin', 'national', 'district_clerk']) {
      as[user] = await login(api.app, user);
    }
  }, 60_000);
  afterAll(() => api.close());

  describe('classification and draw', () => {
    let drawId: number;

    it('classifies every open facility of the subtree and draws it with its class probability', async () => {
      const response = await post('validator', { rootOrgUnitId: 'd1', period: '202407', seed: 'd1-july' });
      expect(response.statusCode, response.body).toBe(201);
      const draw = response.json();
      drawId = draw.id;
      expect(draw).toMatchObject({
        created: true,
        rootOrgUnitId: 'd1',
        period: '202407',
        seed: 'd1-july',
        parameters: { historyMonths: 6, window: WINDOW, thresholds: { moderate: 0.05, high: 0.1 }, probabilities: { low: 0.4, moderate: 0.8, high: 1 } },
        counts: { facilities: 7, byClass: { low: { facilities: 2 }, moderate: { facilities: 2 }, high: { facilities: 3 } } },
        policies: { apply: true, replace: true },
      });
      expect((await get('auditor', `/${drawId}`)).json().draw.policies).toEqual({ apply: false, replace: false });
      const entries = await entriesOf('validator', drawId);
      expect(entries.map((entry) => entry.orgUnitId).sort()).toEqual([...D1_FACILITIES].sort());
      const byId = new Map(entries.map((entry) => [entry.orgUnitId, entry]));
      const classes = Object.fromEntries(entries.map((entry) => [entry.orgUnitId, [entry.riskClass, entry.reasons.rule]]));
      expect(classes).toEqual({
        cds_1: ['moderate', 'moderate'],
        cds_2: ['moderate', 'moderate'],
        cds_low: ['low', 'below_moderate'],
        cds_high: ['high', 'above_high'],
        cds_new: ['high', 'no_history'],
        cds_vv: ['high', 'above_high'],
        hd_1: ['low', 'below_moderate'],
      });
      for (const entry of entries) expect(entry.drawn, entry.orgUnitId).toBe(uniform('d1-july', entry.orgUnitId) < entry.probability);
      expect(byId.get('hd_1')).toMatchObject({ probability: 1, drawn: true, reasons: { alwaysDrawn: { groupset: 'type', group: 'hd' } } });
      expect(byId.get('cds_new')).toMatchObject({ probability: 1, drawn: true, validationRate: 1, reasons: { score: null, periods: [] } });
      expect(byId.get('cds_low')!.probability).toBe(0.4);
      expect(byId.get('cds_2')!.probability).toBe(0.8);
    });

    it('keeps the figures behind each class: periods, gaps per period, averages, threshold crossed, validation rate', async () => {
      const byId = new Map((await entriesOf('auditor', drawId)).map((entry) => [entry.orgUnitId, entry]));
      const cds1 = byId.get('cds_1')!;
      expect(cds1.reasons).toEqual({
        window: WINDOW,
        notVerified: [],
        periods: WINDOW.map((period) => ({
          period,
          declaredVerified: { difference: 5, base: 100, activities: 2, gap: 0.05 },
          verifiedValidated: { difference: 0, base: 100, activities: 2, gap: 0 },
        })),
        average: { declaredVerified: 0.05, verifiedValidated: 0 },
        score: 0.05,
        measure: 'declaredVerified',
        thresholds: { moderate: 0.05, high: 0.1 },
        rule: 'moderate',
        validation: { declared: 630, validated: 600, rate: 600 / 630, computed: true },
        alwaysDrawn: null,
      });
      expect(cds1.validationRate).toBe(600 / 630);
      expect(byId.get('cds_2')!.reasons).toMatchObject({ score: 0.1, rule: 'moderate' });
      expect(byId.get('cds_high')!.reasons).toMatchObject({ score: 0.1001, rule: 'above_high' });
      expect(byId.get('cds_low')!.reasons).toMatchObject({ score: 0.0499, rule: 'below_moderate' });
      expect(byId.get('cds_vv')!.reasons).toMatchObject({ measure: 'verifiedValidated', score: 12 / 88 });
    });

    it('finds the entries of one facility or subtree, or by name, among the draw’s', async () => {
      const ids = async (query: string) => (await entriesOf('validator', drawId, query)).map((entry) => entry.orgUnitId);
      expect(await ids('&orgUnitId=cds_1')).toEqual(['cds_1']);
      expect(await ids('&orgUnitId=d1')).toHaveLength(7);
      expect(await ids('&search=de%20DISTRICT')).toEqual(['hd_1']);
      expect(await ids('&search=cds_h&riskClass=high')).toEqual(['cds_high']);
      expect((await get('validator', `/${drawId}?orgUnitId=nowhere`)).statusCode).toBe(404);
    });

    it('records the creation in the audit log', async () => {
      const [created] = await audits('create', String(drawId));
      expect(created).toMatchObject({ entity: 'verification_draw', userId: api.users.validator, newValue: { seed: 'd1-july', facilities: 7 } });
    });

    it('returns the current draw of a subtree and period rather than drawing again', async () => {
      const response = await post('validator', { rootOrgUnitId: 'd1', period: '202407', seed: 'another' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ id: drawId, seed: 'd1-july', created: false });
    });

    it('refuses a replacement without a reason and keeps the draw', async () => {
      const before = await drawCount();
      for (const reason of [undefined, '  ']) {
        const response = await post('validator', { rootOrgUnitId: 'd1', period: '202407', replace: true, ...(reason === undefined ? {} : { reason }) });
        expect(response.statusCode).toBe(400);
        expect(response.json().error).toMatchObject({ code: 'VALIDATION', details: [{ at: 'reason' }] });
        expect(response.json().error.message).toContain("reason: replacing the verification draw of 'd1' for 202407");
      }
      expect(await drawCount()).toBe(before);
      expect((await get('validator', `/${drawId}`)).json().draw).toMatchObject({ replacedAt: null, replacedBy: null });
    });

    it('replaces a draw when asked with a reason, and audits it', async () => {
      const response = await post('validator', { rootOrgUnitId: 'd1', period: '202407', seed: 'd1-july-bis', replace: true, reason: 'the seed was disclosed' });
      expect(response.statusCode, response.body).toBe(201);
      const replacement = response.json().id;
      expect((await get('validator', `/${drawId}`)).json().draw).toMatchObject({ replacedBy: replacement, replacedAt: expect.any(String) });
      const [replaced] = await audits('replace', String(drawId));
      expect(replaced).toMatchObject({ reason: 'the seed was disclosed', oldValue: { seed: 'd1-july', replacedBy: null }, newValue: { replacedBy: replacement } });
      const current = (await get('auditor', '?orgUnitId=d1&period=202407')).json();
      expect(current.items.map((draw: { id: number }) => draw.id)).toEqual([replacement]);
      const all = (await get('auditor', '?orgUnitId=d1&period=202407&includeReplaced=true')).json();
      expect(all.items.map((draw: { id: number }) => draw.id)).toEqual([replacement, drawId]);
      const refused = await apply('validator', drawId);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error).toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining(`was replaced by draw ${replacement}`) });
    });

    it('reproduces a draw from its seed, and draws differently under another seed', async () => {
      const first = (await post('validator', { rootOrgUnitId: 'd3', period: '202407', seed: 'alpha' })).json();
      expect(first.counts.byClass.low.facilities).toBe(50);
      const alpha = await drawnSet(first.id);
      expect(alpha).toEqual(D3_FACILITIES.filter((id) => uniform('alpha', id) < 0.4));
      const again = (await post('validator', { rootOrgUnitId: 'd3', period: '202407', seed: 'alpha', replace: true, reason: 'replay' })).json();
      expect(await drawnSet(again.id)).toEqual(alpha);
      const other = (await post('validator', { rootOrgUnitId: 'd3', period: '202407', seed: 'beta', replace: true, reason: 'new seed' })).json();
      expect(await drawnSet(other.id)).not.toEqual(alpha);
    });

    it('refuses a draw overlapping another subtree’s draw of the same months', async () => {
      const before = await drawCount();
      for (const body of [{ rootOrgUnitId: 'p1', period: '202407' }, { rootOrgUnitId: 'cds_1', period: '202407' }, { rootOrgUnitId: 'd1', period: '2024Q3' }]) {
        const response = await post('validator', body);
        expect(response.statusCode, JSON.stringify(body)).toBe(409);
        expect(response.json().error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^rootOrgUnitId: verification draw \d+ of 'd[13]' for 202407 overlaps/) });
      }
      expect(await drawCount()).toBe(before);
    });
  });

  describe('bad input', () => {
    it.each([
      ['a year', { rootOrgUnitId: 'd1', period: '2024' }, 400, 'VALIDATION', "period: '2024' is not a DHIS2 month (202406) or quarter (2024Q2)"],
      ['a month 13', { rootOrgUnitId: 'd1', period: '202413' }, 400, 'VALIDATION', "period: '202413' is not a DHIS2 month"],
      ['an unknown root', { rootOrgUnitId: 'nowhere', period: '202411' }, 404, 'NOT_FOUND', "org unit 'nowhere' not found"],
      ['thresholds in the wrong order', { rootOrgUnitId: 'd1', period: '202411', parameters: { thresholds: { moderate: 0.2, high: 0.1 } } }, 400, 'VALIDATION', 'body.parameters.thresholds.moderate: moderate must not exceed high'],
      ['a probability above 1', { rootOrgUnitId: 'd1', period: '202411', parameters: { probabilities: { low: 1.5 } } }, 400, 'VALIDATION', 'body.parameters.probabilities.low'],
      ['no history months', { rootOrgUnitId: 'd1', period: '202411', parameters: { historyMonths: 0 } }, 400, 'VALIDATION', 'body.parameters.historyMonths'],
      ['a subtree without an open facility', { rootOrgUnitId: 'cds_closed', period: '202411' }, 422, 'NO_FACILITIES', "rootOrgUnitId: org unit 'cds_closed' has no facility open in 202411"],
    ])('refuses %s, naming the field, and stores nothing', async (_label, body, status, code, message) => {
      const before = await drawCount();
      const response = await post('validator', body);
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json().error).toMatchObject({ code, message: expect.stringContaining(message) });
      expect(await drawCount()).toBe(before);
    });

    it('answers 404 for an unknown draw', async () => {
      expect((await get('validator', '/99999')).statusCode).toBe(404);
      expect((await apply('validator', 99999)).json().error).toMatchObject({ code: 'NOT_FOUND', message: `verification draw 99999 of programme '${PROGRAMME}' not found` });
    });
  });

  describe('roles and scope', () => {
    let p2Draw: number;
    let p1Draw: number;

    it('lets only validators and designers draw', async () => {
      for (const user of ['clerk', 'verifier', 'payer', 'auditor', 'admin']) {
        const response = await post(user, { rootOrgUnitId: 'd1', period: '202410' });
        expect(response.statusCode, user).toBe(403);
        expect(response.json().error.code).toBe('FORBIDDEN');
      }
      expect((await post('designer', { rootOrgUnitId: 'd1', period: '202410' })).statusCode).toBe(201);
    });

    it('refuses a draw outside the user’s subtree', async () => {
      for (const rootOrgUnitId of ['p2', 'cds_3', 'bi']) {
        const response = await post('validator', { rootOrgUnitId, period: '202407' });
        expect(response.statusCode, rootOrgUnitId).toBe(403);
        expect(response.json().error.message).toBe(`your roles do not allow 'verification.draw' on org unit '${rootOrgUnitId}'`);
      }
      const national = await post('national', { rootOrgUnitId: 'p2', period: '202407' });
      expect(national.statusCode).toBe(201);
      p2Draw = national.json().id;
    });

    it('shows a draw only to readers whose scope meets its subtree', async () => {
      for (const user of ['validator', 'auditor', 'district_clerk']) {
        const response = await get(user, `/${p2Draw}`);
        expect(response.statusCode, user).toBe(403);
        expect(response.json().error.message).toBe(`your roles do not allow 'read' on verification draw ${p2Draw} of org unit 'p2'`);
      }
      expect((await entriesOf('national', p2Draw)).map((entry) => entry.orgUnitId)).toEqual(['cds_3']);
    });

    it('shows who reads part of a draw’s subtree only their facilities', async () => {
      p1Draw = (await post('national', { rootOrgUnitId: 'p1', period: '202412' })).json().id;
      const partial = (await get('district_clerk', `/${p1Draw}?limit=1000`)).json();
      expect(partial.entries.total).toBe(7);
      expect(partial.draw.counts.facilities).toBe(7);
      expect(partial.entries.items.every((entry: { path: string }) => entry.path.startsWith('/bi/p1/d1/'))).toBe(true);
      const whole = (await get('clerk', `/${p1Draw}?limit=10&offset=50`)).json();
      expect(whole.entries).toMatchObject({ total: 57, limit: 10, offset: 50 });
      expect(whole.entries.items).toHaveLength(7);
    });

    it('lists the draws overlapping the reader’s scope', async () => {
      const roots = (user: string, query = '') => get(user, `?limit=1000${query}`).then((r) => r.json().items.map((d: { rootOrgUnitId: string }) => d.rootOrgUnitId));
      expect(await roots('clerk')).not.toContain('p2');
      expect(await roots('clerk')).toContain('p1');
      expect(await roots('district_clerk')).not.toContain('d3');
      expect(await roots('national', '&orgUnitId=cds_3')).toEqual(['p2']);
      expect((await get('validator', '?orgUnitId=cds_3')).statusCode).toBe(403);
    });

    it('lets only validators and designers in scope apply a draw', async () => {
      for (const user of ['clerk', 'verifier', 'auditor']) expect((await apply(user, p1Draw)).statusCode, user).toBe(403);
      expect((await apply('validator', p2Draw)).statusCode).toBe(403);
    });
  });

  describe('facilities not drawn', () => {
    let drawId: number;
    const AUGUST = [
      { orgUnitId: 'cds_30', activity: 'consultation', declared: 101 },
      { orgUnitId: 'cds_30', activity: 'delivery', declared: 110 },
      { orgUnitId: 'cds_31', activity: 'consultation', declared: 7 },
      ...D3_FACILITIES.slice(2, -1).map((orgUnitId) => ({ orgUnitId, activity: 'consultation', declared: 20 })),
    ].map((value) => ({ ...value, period: '202408' }));
    const verifiedInAugust = () => db.select().from(dataValues).where(and(eq(dataValues.period, '202408'), eq(dataValues.state, 'verified')));

    beforeAll(async () => {
      await insertHistory(db, AUGUST);
    });

    it('records each facility’s validation rate in its entry', async () => {
      const response = await post('validator', { rootOrgUnitId: 'd3', period: '202408', seed: 'august', parameters: { probabilities: { low: 0 } } });
      expect(response.json()).toMatchObject({ counts: { facilities: 50, drawn: 0 } });
      drawId = response.json().id;
      for (const entry of await entriesOf('validator', drawId)) {
        expect(entry).toMatchObject({ riskClass: 'low', drawn: false, validationRate: 0.95, reasons: { validation: { rate: 0.95, computed: true } } });
      }
    });

    it('refuses to apply where a verified value exists, writing nothing', async () => {
      await insertHistory(db, [{ orgUnitId: 'cds_31', period: '202408', activity: 'consultation', verified: 7 }]);
      const response = await apply('validator', drawId);
      expect(response.statusCode).toBe(409);
      expect(response.json().error).toMatchObject({
        code: 'CONFLICT',
        message: "data value 'consultation' of 'cds_31' for 202408 is already verified (1 verified values among the facilities not drawn); nothing was written",
        details: { count: 1 },
      });
      expect(await verifiedInAugust()).toHaveLength(1);
      expect((await get('validator', `/${drawId}`)).json().draw.appliedAt).toBeNull();
      await db.delete(dataValues).where(and(eq(dataValues.orgUnitId, 'cds_31'), eq(dataValues.period, '202408'), eq(dataValues.state, 'verified')));
    });

    it('refuses to apply where the period is locked, writing nothing', async () => {
      await db.insert(periodStatus).values({ programmeId: PROGRAMME, orgUnitId: 'cds_32', period: '202408', package: 'quantity', status: 'validated' });
      const response = await apply('validator', drawId);
      expect(response.statusCode).toBe(423);
      expect(response.json().error).toMatchObject({ code: 'LOCKED', message: "package 'quantity' of 'cds_32' for 202408 is validated and locked; nothing was written" });
      expect(await verifiedInAugust()).toHaveLength(0);
      await db.delete(periodStatus).where(eq(periodStatus.orgUnitId, 'cds_32'));
    });

    it('writes verified = declared × validation rate, rounded half away from zero, audited with the draw and the rate', async () => {
      const response = await apply('validator', drawId);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ drawId, facilities: 50, values: 50, withoutDeclarations: ['cds_79'] });
      const verified = new Map((await verifiedInAugust()).map((row) => [`${row.orgUnitId}/${row.activity}`, row]));
      expect(verified.size).toBe(50);
      expect(Number(verified.get('cds_30/consultation')!.value)).toBe(96); // 101 × 0.95 = 95.95
      expect(Number(verified.get('cds_30/delivery')!.value)).toBe(105); // 110 × 0.95 = 104.5, half away from zero
      expect(Number(verified.get('cds_31/consultation')!.value)).toBe(7); // 6.65
      expect(Number(verified.get('cds_40/consultation')!.value)).toBe(19);
      expect(verified.get('cds_40/consultation')!.updatedBy).toBe(api.users.validator);
      const [audit] = await audits('estimate', 'cds_30/202408/verified');
      expect(audit).toMatchObject({
        entity: 'data_values',
        userId: api.users.validator,
        oldValue: null,
        newValue: { consultation: '96', delivery: '105' },
        reason: `verification draw ${drawId}: not drawn; verified = declared × validation rate 0.95`,
      });
      expect(await audits('apply', String(drawId))).toHaveLength(1);
      expect((await get('validator', `/${drawId}`)).json().draw).toMatchObject({ appliedBy: api.users.validator, appliedAt: expect.any(String) });
    });

    it('applies a draw once, and no longer replaces it', async () => {
      // The draw says so itself: its policies are what the risk screen offers.
      expect((await get('validator', `/${drawId}`)).json().draw.policies).toEqual({ apply: false, replace: false });
      const again = await apply('validator', drawId);
      expect(again.statusCode).toBe(409);
      expect(again.json().error).toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining('was already applied') });
      const replace = await post('validator', { rootOrgUnitId: 'd3', period: '202408', replace: true, reason: 'try again' });
      expect(replace.statusCode).toBe(409);
      expect(replace.json().error).toMatchObject({ code: 'INVALID_STATE', message: `verification draw ${drawId} of 'd3' for 202408 has been applied and can no longer be replaced` });
    });

    it('leaves estimated months out of the next draws’ history', async () => {
      const next = (await post('national', { rootOrgUnitId: 'd3', period: '202409' })).json();
      const entry = (await entriesOf('national', next.id)).find((e) => e.orgUnitId === 'cds_30');
      expect(entry!.reasons).toMatchObject({
        window: ['202403', '202404', '202405', '202406', '202407', '202408'],
        notVerified: ['202408'],
        periods: ['202403', '202404', '202405', '202406'].map((period) => ({ period })),
        validation: { rate: 0.95 },
      });
    });
  });
});
