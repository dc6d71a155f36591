import { and, asc, eq } from 'drizzle-orm';
import { OrgUnitTree, describeError, type OrgUnitInput } from '../engine/index.ts';
import type { Db, Tx } from '../store/database.ts';
import { orgUnits } from '../store/schema.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { errors } from './errors.ts';
import { forgetUnitFacts } from './unitFacts.ts';
import { underPath } from './subtree.ts';

export interface OrgUnitRecord extends OrgUnitInput {
  readonly validFrom?: string | null;
  readonly validTo?: string | null;
}

const BATCH = 2000;

/**
 * Replaces a programme's org-unit tree. The tree is validated by the engine first (unique
 * ids, known parents, no cycles): on any error nothing is written.
 */
export async function importOrgUnits(tx: Tx, actor: Actor | null, programmeId: string, units: readonly OrgUnitRecord[]) {
  const { tree, errors: problems } = OrgUnitTree.build(units.map(({ validFrom: _f, validTo: _t, ...unit }) => unit));
  if (!tree) {
    throw errors.validation('the org-unit tree is invalid', problems.map((problem) => ({ at: problem.at, message: describeError(problem) })));
  }
  const paths = new Map<string, string>();
  const pathOf = (index: number): string => {
    const id = tree.id(index);
    const known = paths.get(id);
    if (known) return known;
    const parent = tree.parent(index);
    const path = `${parent < 0 ? '/' : pathOf(parent)}${id}/`;
    paths.set(id, path);
    return path;
  };
  const rows = units.map((unit, i) => ({
    programmeId,
    id: unit.id,
    name: unit.name ?? unit.id,
    parentId: unit.parent ?? null,
    level: tree.level(i),
    path: pathOf(i),
    groups: unit.groups ?? {},
    attributes: unit.attributes ?? {},
    validFrom: unit.validFrom ?? null,
    validTo: unit.validTo ?? null,
  }));
  await tx.delete(orgUnits).where(eq(orgUnits.programmeId, programmeId));
  forgetUnitFacts(tx, programmeId);
  for (let i = 0; i < rows.length; i += BATCH) await tx.insert(orgUnits).values(rows.slice(i, i + BATCH));
  await recordAudit(tx, {
    programmeId,
    userId: actor?.userId ?? null,
    action: 'import',
    entity: 'org_units',
    entityKey: programmeId,
    orgUnitId: null,
    newValue: { count: rows.length },
  });
  return { count: rows.length };
}

/** The programme's org units (or one subtree) as the engine's tree. */
export async function loadTree(db: Db | Tx, programmeId: string, rootPath?: string): Promise<OrgUnitTree> {
  const rows = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.programmeId, programmeId), rootPath ? underPath(orgUnits.path, rootPath) : undefined))
    .orderBy(asc(orgUnits.path));
  const inside = new Set(rows.map((row) => row.id));
  const { tree, errors: problems } = OrgUnitTree.build(
    rows.map((row) => ({
      id: row.id,
      name: row.name,
      ...(row.parentId && inside.has(row.parentId) ? { parent: row.parentId } : {}),
      groups: row.groups,
      attributes: row.attributes,
    })),
  );
  if (!tree) throw new Error(`stored org units of '${programmeId}' are inconsistent: ${problems.map((p) => describeError(p)).join('; ')}`);
  return tree;
}
