import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../store/database.ts';
import { funderShares } from '../../store/schema.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { errors } from '../errors.ts';
import { checkOverlaps } from './addFunderShare.ts';
import { findShare, loadShares } from './loadShares.ts';
import { validityPeriod, type ShareRow } from './shareRules.ts';

/** Sets the last period of a share (to end it, or to move its end); payment orders already made keep their lines. */
export async function endFunderShare(
  tx: Tx,
  actor: Actor,
  props: { programmeId: string; shareId: number; validTo: string; reason?: string },
): Promise<ShareRow> {
  const shares = await loadShares(tx, props.programmeId);
  const share = await findShare(tx, props.programmeId, props.shareId);
  const validTo = validityPeriod(props.validTo, 'validTo');
  if (validTo.lastMonth < validityPeriod(share.validFrom, 'validFrom').firstMonth) {
    throw errors.validation(`validTo: '${validTo.id}' ends before the share's validFrom '${share.validFrom}'`, [{ at: 'validTo' }]);
  }
  const updated = { ...share, validTo: validTo.id };
  checkOverlaps(shares.filter((candidate) => candidate.id !== share.id), updated);
  await tx.update(funderShares).set({ validTo: validTo.id }).where(and(eq(funderShares.programmeId, props.programmeId), eq(funderShares.id, share.id)));
  await recordAudit(tx, {
    programmeId: props.programmeId,
    userId: actor.userId,
    action: 'update',
    entity: 'funder_share',
    entityKey: String(share.id),
    orgUnitId: share.orgUnitId,
    oldValue: { validTo: share.validTo },
    newValue: { validTo: validTo.id },
    ...(props.reason ? { reason: props.reason } : {}),
  });
  return updated;
}
