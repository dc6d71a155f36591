import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../store/database.ts';
import { funderShares } from '../../store/schema.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { errors } from '../errors.ts';

/** Deletes a share entered by mistake; payment orders already made keep their lines. */
export async function removeFunderShare(tx: Tx, actor: Actor, props: { programmeId: string; shareId: number; reason: string }): Promise<void> {
  const [removed] = await tx
    .delete(funderShares)
    .where(and(eq(funderShares.programmeId, props.programmeId), eq(funderShares.id, props.shareId)))
    .returning();
  if (!removed) throw errors.notFound(`funder share ${props.shareId}`);
  const { programmeId: _p, ...oldValue } = removed;
  await recordAudit(tx, {
    programmeId: props.programmeId,
    userId: actor.userId,
    action: 'delete',
    entity: 'funder_share',
    entityKey: String(props.shareId),
    orgUnitId: removed.orgUnitId,
    oldValue,
    reason: props.reason,
  });
}
