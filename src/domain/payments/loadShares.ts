import { and, asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../store/database.ts';
import { funderShares, orgUnits } from '../../store/schema.ts';
import { errors } from '../errors.ts';
import type { ShareRow } from './shareRules.ts';

/** Every funder share of a programme with the path of its subtree. */
export async function loadShares(db: Db | Tx, programmeId: string): Promise<ShareRow[]> {
  return db
    .select({
      id: funderShares.id,
      funderId: funderShares.funderId,
      orgUnitId: funderShares.orgUnitId,
      path: orgUnits.path,
      payment: funderShares.payment,
      share: funderShares.share,
      validFrom: funderShares.validFrom,
      validTo: funderShares.validTo,
    })
    .from(funderShares)
    .innerJoin(orgUnits, and(eq(orgUnits.programmeId, funderShares.programmeId), eq(orgUnits.id, funderShares.orgUnitId)))
    .where(eq(funderShares.programmeId, programmeId))
    .orderBy(asc(funderShares.id));
}

/** One share, or a 404 naming it. */
export async function findShare(db: Db | Tx, programmeId: string, shareId: number): Promise<ShareRow> {
  const share = (await loadShares(db, programmeId)).find((candidate) => candidate.id === shareId);
  if (!share) throw errors.notFound(`funder share ${shareId}`);
  return share;
}
