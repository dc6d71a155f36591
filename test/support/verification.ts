import { importOrgUnits } from '../../src/domain/orgTree/importTree.ts';
import type { UnitRecordInput } from '../../src/contract/api/orgUnits.ts';
import { createUser, grantRole } from '../../src/domain/users.ts';
import type { Db } from '../../src/store/database.ts';
import type { Role } from '../../src/contract/roles.ts';
import { dataValues } from '../../src/store/schema.ts';
import { PASSWORD, PROGRAMME, TREE } from './api.ts';

/**
 * The test tree with more facilities under p1 for risk-based verification: a hospital and
 * facilities at the class boundaries in d1, a closed facility, and 50 look-alike health
 * centres in d3 for reproducibility and the non-drawn payments rule.
 */
export const D3_FACILITIES = Array.from({ length: 50 }, (_, i) => `cds_${30 + i}`);

export const RISK_TREE: UnitRecordInput[] = [
  ...TREE,
  ...['cds_low', 'cds_high', 'cds_new', 'cds_vv'].map((id) => ({ id, name: id, parent: 'd1', groups: { type: 'cds' } })),
  { id: 'hd_1', name: 'Hôpital de district', parent: 'd1', groups: { type: 'hd' } },
  { id: 'cds_closed', name: 'Closed CDS', parent: 'd1', groups: { type: 'cds' }, validTo: '2023-12-31' },
  { id: 'd3', name: 'District 3', parent: 'p1', groups: { type: 'district' } },
  ...D3_FACILITIES.map((id) => ({ id, name: id, parent: 'd3', groups: { type: 'cds' } })),
];

/** Replaces the test tree by RISK_TREE and adds users scoped elsewhere than p1. */
export async function seedRiskTree(db: Db, extraUsers: readonly { username: string; role: Role; orgUnitId: string }[]): Promise<Record<string, number>> {
  return db.transaction(async (tx) => {
    await importOrgUnits(tx, null, PROGRAMME, RISK_TREE);
    const ids: Record<string, number> = {};
    for (const user of extraUsers) {
      ids[user.username] = await createUser(tx, null, { username: user.username, name: user.username, password: PASSWORD });
      await grantRole(tx, null, { userId: ids[user.username]!, programmeId: PROGRAMME, role: user.role, orgUnitId: user.orgUnitId });
    }
    return ids;
  });
}

/** One activity of one facility in one month, with the states it has reached. */
export interface HistoryValue {
  readonly orgUnitId: string;
  readonly period: string;
  readonly activity: string;
  readonly declared?: number | string;
  readonly verified?: number | string;
  readonly validated?: number | string;
}

const STATES = ['declared', 'verified', 'validated'] as const;
const BATCH = 2000;

/** Writes history straight into data_values, in batches. */
export async function insertHistory(db: Db, values: readonly HistoryValue[]): Promise<void> {
  const rows = values.flatMap((v) =>
    STATES.flatMap((state) =>
      v[state] === undefined ? [] : [{ programmeId: PROGRAMME, orgUnitId: v.orgUnitId, period: v.period, activity: v.activity, state, value: String(v[state]) }],
    ),
  );
  for (let i = 0; i < rows.length; i += BATCH) await db.insert(dataValues).values(rows.slice(i, i + BATCH));
}

/** The same values for each month given. */
export function everyMonth(months: readonly string[], values: readonly Omit<HistoryValue, 'period'>[]): HistoryValue[] {
  return months.flatMap((period) => values.map((value) => ({ ...value, period })));
}
