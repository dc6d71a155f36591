import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../store/database.ts';
import { funders } from '../../store/schema.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { errors } from '../errors.ts';
import type { Funder } from './createFunder.ts';

export async function renameFunder(tx: Tx, actor: Actor, props: { programmeId: string; id: string; name: string; reason?: string }): Promise<Funder> {
  const { programmeId, id, name } = props;
  const where = and(eq(funders.programmeId, programmeId), eq(funders.id, id));
  const [existing] = await tx.select().from(funders).where(where);
  if (!existing) throw errors.notFound(`funder '${id}'`);
  await tx.update(funders).set({ name }).where(where);
  await recordAudit(tx, {
    programmeId,
    userId: actor.userId,
    action: 'update',
    entity: 'funder',
    entityKey: id,
    orgUnitId: null,
    oldValue: { name: existing.name },
    newValue: { name },
    ...(props.reason ? { reason: props.reason } : {}),
  });
  return { id, name };
}
