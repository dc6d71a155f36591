import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../store/database.ts';
import { funders } from '../../store/schema.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { errors } from '../errors.ts';

export interface Funder {
  readonly id: string;
  readonly name: string;
}

export async function createFunder(tx: Tx, actor: Actor, props: { programmeId: string } & Funder): Promise<Funder> {
  const { programmeId, id, name } = props;
  const [existing] = await tx.select().from(funders).where(and(eq(funders.programmeId, programmeId), eq(funders.id, id)));
  if (existing) throw errors.conflict(`id: funder '${id}' already exists`, [{ at: 'id' }]);
  await tx.insert(funders).values({ programmeId, id, name });
  await recordAudit(tx, { programmeId, userId: actor.userId, action: 'create', entity: 'funder', entityKey: id, orgUnitId: null, newValue: { id, name } });
  return { id, name };
}
