import type { Tx } from '../../store/database.ts';
import type { Actor } from '../actor.ts';
import { errors } from '../errors.ts';
import { applyTree, type TreeReport } from './applyTree.ts';
import type { StoredUnit } from './treeDiff.ts';
import type { UnitRecordInput } from '../../contract/api/orgUnits.ts';
import { completeRecord, type UnitRecord } from './unitRecord.ts';

/** Adds one unit under an existing parent (or as the root of an empty tree). */
export async function addUnit(tx: Tx, actor: Actor, programmeId: string, input: UnitRecordInput): Promise<TreeReport> {
  return applyTree(tx, actor, programmeId, (stored) => {
    if (stored.some((unit) => unit.id === input.id)) throw errors.conflict(`id: org unit '${input.id}' already exists`, [{ at: 'id' }]);
    if ((input.parent ?? null) === null && stored.length > 0) {
      throw errors.validation(`parent: the tree has its root already; say under which unit '${input.id}' goes`, [{ at: 'parent' }]);
    }
    return [...stored, completeRecord(input)];
  });
}

export type UnitEdit = Partial<Omit<UnitRecord, 'id'>>;

/**
 * Renames, moves (with everything under it), regroups, or opens and closes one unit. A move
 * asked for is meant, so it is not refused for the records the unit holds; the root stays.
 */
export async function editUnit(tx: Tx, actor: Actor, programmeId: string, id: string, edit: UnitEdit, reason?: string): Promise<TreeReport> {
  return applyTree(
    tx,
    actor,
    programmeId,
    (stored) => {
      const unit = stored.find((candidate) => candidate.id === id);
      if (!unit) throw errors.notFound(`org unit '${id}'`);
      if (edit.parent !== undefined && unit.parent === null) throw errors.validation(`parent: '${id}' is the root of the tree and stays it`, [{ at: 'parent' }]);
      if (edit.parent === null) throw errors.validation(`parent: the tree has one root; '${id}' needs a parent`, [{ at: 'parent' }]);
      return stored.map((candidate) => (candidate.id === id ? { ...recordOf(candidate), ...edit } : candidate));
    },
    { movesMeant: true, reason },
  );
}

function recordOf(unit: StoredUnit): UnitRecord {
  const { level: _level, path: _path, ...record } = unit;
  return record;
}
