import type { Tx } from '../../store/database.ts';
import type { Actor } from '../actor.ts';
import { applyTree, type ApplyTreeOptions, type TreeReport } from './applyTree.ts';
import type { UnitRecordInput } from '../../contract/api/orgUnits.ts';
import { completeRecord } from './unitRecord.ts';

/**
 * Imports a whole tree (a first load, or a file or DHIS2's tree again): what differs from the
 * stored tree is applied unit by unit (see applyTree); units left out are removed.
 */
export function importOrgUnits(tx: Tx, actor: Actor | null, programmeId: string, units: readonly UnitRecordInput[], options: ApplyTreeOptions = {}): Promise<TreeReport> {
  return applyTree(tx, actor, programmeId, units.map(completeRecord), options);
}
