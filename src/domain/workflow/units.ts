import { OrgUnitTree, type Program } from '../../engine/index.ts';
import type { Db, Tx } from '../../store/database.ts';
import { unitFacts } from '../unitFacts.ts';

type Package = Program['packages'][number];

export interface StoredUnit {
  readonly id: string;
  readonly name: string;
  readonly path: string;
  readonly groups: Record<string, string>;
}

/**
 * The stored units among `ids`, with their groups matched by the engine's own rule, so the
 * store and the engine agree on which facilities a package is about.
 */
export class Units {
  private constructor(
    private readonly byId: ReadonlyMap<string, StoredUnit>,
    private readonly tree: OrgUnitTree,
  ) {}

  static async load(db: Db | Tx, programmeId: string, ids: Iterable<string>): Promise<Units> {
    return Units.of([...(await unitFacts(db, programmeId, ids)).values()]);
  }

  static of(rows: readonly StoredUnit[]): Units {
    const { tree } = OrgUnitTree.build(rows.map((row) => ({ id: row.id, groups: row.groups })));
    if (!tree) throw new Error('stored org units have duplicate ids');
    return new Units(new Map(rows.map((row) => [row.id, row])), tree);
  }

  get(id: string): StoredUnit | undefined {
    return this.byId.get(id);
  }

  /** Whether a package is about this unit: its data feed the package (a zone's targets). */
  takesPart(id: string, pkg: Package): boolean {
    const index = this.tree.indexOf(id);
    return index !== undefined && this.tree.matches(index, pkg.kind === 'zone' ? pkg.targets : pkg.appliesTo);
  }
}
