import { and, eq } from 'drizzle-orm';
import { anyOf } from '../store/bulk.ts';
import type { Db, Tx } from '../store/database.ts';
import { keptBy, kept } from '../store/machinery.ts';
import { orgUnits } from '../store/schema.ts';
import { Expiring } from './cache.ts';

/** What most requests need to know of an org unit: its name, place in the tree and groups. */
export interface UnitFacts {
  readonly id: string;
  readonly name: string;
  readonly path: string;
  readonly groups: Record<string, string>;
}

/** Each database's own: the paths feed authorisation, and two databases may hold the same programme id. */
const UNIT_FACTS = kept('unit facts', () => new Expiring<string, UnitFacts>(30_000));
const key = (programmeId: string, id: string) => `${programmeId}\u0000${id}`;

/** The facts of the units among `ids` that exist, from the cache or in one query. */
export async function unitFacts(db: Db | Tx, programmeId: string, ids: Iterable<string>): Promise<Map<string, UnitFacts>> {
  const cache = keptBy(db, UNIT_FACTS);
  const found = new Map<string, UnitFacts>();
  const missing: string[] = [];
  for (const id of new Set(ids)) {
    const cached = cache.get(key(programmeId, id));
    if (cached) found.set(id, cached);
    else missing.push(id);
  }
  if (missing.length === 0) return found;
  const generation = cache.generation();
  const rows = await db
    .select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path, groups: orgUnits.groups })
    .from(orgUnits)
    .where(and(eq(orgUnits.programmeId, programmeId), missing.length === 1 ? eq(orgUnits.id, missing[0]!) : anyOf(orgUnits.id, missing)));
  for (const row of rows) {
    cache.setRead(key(programmeId, row.id), row, db, generation);
    found.set(row.id, row);
  }
  return found;
}

/** After the tree of a programme changes through `db`. */
export function forgetUnitFacts(db: Db | Tx, programmeId: string): void {
  const prefix = key(programmeId, '');
  keptBy(db, UNIT_FACTS).forgetChanged(db, (entry) => entry.startsWith(prefix));
}
