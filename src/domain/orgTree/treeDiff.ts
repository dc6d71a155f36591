import { OrgUnitTree, describeError } from '../../engine/index.ts';
import type { Problem } from './problems.ts';
import { ID_RULE, ORG_UNIT_ID } from '../../contract/api/orgUnits.ts';
import { changedFields, type UnitField, type UnitRecord } from './unitRecord.ts';

/** A unit as stored: its record and its place in the tree. */
export interface StoredUnit extends UnitRecord {
  readonly level: number;
  readonly path: string;
}

export type ChangeKind = 'add' | 'move' | 'update' | 'remove';

/** One unit's change, with the fields that changed (all of them when added or removed). */
export interface UnitChange {
  readonly id: string;
  readonly change: ChangeKind;
  readonly fields: readonly UnitField[];
  readonly before: UnitRecord | null;
  readonly after: UnitRecord | null;
}

export interface TreeDiff {
  readonly changes: readonly UnitChange[];
  /** Every unit of the new tree whose stored row differs: changed itself, or its path or level moved with an ancestor. */
  readonly rows: readonly StoredUnit[];
  /** Units whose place changes: moved ones with everything under them, and removed ones, by their stored paths. */
  readonly displaced: readonly { id: string; change: 'move' | 'remove'; ids: readonly string[] }[];
}

/**
 * How the stored tree becomes `wanted`: checked first (unique ids, known parents, no cycle,
 * a single root, open before closed), then each unit added, moved, updated or removed, and
 * the rows to write with their new paths and levels. Pure: the caller reads and writes.
 */
export function diffTree(stored: readonly StoredUnit[], wanted: readonly UnitRecord[]): { diff: TreeDiff } | { problems: Problem[] } {
  const problems = checkTree(wanted);
  if (problems.length > 0) return { problems };
  const placed = place(wanted);
  const before = new Map(stored.map((unit) => [unit.id, unit]));
  const after = new Set(wanted.map((unit) => unit.id));
  const changes: UnitChange[] = [];
  const rows: StoredUnit[] = [];
  for (const unit of placed) {
    const old = before.get(unit.id);
    if (!old) changes.push({ id: unit.id, change: 'add', fields: [], before: null, after: record(unit) });
    else {
      const fields = changedFields(old, unit);
      if (fields.length > 0) changes.push({ id: unit.id, change: fields.includes('parent') ? 'move' : 'update', fields, before: record(old), after: record(unit) });
      else if (old.path === unit.path && old.level === unit.level) continue;
    }
    rows.push(unit);
  }
  const removed = stored.filter((unit) => !after.has(unit.id));
  for (const unit of removed) changes.push({ id: unit.id, change: 'remove', fields: [], before: record(unit), after: null });
  const under = (path: string) => stored.filter((unit) => unit.path.startsWith(path)).map((unit) => unit.id);
  const displaced = [
    ...changes.filter((change) => change.change === 'move').map((change) => ({ id: change.id, change: 'move' as const, ids: under(before.get(change.id)!.path) })),
    ...removed.map((unit) => ({ id: unit.id, change: 'remove' as const, ids: [unit.id] })),
  ];
  return { diff: { changes, rows, displaced } };
}

function checkTree(units: readonly UnitRecord[]): Problem[] {
  const { tree, errors } = OrgUnitTree.build(units.map(({ id, name, parent }) => ({ id, name, ...(parent === null ? {} : { parent }) })));
  const problems: Problem[] = errors.map((error) => ({ at: (error.at ?? 'orgUnits').replace(/^orgUnits/, 'units'), message: describeError(error) }));
  if (!tree) return problems;
  const roots = units.filter((unit) => unit.parent === null);
  if (roots.length > 1) {
    problems.push({ at: 'units', message: `a programme's tree has one root; these units have no parent: ${roots.slice(0, 10).map((unit) => `'${unit.id}'`).join(', ')}` });
  }
  units.forEach((unit, i) => {
    if (!ORG_UNIT_ID.test(unit.id)) problems.push({ at: `units[${i}].id`, message: `'${unit.id}': ${ID_RULE}` });
    if (unit.validFrom !== null && unit.validTo !== null && unit.validTo < unit.validFrom) {
      problems.push({ at: `units[${i}].validTo`, message: `org unit '${unit.id}' closes (${unit.validTo}) before it opens (${unit.validFrom})` });
    }
  });
  return problems;
}

/** Each unit with its path and level, parents before children whatever the input's order. */
function place(units: readonly UnitRecord[]): StoredUnit[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const placed = new Map<string, StoredUnit>();
  const placeOne = (unit: UnitRecord): StoredUnit => {
    const known = placed.get(unit.id);
    if (known) return known;
    const parent = unit.parent === null ? undefined : placeOne(byId.get(unit.parent)!);
    const result = { ...unit, level: parent ? parent.level + 1 : 1, path: `${parent?.path ?? '/'}${unit.id}/` };
    placed.set(unit.id, result);
    return result;
  };
  for (const unit of units) placeOne(unit);
  return [...placed.values()];
}

function record(unit: UnitRecord): UnitRecord {
  const { id, name, parent, groups, attributes, validFrom, validTo } = unit;
  return { id, name, parent, groups, attributes, validFrom, validTo };
}
