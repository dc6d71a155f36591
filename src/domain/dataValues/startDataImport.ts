import { and, eq, sql } from 'drizzle-orm';
import type { Database, Db } from '../../store/database.ts';
import { orgUnits } from '../../store/schema.ts';
import { transaction } from '../../store/transaction.ts';
import type { Actor } from '../actor.ts';
import type { JobRow } from '../jobs/jobRecords.ts';
import type { JobRunner } from '../jobs/jobRunner.ts';
import type { Action } from '../permissions.ts';
import { scopePaths } from '../scope.ts';
import { unitFacts } from '../unitFacts.ts';
import { checkImport, importParsed, parseSource, type ImportDataValuesProps, type ParsedImport } from './importDataValues.ts';
import type { CheckedRow } from './rows.ts';

/**
 * Starts an import's write as a job and returns the job at once. What can be refused without
 * writing is refused in the request, as a synchronous import was: the body (limits, parsing),
 * the periods, and every row error (units, activities, states, scope, locks) with a 400 naming
 * row and field, unless `partial`. The job checks the rows again with their locks held and
 * writes them in one transaction, so a job stopped midway wrote nothing; what changed in between
 * (a package locked, a value written) is the job's error. Its result is the import's report.
 */
export async function startDataImport(database: Database, jobs: JobRunner, actor: Actor, props: Omit<ImportDataValuesProps, 'dryRun'>): Promise<JobRow> {
  const { programmeId, partial } = props;
  const request: ParsedImport = { programmeId, parsed: parseSource(props.source), dryRun: false, partial };
  // Checked, not planned: which values change is read again by the job, under the locks.
  const { rows, distinct } = await checkImport(database.db, actor, request, false);
  const orgUnitId = await jobUnit(database.db, actor, programmeId, distinct);
  return jobs.start(
    { programmeId, kind: 'data-import', orgUnitId, scope: { orgUnitId, rows, partial }, createdBy: actor.userId },
    // Progress is not awaited: on PGlite its row waits for the connection the transaction holds.
    (progress) => transaction(database.db, (tx) => importParsed(tx, actor, request, (step, done, total) => void progress(step, done, total))),
  );
}

const ENTRY_ACTIONS: readonly Action[] = ['data.declare', 'data.verify', 'data.validate'];

/**
 * The unit the job is about, which decides who else may see it: the root of the smallest
 * subtree holding the rows' units; with no row to write, of the actor's subtrees where it may
 * enter data; the tree's root when neither says (a platform administrator's empty import).
 */
async function jobUnit(db: Db, actor: Actor, programmeId: string, rows: readonly CheckedRow[]): Promise<string> {
  const facts = await unitFacts(db, programmeId, rows.map((row) => row.orgUnit));
  const paths = [...facts.values()].map((unit) => unit.path);
  if (paths.length === 0) paths.push(...ENTRY_ACTIONS.flatMap((action) => scopePaths(actor, programmeId, action)));
  const common = commonAncestor(paths.filter((path) => path !== '/'));
  if (common !== undefined) return common;
  const [root] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.programmeId, programmeId), sql`${orgUnits.path} = '/' || ${orgUnits.id} || '/'`))
    .limit(1);
  if (!root) throw new Error(`programme '${programmeId}' has no org unit tree`);
  return root.id;
}

/** The deepest unit whose subtree holds every path (`/root/.../id/`); undefined for none. */
export function commonAncestor(paths: readonly string[]): string | undefined {
  if (paths.length === 0) return undefined;
  let common = paths[0]!.split('/').filter(Boolean);
  for (const path of paths.slice(1)) {
    const ids = path.split('/').filter(Boolean);
    let same = 0;
    while (same < common.length && same < ids.length && common[same] === ids[same]) same++;
    common = common.slice(0, same);
  }
  return common.at(-1);
}
