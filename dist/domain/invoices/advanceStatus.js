import { sql } from 'drizzle-orm';
import { arrayParam, queryRows } from "../../store/sql.js";
/**
 * Moves facilities' package periods forward to `to`, from validated or a later step before
 * it; never backwards, since two payments may read one package period. Returns how many moved.
 */
export async function advanceStatus(tx, userId, programmeId, keys, to) {
    if (keys.length === 0)
        return 0;
    const moved = await queryRows(tx, sql `update period_status s
        set status = ${to}::workflow_status, version = s.version + 1, updated_by = ${userId}, updated_at = now()
        from unnest(${arrayParam(keys.map((k) => k.orgUnitId), 'text')}, ${arrayParam(keys.map((k) => k.period), 'text')},
                    ${arrayParam(keys.map((k) => k.package), 'text')}) as k(unit, period, package)
        where s.programme_id = ${programmeId} and s.org_unit_id = k.unit and s.period = k.period and s.package = k.package
          and s.status >= 'validated' and s.status < ${to}::workflow_status
        returning s.org_unit_id`);
    return moved.length;
}
//# sourceMappingURL=advanceStatus.js.map