import { sql } from 'drizzle-orm';
import { arrayParam, queryRows } from "../../store/sql.js";
import { cumulative, elapsedMonths, linearForecast } from "./forecast.js";
import { funderNames } from "./funderNames.js";
import { paymentsOverTime } from "./paymentsOverTime.js";
import { yearRange } from "./range.js";
/**
 * A year's budgets against what was ordered and paid for its periods, per funder, for the
 * budget lines of units in the subtree (budgets sit at districts: below them there is none);
 * with the linear forecast of what will have been ordered by December.
 */
export async function budgetBurn(db, filter) {
    const range = yearRange(filter.year);
    const budgets = await queryRows(db, sql `select funder_id, sum(amount)::float8 as amount from budgets
        where programme_id = ${filter.programmeId} and org_unit_id = any(${arrayParam(filter.units, 'text')})
          and left(period, 4) = ${String(filter.year)}
        group by funder_id`);
    const { items } = await paymentsOverTime(db, { ...filter, range });
    const monthIndex = new Map(range.months.map((month, i) => [month, i]));
    const zeros = () => range.months.map(() => 0);
    const ordered = zeros();
    const paid = zeros();
    const byFunder = new Map();
    for (const item of items) {
        const i = monthIndex.get(item.month);
        ordered[i] += item.ordered;
        paid[i] += item.paid;
        const funder = byFunder.get(item.funderId) ?? { ordered: zeros(), paid: 0 };
        funder.ordered[i] += item.ordered;
        funder.paid += item.paid;
        byFunder.set(item.funderId, funder);
    }
    const elapsed = elapsedMonths(ordered);
    const names = await funderNames(db, filter.programmeId);
    const budgetOf = new Map(budgets.map((row) => [row.funder_id, row.amount]));
    const funderIds = [...new Set([...budgetOf.keys(), ...byFunder.keys()])].sort((a, b) => (a ?? '\uffff').localeCompare(b ?? '\uffff'));
    const funders = funderIds.map((funderId) => {
        const spent = byFunder.get(funderId);
        return {
            funderId,
            funderName: funderId === null ? null : (names.get(funderId) ?? null),
            budget: budgetOf.get(funderId) ?? 0,
            ordered: spent ? spent.ordered.reduce((sum, amount) => sum + amount, 0) : 0,
            paid: spent?.paid ?? 0,
            forecast: linearForecast(spent?.ordered ?? zeros(), elapsed),
        };
    });
    const total = linearForecast(ordered, elapsed);
    const orderedSoFar = cumulative(ordered);
    const paidSoFar = cumulative(paid);
    const sofar = elapsed === 0 ? 0 : orderedSoFar[elapsed - 1];
    const months = range.months.map((month, i) => ({
        month,
        ordered: ordered[i],
        paid: paid[i],
        cumulativeOrdered: orderedSoFar[i],
        cumulativePaid: paidSoFar[i],
        forecastCumulative: elapsed === 0 || i + 1 < elapsed ? null : sofar + (sofar / elapsed) * (i + 1 - elapsed),
    }));
    return {
        year: filter.year,
        budget: budgets.reduce((sum, row) => sum + row.amount, 0),
        ordered: orderedSoFar[11],
        paid: paidSoFar[11],
        forecast: total,
        funders,
        months,
    };
}
//# sourceMappingURL=budgetBurn.js.map