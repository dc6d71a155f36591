import { and, count, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { anyOf } from '../../store/bulk.ts';
import type { Db, Tx } from '../../store/database.ts';
import { orgUnits, verificationDrawEntries, verificationDraws } from '../../store/schema.ts';
import type { Actor } from '../actor.ts';
import { errors } from '../errors.ts';
import { scopePaths } from '../scope.ts';
import type { StoredParameters } from '../../contract/api/verification.ts';
import { RISK_CLASSES, type RiskClass } from '../../contract/verification.ts';
import { verificationDrawPolicies, type VerificationDrawPolicies } from '../policies/verificationDraw.ts';
import { underPath } from '../subtree.ts';

export type DrawRow = typeof verificationDraws.$inferSelect;

export interface ClassCount {
  readonly facilities: number;
  readonly drawn: number;
}

export interface DrawSummary {
  readonly id: number;
  readonly rootOrgUnitId: string;
  readonly period: string;
  readonly seed: string;
  readonly parameters: StoredParameters;
  readonly createdBy: number | null;
  readonly createdAt: Date;
  readonly replacedBy: number | null;
  readonly replacedAt: Date | null;
  readonly appliedBy: number | null;
  readonly appliedAt: Date | null;
  readonly counts: ClassCount & { readonly byClass: Record<RiskClass, ClassCount> };
  readonly policies: VerificationDrawPolicies;
}

/** A draw by id, or a 404 naming it. */
export async function loadDraw(db: Db | Tx, programmeId: string, drawId: number): Promise<DrawRow> {
  const [draw] = await db
    .select()
    .from(verificationDraws)
    .where(and(eq(verificationDraws.programmeId, programmeId), eq(verificationDraws.id, drawId)));
  if (!draw) throw errors.notFound(`verification draw ${drawId} of programme '${programmeId}'`);
  return draw;
}

/** Refuses a draw whose subtree neither lies in nor contains a subtree the actor may read. */
export function assertReadable(actor: Actor, programmeId: string, draw: DrawRow, rootPath: string): void {
  const paths = scopePaths(actor, programmeId, 'read');
  if (paths.some((path) => rootPath.startsWith(path) || path.startsWith(rootPath))) return;
  throw errors.forbidden(`your roles do not allow 'read' on verification draw ${draw.id} of org unit '${draw.rootOrgUnitId}'`);
}

/**
 * The entries of a draw an actor sees: all of them when one of the actor's subtrees holds the
 * draw's root, else those of the units in the actor's subtrees. Entries are filtered on these
 * units' ids as one array, never by joining org units on paths: on tables never analysed
 * (PGlite has no autovacuum) the planner would scan the subtree once per entry.
 */
export type Visibility = 'all' | { readonly units: readonly string[] };

export async function visibilityOf(db: Db | Tx, actor: Actor, programmeId: string, rootPaths: readonly string[]): Promise<Visibility> {
  const paths = scopePaths(actor, programmeId, 'read');
  if (rootPaths.every((root) => paths.some((path) => root.startsWith(path)))) return 'all';
  return { units: await unitsUnder(db, programmeId, paths) };
}

/** The ids of the units under any of these paths. */
export async function unitsUnder(db: Db | Tx, programmeId: string, paths: readonly string[]): Promise<string[]> {
  if (paths.length === 0) return [];
  const rows = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.programmeId, programmeId), or(...paths.map((path) => underPath(orgUnits.path, path)))));
  return rows.map((row) => row.id);
}

/** The condition on entries for a visibility; none when everything is visible. */
export function visibleEntries(visibility: Visibility): SQL | undefined {
  return visibility === 'all' ? undefined : anyOf(verificationDrawEntries.orgUnitId, visibility.units);
}

/** Draws with their counts of facilities and drawn facilities per class, among the entries the actor sees. */
export async function summarise(db: Db | Tx, actor: Actor, programmeId: string, draws: readonly DrawRow[]): Promise<DrawSummary[]> {
  if (draws.length === 0) return [];
  const roots = await db
    .select({ id: orgUnits.id, path: orgUnits.path })
    .from(orgUnits)
    .where(and(eq(orgUnits.programmeId, programmeId), anyOf(orgUnits.id, [...new Set(draws.map((draw) => draw.rootOrgUnitId))])));
  const visibility = await visibilityOf(db, actor, programmeId, roots.map((root) => root.path));
  const rows = await db
    .select({
      drawId: verificationDrawEntries.drawId,
      riskClass: verificationDrawEntries.riskClass,
      facilities: count(),
      drawn: sql<number>`count(*) filter (where ${verificationDrawEntries.drawn})`.mapWith(Number),
    })
    .from(verificationDrawEntries)
    .where(and(eq(verificationDrawEntries.programmeId, programmeId), inArray(verificationDrawEntries.drawId, draws.map((draw) => draw.id)), visibleEntries(visibility)))
    .groupBy(verificationDrawEntries.drawId, verificationDrawEntries.riskClass);
  const rootPaths = new Map(roots.map((root) => [root.id, root.path]));
  return draws.map(({ programmeId: _p, parameters, ...draw }) => {
    const byClass = Object.fromEntries(RISK_CLASSES.map((riskClass) => [riskClass, { facilities: 0, drawn: 0 }])) as Record<RiskClass, ClassCount>;
    for (const row of rows) if (row.drawId === draw.id) byClass[row.riskClass as RiskClass] = { facilities: row.facilities, drawn: row.drawn };
    const totals = Object.values(byClass).reduce((sum, c) => ({ facilities: sum.facilities + c.facilities, drawn: sum.drawn + c.drawn }), { facilities: 0, drawn: 0 });
    const record = { programmeId, rootPath: rootPaths.get(draw.rootOrgUnitId)!, appliedAt: draw.appliedAt, replacedAt: draw.replacedAt };
    return { ...draw, parameters: parameters as StoredParameters, counts: { ...totals, byClass }, policies: verificationDrawPolicies(actor, record) };
  });
}
