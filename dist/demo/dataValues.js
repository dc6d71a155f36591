import { OPTIONAL_ITEMS, activityProfile, seasonFactor } from "./activityProfiles.js";
import { PACKAGES, packageOf } from "./programme.js";
import { Random } from "./random.js";
export function behaviourOf(seed, facility) {
    const random = Random.stream(seed, `behaviour:${facility.id}`);
    const draw = random.next();
    const offers = new Set(Object.entries(OPTIONAL_ITEMS).filter(([, share]) => random.chance(share)).map(([item]) => item));
    return {
        reporting: draw < 0.85 ? 'faithful' : draw < 0.93 ? 'careless' : 'over_declaring',
        productivity: Math.exp(0.25 * random.normal()),
        growth: random.between(0.002, 0.012),
        lateReporting: random.between(0, 0.15),
        quality: random.between(0.45, 0.9),
        qualityGain: random.between(0, 0.03),
        offers,
    };
}
/** Declared, verified and validated quantities of one facility's package for one month. */
export function monthlyQuantities(program, seed, facility, behaviour, month) {
    const random = Random.stream(seed, `${facility.id}:${month.id}`);
    const times = entryTimes(random, month.id, behaviour.lateReporting);
    const calendarMonth = Number(month.id.slice(4));
    const trend = (1 + behaviour.growth) ** month.index;
    const rows = [];
    for (const activity of packageOf(program, PACKAGES[facility.type].quantity).activities) {
        const profile = activityProfile(activity.code);
        const expected = (profile.perThousand * facility.population * behaviour.productivity * trend * seasonFactor(profile, calendarMonth)) / 1000;
        const verified = random.poisson(expected);
        const declared = declaredFor(random, behaviour.reporting, verified);
        const validated = validatedFor(random, verified);
        const line = { orgUnitId: facility.id, period: month.id, activity: activity.code };
        rows.push({ ...line, state: 'declared', value: declared, enteredAt: times.declared }, { ...line, state: 'verified', value: verified, enteredAt: times.verified }, { ...line, state: 'validated', value: validated, enteredAt: times.validated });
    }
    return rows;
}
function declaredFor(random, reporting, verified) {
    if (reporting === 'over_declaring')
        return Math.round(verified * random.between(1.08, 1.4)) + random.integer(0, 2);
    if (reporting === 'careless')
        return Math.max(0, Math.round(verified * random.between(0.88, 1.16)));
    // A slip of a register line now and then, and rarely a page counted twice.
    if (random.chance(0.015))
        return Math.round(verified * random.between(1.12, 1.5)) + 1;
    if (random.chance(0.7))
        return verified;
    const slip = Math.round(verified * random.between(0.01, 0.06));
    return Math.max(0, verified + (random.chance(0.7) ? slip : -slip));
}
/** The committee confirms the verifier's count, and corrects a few lines downwards after counter-verification. */
function validatedFor(random, verified) {
    if (verified === 0 || !random.chance(0.04))
        return verified;
    return verified - random.integer(1, Math.max(1, Math.round(verified * 0.03)));
}
/** Checklist points of one facility for one quarter, and which optional items apply. */
export function quarterlyQuality(program, seed, facility, behaviour, quarter) {
    const random = Random.stream(seed, `${facility.id}:${quarter.id}`);
    const level = behaviour.quality + behaviour.qualityGain * quarter.index + 0.05 * random.normal();
    const enteredAt = dayAfter(quarter.id, random.integer(5, 25));
    const rows = [];
    for (const item of packageOf(program, PACKAGES[facility.type].quality).activities) {
        const line = { orgUnitId: facility.id, period: quarter.id, activity: item.code, enteredAt };
        const optional = item.code in OPTIONAL_ITEMS;
        const applies = !optional || behaviour.offers.has(item.code);
        if (optional)
            rows.push({ ...line, state: 'applicable', value: applies ? 1 : 0 });
        if (!applies)
            continue;
        const maxPoints = item.constants?.max_points ?? 0;
        const points = Math.round(maxPoints * (level + 0.12 * random.normal()));
        rows.push({ ...line, state: 'points', value: Math.min(maxPoints, Math.max(0, points)) });
    }
    return rows;
}
/** Declared in the first days of the next month (some late), verified about a week later, then validated. */
function entryTimes(random, month, lateReporting) {
    const declaredDay = random.chance(lateReporting) ? random.integer(12, 28) : random.integer(1, 8);
    const verifiedDay = declaredDay + random.integer(5, 12);
    const validatedDay = verifiedDay + random.integer(3, 8);
    return { declared: dayAfter(month, declaredDay), verified: dayAfter(month, verifiedDay), validated: dayAfter(month, validatedDay) };
}
/** A working-hours timestamp on day `day` after the end of a month or quarter (days past the month's end roll over). */
function dayAfter(period, day) {
    const year = Number(period.slice(0, 4));
    const lastMonth = period.includes('Q') ? Number(period.slice(5)) * 3 : Number(period.slice(4));
    return new Date(Date.UTC(year, lastMonth, day, 7 + (day % 8), (day * 7) % 60)).toISOString();
}
//# sourceMappingURL=dataValues.js.map