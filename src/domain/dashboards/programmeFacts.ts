import { eq } from 'drizzle-orm';
import { QUANTITY_STATES } from '../../contract/workflow.ts';
import type { Program } from '../../engine/index.ts';
import type { Db } from '../../store/database.ts';
import { programmeVersions } from '../../store/schema.ts';

/** The formula of a package that gives its quality score (see docs/dashboards.md). */
export const SCORE_FORMULA = 'score';

/**
 * What dashboards need to know of a programme's rules, over every version: which package
 * each quantity activity belongs to, and the names of the quality scores the engine computes.
 */
export interface ProgrammeFacts {
  /** Activity code → package code, for packages entered as declared, verified and validated. */
  readonly quantityActivities: ReadonlyMap<string, string>;
  readonly quantityPackages: readonly string[];
  /** `package.score` of every package with a package formula named `score`. */
  readonly scoreNames: readonly string[];
}

export async function programmeFacts(db: Db, programmeId: string): Promise<ProgrammeFacts> {
  const rows = await db
    .select({ definition: programmeVersions.definition })
    .from(programmeVersions)
    .where(eq(programmeVersions.programmeId, programmeId))
    .orderBy(programmeVersions.version);
  const quantityActivities = new Map<string, string>();
  const scoreNames = new Set<string>();
  for (const { definition } of rows) {
    for (const pkg of (definition as Program).packages) {
      if (QUANTITY_STATES.every((state) => pkg.inputs.includes(state))) {
        for (const activity of pkg.activities) if (!quantityActivities.has(activity.code)) quantityActivities.set(activity.code, pkg.code);
      }
      if (SCORE_FORMULA in pkg.formulas) scoreNames.add(`${pkg.code}.${SCORE_FORMULA}`);
    }
  }
  return {
    quantityActivities,
    quantityPackages: [...new Set(quantityActivities.values())].sort(),
    scoreNames: [...scoreNames].sort(),
  };
}

/** The quantity activities of one package, or of all when none is named. */
export function activitiesOf(facts: ProgrammeFacts, pkg?: string): string[] {
  return [...facts.quantityActivities].filter(([, code]) => pkg === undefined || code === pkg).map(([activity]) => activity);
}
