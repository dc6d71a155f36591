import { sql } from 'drizzle-orm';
import { arrayParam, queryRows } from "../../store/sql.js";
import { CURRENT_INVOICE } from "./current.js";
import { invoiceGates } from "./invoiceGates.js";
/**
 * Moves package periods back a step after a correction of the invoices that read them (a
 * rejection, a cancelled order), except those another current invoice still holds there: two
 * payments may read one package period (a monthly invoice and the quarter's bonus). Returns
 * how many moved.
 */
export async function stepBackGates(tx, userId, programmeId, gates, step) {
    if (gates.length === 0)
        return 0;
    const held = await heldGates(tx, programmeId, gates, step.keptBy);
    const free = gates.filter((gate) => !held.has(gateKey(gate)));
    if (free.length === 0)
        return 0;
    const moved = await queryRows(tx, sql `update period_status s set status = ${step.to}::workflow_status, version = s.version + 1, updated_by = ${userId}, updated_at = now()
        from unnest(${arrayParam(free.map((k) => k.orgUnitId), 'text')}, ${arrayParam(free.map((k) => k.period), 'text')},
                    ${arrayParam(free.map((k) => k.package), 'text')}) as k(unit, period, package)
        where s.programme_id = ${programmeId} and s.org_unit_id = k.unit and s.period = k.period and s.package = k.package
          and s.status = ${step.from}::workflow_status
        returning s.org_unit_id`);
    return moved.length;
}
const gateKey = (gate) => `${gate.orgUnitId}\u0000${gate.period}\u0000${gate.package}`;
/** The gates that a current invoice of the same units, in one of `statuses`, still reads. */
async function heldGates(tx, programmeId, gates, statuses) {
    const units = [...new Set(gates.map((gate) => gate.orgUnitId))];
    const others = await queryRows(tx, sql `select org_unit_id, period, payment, programme_version from invoices i
        where programme_id = ${programmeId} and org_unit_id = any(${arrayParam(units, 'text')}) and ${CURRENT_INVOICE}
          and status::text = any(${arrayParam(statuses, 'text')})`);
    const read = await invoiceGates(tx, programmeId, others.map((row) => ({ orgUnitId: row.org_unit_id, period: row.period, payment: row.payment, programmeVersion: row.programme_version })));
    return new Set(read.map(gateKey));
}
//# sourceMappingURL=stepBack.js.map