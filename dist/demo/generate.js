import { monthPeriod, parsePeriod, quarterPeriod } from "../engine/model/period.js";
import { behaviourOf, monthlyQuantities, quarterlyQuality } from "./dataValues.js";
import { budgets, funderShares } from "./funders.js";
import { buildGeography } from "./geography.js";
import { PACKAGES, demoProgramme } from "./programme.js";
import { Random } from "./random.js";
export const FULL_DEMO = { seed: 20230101, scale: 1, months: 24 };
export const HEALTH_CENTRES = 900;
export const HOSPITALS = 50;
const FIRST_MONTH = '202301';
/** The Burundi-like demo, the same for the same options: every draw comes from `seed`. */
export function generateDemo(options = {}) {
    const settings = { ...FULL_DEMO, ...options };
    if (!Number.isInteger(settings.months) || settings.months < 3 || settings.months % 3 !== 0) {
        throw new Error(`demo months: ${settings.months} is not a whole number of quarters`);
    }
    if (!(settings.scale > 0))
        throw new Error(`demo scale: ${settings.scale} must be positive`);
    const geography = buildGeography(settings.seed, {
        healthCentres: Math.max(1, Math.round(HEALTH_CENTRES * settings.scale)),
        hospitals: Math.max(1, Math.round(HOSPITALS * settings.scale)),
    });
    const first = parsePeriod(FIRST_MONTH).firstMonth;
    const months = Array.from({ length: settings.months }, (_, i) => monthPeriod(first + i).id);
    const quarters = Array.from({ length: settings.months / 3 }, (_, i) => quarterPeriod(first + 3 * i).id);
    const shares = funderShares(geography.provinces);
    return {
        options: settings,
        program: demoProgramme(),
        geography,
        behaviours: new Map(geography.facilities.map((facility) => [facility.id, behaviourOf(settings.seed, facility)])),
        months,
        quarters,
        funderShares: shares,
        budgets: budgets(geography.districts, shares, quarters),
        contracts: geography.facilities.map((facility) => contractOf(settings.seed, facility)),
    };
}
/** The demo's entered values, one batch per period: each month's quantities, then each quarter's checklists. */
export function* demoDataValues(demo) {
    const { program, options, geography, behaviours } = demo;
    const behaviour = (facility) => behaviours.get(facility.id);
    for (const [index, id] of demo.months.entries()) {
        yield geography.facilities.flatMap((f) => monthlyQuantities(program, options.seed, f, behaviour(f), { id, index }));
    }
    for (const [index, id] of demo.quarters.entries()) {
        yield geography.facilities.flatMap((f) => quarterlyQuality(program, options.seed, f, behaviour(f), { id, index }));
    }
}
const BANKS = ['BANCOBU', 'BCB', 'Interbank Burundi', 'BGF', 'CRDB Burundi'];
function contractOf(seed, facility) {
    const random = Random.stream(seed, `contract:${facility.id}`);
    const digits = Array.from({ length: 11 }, () => random.integer(0, 9)).join('');
    const { quantity, quality } = PACKAGES[facility.type];
    return {
        orgUnitId: facility.id,
        packages: [quantity, quality],
        equityCategory: facility.equity,
        bankAccount: `${random.pick(BANKS)} ${digits}`,
    };
}
//# sourceMappingURL=generate.js.map