import { eq, sql } from 'drizzle-orm';
import { orgUnits, programmes } from "../../store/schema.js";
import { arrayParam, queryRows } from "../../store/sql.js";
import { errors } from "../errors.js";
import { programmeFacts } from "./programmeFacts.js";
import { qualityScoresSql } from "./qualityScores.js";
import { CURRENT_INVOICE } from "../invoices/current.js";
import { quarterOf, yearRange } from "./range.js";
/** What the public may see: invoices the committee approved (approved, then ordered, then paid). */
const PUBLISHED = sql `i.status in ('approved', 'ordered', 'paid') and ${CURRENT_INVOICE}`;
/**
 * A programme's published results for everyone, without signing in: per province (the units
 * one level below the top of the tree) and quarter, the amounts of approved invoices, what
 * was paid against them, and the average quality score behind approved quarterly invoices.
 * Aggregates only: no facility, no person, nothing still being prepared.
 */
export async function publicResults(db, programmeId, year) {
    const [programme] = await db.select().from(programmes).where(eq(programmes.id, programmeId));
    if (!programme)
        throw errors.notFound(`programme '${programmeId}'`);
    const periods = year === undefined ? undefined : yearRange(year).periods;
    const inYear = periods === undefined ? sql `true` : sql `i.period = any(${arrayParam(periods, 'text')})`;
    const amounts = await queryRows(db, sql `select i.org_unit_id, i.period, sum(i.amount)::float8 as approved, coalesce(sum(pay.paid), 0)::float8 as paid
        from invoices i
        left join lateral (select sum(p.amount) as paid from payments p where p.programme_id = i.programme_id and p.invoice_id = i.id) pay on true
        where i.programme_id = ${programmeId} and ${PUBLISHED} and ${inYear}
        group by i.org_unit_id, i.period`);
    const quarters = [...new Set(amounts.map((row) => quarterOf(row.period)))];
    const facts = await programmeFacts(db, programmeId);
    const scores = facts.scoreNames.length === 0 || quarters.length === 0
        ? []
        : await queryRows(db, qualityScoresSql({ programmeId, quarters, scoreNames: facts.scoreNames, publishedOnly: true }));
    const provinceOf = await provinces(db, programmeId);
    const cells = new Map();
    const cell = (unitId, period) => {
        const provinceId = provinceOf.unit.get(unitId) ?? unitId;
        const quarter = quarterOf(period);
        const key = `${provinceId}\u0000${quarter}`;
        let found = cells.get(key);
        if (!found)
            cells.set(key, (found = { provinceId, quarter, approved: 0, paid: 0, scores: [], facilities: new Set() }));
        found.facilities.add(unitId);
        return found;
    };
    for (const row of amounts) {
        const found = cell(row.org_unit_id, row.period);
        found.approved += row.approved;
        found.paid += row.paid;
    }
    for (const row of scores)
        cell(row.org_unit_id, row.period).scores.push(row.score);
    const items = [...cells.values()]
        .map((found) => ({
        provinceId: found.provinceId,
        provinceName: provinceOf.name.get(found.provinceId) ?? found.provinceId,
        quarter: found.quarter,
        approved: found.approved,
        paid: found.paid,
        quality: found.scores.length === 0 ? null : found.scores.reduce((sum, score) => sum + score, 0) / found.scores.length,
        facilities: found.facilities.size,
    }))
        .sort((a, b) => a.quarter.localeCompare(b.quarter) || a.provinceName.localeCompare(b.provinceName));
    return {
        programme: { id: programme.id, name: programme.name, currency: programme.currency, currencyDecimals: programme.currencyDecimals },
        items,
    };
}
/** Each unit's province: the unit one level below the top of its tree. */
async function provinces(db, programmeId) {
    const rows = await db
        .select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path })
        .from(orgUnits)
        .where(eq(orgUnits.programmeId, programmeId));
    const unit = new Map();
    const name = new Map();
    for (const row of rows) {
        const [, province] = row.path.split('/').filter(Boolean);
        if (province !== undefined)
            unit.set(row.id, province);
        name.set(row.id, row.name);
    }
    return { unit, name };
}
//# sourceMappingURL=publicResults.js.map