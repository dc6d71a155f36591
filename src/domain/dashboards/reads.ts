import type { Ranking, SortOrder } from '../../contract/rankings.ts';
import type { Db } from '../../store/database.ts';
import type { Actor } from '../actor.ts';
import { errors } from '../errors.ts';
import { authorize } from '../scope.ts';
import { budgetBurn } from './budgetBurn.ts';
import { dataExtent } from './dataExtent.ts';
import { delaysByFunder } from './delaysByFunder.ts';
import { paymentsOverTime } from './paymentsOverTime.ts';
import { programmeFacts, type ProgrammeFacts } from './programmeFacts.ts';
import { qualityOverTime } from './qualityOverTime.ts';
import { qualityVsQuantity } from './qualityVsQuantity.ts';
import { quantityByUnit } from './quantityByUnit.ts';
import { quantityOverTime } from './quantityOverTime.ts';
import { monthRange } from './range.ts';
import { rankings } from './rankings.ts';
import { reporting } from './reporting.ts';
import { dashboardScope } from './scope.ts';

/**
 * The dashboards as the API reads them, one use case per dashboard: each checks the range
 * (400 naming the field), then the subtree the actor asks for (403 outside their scope, 404
 * unknown), then reads. See docs/dashboards.md for what each figure counts.
 */
export interface RangeAsked {
  readonly root?: string | undefined;
  readonly from: string;
  readonly to: string;
}

interface PackageAsked extends RangeAsked {
  readonly package?: string | undefined;
}

async function rangeInput(db: Db, actor: Actor, programmeId: string, asked: RangeAsked) {
  const range = monthRange(asked.from, asked.to);
  const scope = await dashboardScope(db, actor, programmeId, asked.root);
  return { programmeId, range, scope, units: scope.ids };
}

/** The programme's facts, after checking that `code`, when given, is one of its quantity packages. */
async function quantityPackage(db: Db, programmeId: string, code: string | undefined): Promise<ProgrammeFacts> {
  const facts = await programmeFacts(db, programmeId);
  if (code !== undefined && !facts.quantityPackages.includes(code)) {
    const known = facts.quantityPackages.map((pkg) => `'${pkg}'`).join(', ') || 'none';
    throw errors.validation(`package: '${code}' is not a quantity package of programme '${programmeId}' (its quantity packages: ${known})`, [{ at: 'package' }]);
  }
  return facts;
}

export async function dashboardPeriods(db: Db, actor: Actor, programmeId: string) {
  await authorize(db, actor, programmeId, 'read');
  return dataExtent(db, programmeId);
}

export async function quantityDashboard(db: Db, actor: Actor, programmeId: string, asked: PackageAsked) {
  const { range, units } = await rangeInput(db, actor, programmeId, asked);
  const facts = await quantityPackage(db, programmeId, asked.package);
  return quantityOverTime(db, { programmeId, units, range, facts, package: asked.package });
}

export async function quantityByUnitDashboard(db: Db, actor: Actor, programmeId: string, asked: PackageAsked) {
  const { range, scope, units } = await rangeInput(db, actor, programmeId, asked);
  const facts = await quantityPackage(db, programmeId, asked.package);
  return quantityByUnit(db, { programmeId, units, range, facts, package: asked.package }, scope);
}

export async function qualityDashboard(db: Db, actor: Actor, programmeId: string, asked: RangeAsked) {
  const { range, units } = await rangeInput(db, actor, programmeId, asked);
  return qualityOverTime(db, { programmeId, units, range, facts: await programmeFacts(db, programmeId) });
}

export async function rankingsDashboard(
  db: Db,
  actor: Actor,
  programmeId: string,
  asked: RangeAsked & { readonly by: Ranking; readonly order: SortOrder; readonly limit: number; readonly offset: number },
) {
  const { range, scope } = await rangeInput(db, actor, programmeId, asked);
  const { by, order, limit, offset } = asked;
  return rankings(db, { programmeId, scope, range, facts: await programmeFacts(db, programmeId), by, order, limit, offset });
}

export async function qualityVsQuantityDashboard(db: Db, actor: Actor, programmeId: string, asked: RangeAsked) {
  const { range, scope, units } = await rangeInput(db, actor, programmeId, asked);
  return qualityVsQuantity(db, { programmeId, units, range, scope, facts: await programmeFacts(db, programmeId) });
}

export async function paymentsDashboard(db: Db, actor: Actor, programmeId: string, asked: RangeAsked) {
  return paymentsOverTime(db, await rangeInput(db, actor, programmeId, asked));
}

/** Delays measured at `asOf` (default: today, the server's date). */
export async function paymentDelaysDashboard(
  db: Db,
  actor: Actor,
  programmeId: string,
  asked: RangeAsked & { readonly lateAfterDays: number; readonly asOf?: string | undefined },
) {
  const { lateAfterDays } = asked;
  const asOf = asked.asOf ?? new Date().toISOString().slice(0, 10);
  const { items } = await delaysByFunder(db, { ...(await rangeInput(db, actor, programmeId, asked)), lateAfterDays, asOf });
  return { lateAfterDays, asOf, items };
}

export async function budgetBurnDashboard(db: Db, actor: Actor, programmeId: string, asked: { readonly root?: string | undefined; readonly year: number }) {
  const scope = await dashboardScope(db, actor, programmeId, asked.root);
  return budgetBurn(db, { programmeId, units: scope.ids, year: asked.year });
}

export async function reportingDashboard(db: Db, actor: Actor, programmeId: string, asked: RangeAsked & { readonly withinDays: number }) {
  const { range, scope } = await rangeInput(db, actor, programmeId, asked);
  return reporting(db, { programmeId, scope, range, withinDays: asked.withinDays });
}
