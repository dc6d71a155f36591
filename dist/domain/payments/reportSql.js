import { sql } from 'drizzle-orm';
/** The last day of a DHIS2 month or quarter held in a text column, as a SQL date. */
export function periodEndSql(period) {
    // Both forms are six characters long (202403, 2024Q1): tell them apart by the Q.
    return sql `((case when ${period} like '____Q_' then make_date(left(${period}, 4)::int, right(${period}, 1)::int * 3, 1)
                    else to_date(${period}, 'YYYYMM') end
               + interval '1 month')::date - 1)`;
}
//# sourceMappingURL=reportSql.js.map