import { eq, sql } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import { programmes } from '../store/schema.ts';
import { generateDemo, type DemoOptions } from './generate.ts';
import { loadDemo, type DemoSummary } from './loadDemo.ts';
import { DEMO_PROGRAMME } from './programme.ts';
import { transaction } from '../store/transaction.ts';

export interface DemoState {
  /** What was loaded now; null when the store already held a programme. */
  readonly loaded: DemoSummary | null;
  /** The demo programme is in the store (now or from an earlier first run), so its logins work. */
  readonly present: boolean;
}

/**
 * Loads the demo on a first run, when the store holds no programme at all, in one
 * transaction: an interrupted load leaves an empty store and the next start tries again.
 * A store with real programmes is never touched.
 */
export async function ensureDemo(database: Database, options: Partial<DemoOptions> = {}): Promise<DemoState> {
  const { db } = database;
  const [any] = await db.select({ id: programmes.id }).from(programmes).limit(1);
  if (!any) {
    const loaded = await transaction(db, (tx) => loadDemo(tx, generateDemo(options)));
    // Fresh statistics for the planner: PGlite never gathers them by itself.
    await db.execute(sql`analyze`);
    return { loaded, present: true };
  }
  const [demo] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, DEMO_PROGRAMME.id));
  return { loaded: null, present: demo !== undefined };
}
