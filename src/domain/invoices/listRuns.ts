import { and, count as countRows, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../store/database.ts';
import { invoiceRuns, invoices } from '../../store/schema.ts';
import { arrayParam } from '../../store/sql.ts';
import type { Actor } from '../actor.ts';
import { authorize, scopePaths, unitPath } from '../scope.ts';
import { scopeUnits } from './scopeUnits.ts';

export interface ListRunsProps {
  readonly programmeId: string;
  readonly orgUnitId?: string;
  readonly period?: string;
  readonly limit: number;
  readonly offset: number;
}

/** Invoice runs over subtrees in the actor's scope (under `orgUnitId` when given), newest first, with their counts and totals. */
export async function listRuns(db: Db, actor: Actor, props: ListRunsProps) {
  const { programmeId, orgUnitId, period, limit, offset } = props;
  await authorize(db, actor, programmeId, 'read', orgUnitId);
  const path = orgUnitId === undefined ? undefined : await unitPath(db, programmeId, orgUnitId);
  const units = await scopeUnits(db, programmeId, scopePaths(actor, programmeId, 'read'), path);
  const where = and(
    eq(invoiceRuns.programmeId, programmeId),
    sql`${invoiceRuns.rootOrgUnitId} = any(${arrayParam(units, 'text')})`,
    period === undefined ? undefined : eq(invoiceRuns.period, period),
  );
  const [count] = await db.select({ total: countRows() }).from(invoiceRuns).where(where);
  const ofRun = sql`${invoices.programmeId} = ${invoiceRuns.programmeId} and ${invoices.runId} = ${invoiceRuns.id}`;
  const items = await db
    .select({
      id: invoiceRuns.id,
      rootOrgUnitId: invoiceRuns.rootOrgUnitId,
      period: invoiceRuns.period,
      programmeVersion: invoiceRuns.programmeVersion,
      inputsHash: invoiceRuns.inputsHash,
      status: invoiceRuns.status,
      startedBy: invoiceRuns.startedBy,
      startedAt: invoiceRuns.startedAt,
      finishedAt: invoiceRuns.finishedAt,
      invoiceCount: sql<number>`(select count(*)::int from ${invoices} where ${ofRun})`,
      total: sql<string>`(select coalesce(sum(${invoices.amount}), 0)::numeric(20, 2)::text from ${invoices} where ${ofRun})`,
      skippedCount: sql<number>`jsonb_array_length(${invoiceRuns.excluded} -> 'skipped')::int`,
      keptCount: sql<number>`jsonb_array_length(${invoiceRuns.excluded} -> 'kept')::int`,
    })
    .from(invoiceRuns)
    .where(where)
    .orderBy(desc(invoiceRuns.id))
    .limit(limit)
    .offset(offset);
  return { items, total: count!.total, limit, offset };
}
