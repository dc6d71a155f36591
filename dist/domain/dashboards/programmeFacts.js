import { eq } from 'drizzle-orm';
import { programmeVersions } from "../../store/schema.js";
/** The states of a quantity: what the facility declared, the verifier counted, the committee confirmed. */
export const QUANTITY_STATES = ['declared', 'verified', 'validated'];
/** The formula of a package that gives its quality score (see docs/dashboards.md). */
export const SCORE_FORMULA = 'score';
export async function programmeFacts(db, programmeId) {
    const rows = await db
        .select({ definition: programmeVersions.definition })
        .from(programmeVersions)
        .where(eq(programmeVersions.programmeId, programmeId))
        .orderBy(programmeVersions.version);
    const quantityActivities = new Map();
    const scoreNames = new Set();
    for (const { definition } of rows) {
        for (const pkg of definition.packages) {
            if (QUANTITY_STATES.every((state) => pkg.inputs.includes(state))) {
                for (const activity of pkg.activities)
                    if (!quantityActivities.has(activity.code))
                        quantityActivities.set(activity.code, pkg.code);
            }
            if (SCORE_FORMULA in pkg.formulas)
                scoreNames.add(`${pkg.code}.${SCORE_FORMULA}`);
        }
    }
    return {
        quantityActivities,
        quantityPackages: [...new Set(quantityActivities.values())].sort(),
        scoreNames: [...scoreNames].sort(),
    };
}
/** The quantity activities of one package, or of all when none is named. */
export function activitiesOf(facts, pkg) {
    return [...facts.quantityActivities].filter(([, code]) => pkg === undefined || code === pkg).map(([activity]) => activity);
}
//# sourceMappingURL=programmeFacts.js.map