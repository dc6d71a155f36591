import { sql } from 'drizzle-orm';
import { arrayParam, queryRows } from "../../store/sql.js";
/** The records that name an org unit, by table and the column naming it, with what to call them. */
const REFERENCES = [
    ['data_values', 'org_unit_id', 'data values'],
    ['period_status', 'org_unit_id', 'workflow statuses'],
    ['contracts', 'org_unit_id', 'contracts'],
    ['invoices', 'org_unit_id', 'invoices'],
    ['invoice_runs', 'root_org_unit_id', 'invoice runs'],
    ['payment_orders', 'org_unit_id', 'payment orders'],
    ['funder_shares', 'org_unit_id', 'funder shares'],
    ['budgets', 'org_unit_id', 'budgets'],
    ['verification_draws', 'root_org_unit_id', 'verification draws'],
    ['verification_draw_entries', 'org_unit_id', 'verification draw entries'],
];
/** What each of `ids` holds, as counts by kind of record; units holding nothing are left out. Role grants count too. */
export async function unitReferences(db, programmeId, ids) {
    const held = new Map();
    if (ids.length === 0)
        return held;
    const add = (id, what, count) => held.set(id, { ...held.get(id), [what]: count });
    const units = arrayParam(ids, 'text');
    for (const [table, column, what] of [...REFERENCES, ['user_roles', 'org_unit_id', 'role grants']]) {
        const rows = await queryRows(db, sql `select ${sql.identifier(column)} as id, count(*)::int as count from ${sql.identifier(table)}
          where programme_id = ${programmeId} and ${sql.identifier(column)} = any(${units}) group by 1`);
        for (const row of rows)
            add(row.id, what, row.count);
    }
    return held;
}
/** "24 data values, 2 invoices": what a unit holds, for messages. */
export function describeHoldings(holds) {
    return Object.entries(holds)
        .map(([what, count]) => `${count} ${what}`)
        .join(', ');
}
//# sourceMappingURL=unitReferences.js.map