import { constantNames, type Cell, type Draft, type DraftActivity } from '../draft.ts';
import { withPackage } from './packages.ts';
import { removeAt, replaceAt, unusedName, withText } from './records.ts';

/** The activities of a package: what facilities are paid for, each with its constants. */

function withActivity(draft: Draft, pkgIndex: number, activityIndex: number, update: (activity: DraftActivity) => DraftActivity): Draft {
  return withPackage(draft, pkgIndex, (pkg) => ({ ...pkg, activities: replaceAt(pkg.activities, activityIndex, update) }));
}

/**
 * Appends an activity named `new_activity` (or `_2`…) with every constant of its package at
 * 0, as a constant added to the package starts; returns its position.
 */
export function addActivity(draft: Draft, pkgIndex: number): { draft: Draft; index: number } {
  const pkg = draft.packages[pkgIndex];
  if (!pkg) throw new RangeError(`no package ${pkgIndex}`);
  const constants: Record<string, Cell> = Object.fromEntries(constantNames(pkg).map((name) => [name, 0]));
  const added: DraftActivity = {
    code: unusedName('new_activity', pkg.activities.map((activity) => activity.code)),
    ...(Object.keys(constants).length > 0 ? { constants } : {}),
  };
  return { draft: withPackage(draft, pkgIndex, (current) => ({ ...current, activities: [...current.activities, added] })), index: pkg.activities.length };
}

/** Removes an activity with its constants; decision-table rows naming it stay, matching nothing. */
export function removeActivity(draft: Draft, pkgIndex: number, activityIndex: number): Draft {
  return withPackage(draft, pkgIndex, (pkg) => ({ ...pkg, activities: removeAt(pkg.activities, activityIndex) }));
}

export function setActivityName(draft: Draft, pkgIndex: number, activityIndex: number, text: string): Draft {
  return withActivity(draft, pkgIndex, activityIndex, (activity) => withText(activity, 'name', text));
}

/**
 * A new code for an activity the saved versions do not know (entered values are stored under
 * the activity's code), followed in the `activity` cells of its package's decision tables.
 */
export function renameActivityCode(draft: Draft, pkgIndex: number, activityIndex: number, next: string): Draft {
  const pkg = draft.packages[pkgIndex];
  const previous = pkg?.activities[activityIndex]?.code;
  if (previous === undefined) throw new RangeError(`no activity ${activityIndex} in package ${pkgIndex}`);
  if (previous === next) return draft;
  const renamed = withActivity(draft, pkgIndex, activityIndex, (activity) => ({ ...activity, code: next }));
  return {
    ...renamed,
    decisionTables: renamed.decisionTables.map((table) =>
      table.package === pkg!.code && table.inputs.includes('activity')
        ? { ...table, rows: table.rows.map((row) => (row.activity === previous ? { ...row, activity: next } : row)) }
        : table,
    ),
  };
}
