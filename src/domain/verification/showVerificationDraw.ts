import { and, asc, count, eq, ilike, or } from 'drizzle-orm';
import { anyOf } from '../../store/bulk.ts';
import type { Db, Tx } from '../../store/database.ts';
import { orgUnits, verificationDrawEntries } from '../../store/schema.ts';
import type { Actor } from '../actor.ts';
import { unitPath } from '../scope.ts';
import type { RiskReasons } from '../../contract/api/verification.ts';
import { assertReadable, loadDraw, summarise, unitsUnder, visibilityOf, visibleEntries, type DrawSummary } from './drawRecords.ts';
import type { RiskClass } from '../../contract/verification.ts';

export interface ShowDrawProps {
  readonly programmeId: string;
  readonly drawId: number;
  readonly limit: number;
  readonly offset: number;
  readonly drawn?: boolean;
  readonly riskClass?: RiskClass;
  /** Only the entries in this org unit's subtree (a facility's own entry, or a district's). */
  readonly orgUnitId?: string;
  /** Only the entries whose facility name or id contains this text. */
  readonly search?: string;
}

export interface DrawEntryView {
  readonly orgUnitId: string;
  readonly name: string;
  readonly path: string;
  readonly riskClass: RiskClass;
  readonly probability: number;
  readonly drawn: boolean;
  readonly validationRate: number | null;
  readonly reasons: RiskReasons;
}

/**
 * A draw with a page of its entries, each with the reasons of its class. Someone whose
 * scope lies inside the draw's subtree sees the entries (and counts) of their scope only.
 * Filters on org units (scope, subtree, name) become arrays of unit ids first, and org units
 * are joined by key alone: see `Visibility` for why.
 */
export async function showVerificationDraw(
  db: Db | Tx,
  actor: Actor,
  props: ShowDrawProps,
): Promise<{ draw: DrawSummary; entries: { items: DrawEntryView[]; total: number; limit: number; offset: number } }> {
  const { programmeId, drawId, limit, offset } = props;
  const draw = await loadDraw(db, programmeId, drawId);
  const rootPath = await unitPath(db, programmeId, draw.rootOrgUnitId);
  assertReadable(actor, programmeId, draw, rootPath);
  const where = and(
    eq(verificationDrawEntries.programmeId, programmeId),
    eq(verificationDrawEntries.drawId, drawId),
    visibleEntries(await visibilityOf(db, actor, programmeId, [rootPath])),
    props.drawn === undefined ? undefined : eq(verificationDrawEntries.drawn, props.drawn),
    props.riskClass === undefined ? undefined : eq(verificationDrawEntries.riskClass, props.riskClass),
    props.orgUnitId === undefined ? undefined : anyOf(verificationDrawEntries.orgUnitId, await unitsUnder(db, programmeId, [await unitPath(db, programmeId, props.orgUnitId)])),
    props.search ? anyOf(verificationDrawEntries.orgUnitId, await unitsNamed(db, programmeId, props.search)) : undefined,
  );
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(verificationDrawEntries).where(where);
  const rows = await db
    .select({
      orgUnitId: verificationDrawEntries.orgUnitId,
      name: orgUnits.name,
      path: orgUnits.path,
      riskClass: verificationDrawEntries.riskClass,
      probability: verificationDrawEntries.probability,
      drawn: verificationDrawEntries.drawn,
      validationRate: verificationDrawEntries.validationRate,
      reasons: verificationDrawEntries.reasons,
    })
    .from(verificationDrawEntries)
    .innerJoin(orgUnits, and(eq(orgUnits.programmeId, verificationDrawEntries.programmeId), eq(orgUnits.id, verificationDrawEntries.orgUnitId)))
    .where(where)
    .orderBy(asc(orgUnits.path))
    .limit(limit)
    .offset(offset);
  const [summary] = await summarise(db, actor, programmeId, [draw]);
  const items = rows.map((row) => ({ ...row, riskClass: row.riskClass as RiskClass, reasons: row.reasons as RiskReasons }));
  return { draw: summary!, entries: { items, total, limit, offset } };
}

/** The ids of the units whose name or id contains the text. */
async function unitsNamed(db: Db | Tx, programmeId: string, text: string): Promise<string[]> {
  const rows = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.programmeId, programmeId), or(ilike(orgUnits.name, `%${text}%`), ilike(orgUnits.id, `%${text}%`))));
  return rows.map((row) => row.id);
}
