import { groupsMatch, type Program } from '../../engine/index.ts';
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
  private constructor(private readonly byId: ReadonlyMap<string, StoredUnit>) {}

  static async load(db: Db | Tx, programmeId: string, ids: Iterable<string>): Promise<Units> {
    return new Units(await unitFacts(db, programmeId, ids));
  }

  static of(rows: readonly StoredUnit[]): Units {
    return new Units(new Map(rows.map((row) => [row.id, row])));
  }

  get(id: string): StoredUnit | undefined {
    return this.byId.get(id);
  }

  /** Whether a package is about this unit: its data feed the package (a zone's targets). */
  takesPart(id: string, pkg: Package): boolean {
    const unit = this.byId.get(id);
    return unit !== undefined && groupsMatch(unit.groups, pkg.kind === 'zone' ? pkg.targets : pkg.appliesTo);
  }
}
