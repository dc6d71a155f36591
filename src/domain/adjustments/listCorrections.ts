import { sql } from 'drizzle-orm';
import type { Db } from '../../store/database.ts';
import { arrayParam, queryRows } from '../../store/sql.ts';
import type { Actor } from '../actor.ts';
import { scopeUnits } from '../invoices/scopeUnits.ts';
import { scopePaths, unitPath } from '../scope.ts';

export interface CorrectionListed {
  readonly id: number;
  readonly orgUnitId: string;
  readonly orgUnitName: string;
  readonly period: string;
  readonly package: string;
  readonly values: Record<string, Record<string, string>>;
  readonly reason: string;
  readonly createdBy: number | null;
  readonly createdByName: string | null;
  readonly createdAt: Date;
  /** The current invoices whose adjustment lines apply it; none while it waits for the unit's next run. */
  readonly appliedBy: { invoiceId: number; period: string; status: string }[];
}

/** The corrections recorded in the reader's subtree (or below `orgUnitId`), newest first, with where each is applied. */
export async function listCorrections(
  db: Db,
  actor: Actor,
  props: { programmeId: string; orgUnitId?: string; period?: string; limit: number; offset: number },
): Promise<{ items: CorrectionListed[]; total: number }> {
  const path = props.orgUnitId === undefined ? undefined : await unitPath(db, props.programmeId, props.orgUnitId);
  const units = await scopeUnits(db, props.programmeId, scopePaths(actor, props.programmeId, 'read'), path);
  const rows = await queryRows<CorrectionListed & { total: number }>(
    db,
    sql`select count(*) over ()::int as total, c.id, c.org_unit_id as "orgUnitId", u.name as "orgUnitName", c.period, c.package, c.values, c.reason,
               c.created_by as "createdBy", w.name as "createdByName", c.created_at as "createdAt",
               coalesce((select json_agg(json_build_object('invoiceId', i.id, 'period', i.period, 'status', i.status) order by i.id)
                  from invoice_adjustments a join invoices i on i.programme_id = a.programme_id and i.id = a.invoice_id
                  where a.programme_id = c.programme_id and c.id = any(a.correction_ids)
                    and i.superseded_by is null and i.rejected_at is null), '[]'::json) as "appliedBy"
        from corrections c
        join org_units u on u.programme_id = c.programme_id and u.id = c.org_unit_id
        left join users w on w.id = c.created_by
        where c.programme_id = ${props.programmeId} and c.org_unit_id = any(${arrayParam(units, 'text')})
          ${props.period === undefined ? sql`` : sql`and c.period = ${props.period}`}
        order by c.id desc
        limit ${props.limit} offset ${props.offset}`,
  );
  return { items: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}
