import { z } from 'zod';
/** The answers of the dashboard routes; amounts are numbers (sums for charts), counts integers. */
const totals = { declared: z.number(), verified: z.number(), validated: z.number() };
const funder = { funderId: z.string(), funderName: z.string().nullable() };
export const dashboardSchemas = {
    quantityPoint: z.object({ period: z.string(), package: z.string(), ...totals }),
    unitQuantity: z.object({ id: z.string(), name: z.string(), leaf: z.boolean(), ...totals }),
    qualityPoint: z.object({ period: z.string(), average: z.number(), min: z.number(), max: z.number(), facilities: z.number() }),
    ranked: z.object({ rank: z.number(), orgUnitId: z.string(), name: z.string(), parentName: z.string().nullable(), value: z.number() }),
    facilityPoint: z.object({ orgUnitId: z.string(), name: z.string(), parentName: z.string().nullable(), quality: z.number(), validated: z.number() }),
    funderMonth: z.object({ month: z.string(), ...funder, ordered: z.number(), paid: z.number() }),
    funderDelay: z.object({
        ...funder,
        lines: z.number(),
        paidLines: z.number(),
        medianDays: z.number().nullable(),
        averageDays: z.number().nullable(),
        lateLines: z.number(),
        lateShare: z.number().nullable(),
    }),
    budgetBurn: z.object({
        year: z.number(),
        budget: z.number(),
        ordered: z.number(),
        paid: z.number(),
        forecast: z.number().nullable(),
        funders: z.array(z.object({
            funderId: z.string().nullable(),
            funderName: z.string().nullable(),
            budget: z.number(),
            ordered: z.number(),
            paid: z.number(),
            forecast: z.number().nullable(),
        })),
        months: z.array(z.object({
            month: z.string(),
            ordered: z.number(),
            paid: z.number(),
            cumulativeOrdered: z.number(),
            cumulativePaid: z.number(),
            forecastCumulative: z.number().nullable(),
        })),
    }),
    reporting: z.object({
        withinDays: z.number(),
        expected: z.number(),
        declared: z.number(),
        onTime: z.number(),
        items: z.array(z.object({ month: z.string(), expected: z.number(), declared: z.number(), onTime: z.number() })),
    }),
    publicResults: z.object({
        programme: z.object({ id: z.string(), name: z.string(), currency: z.string(), currencyDecimals: z.number() }),
        items: z.array(z.object({
            provinceId: z.string(),
            provinceName: z.string(),
            quarter: z.string(),
            approved: z.number(),
            paid: z.number(),
            quality: z.number().nullable(),
            facilities: z.number(),
        })),
    }),
};
//# sourceMappingURL=dashboardSchemas.js.map