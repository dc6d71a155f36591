import { eq, sql } from 'drizzle-orm';
import { programmes } from "../store/schema.js";
import { generateDemo } from "./generate.js";
import { loadDemo } from "./loadDemo.js";
import { DEMO_PROGRAMME } from "./programme.js";
import { transaction } from "../store/transaction.js";
/**
 * Loads the demo on a first run, when the store holds no programme at all, in one
 * transaction: an interrupted load leaves an empty store and the next start tries again.
 * A store with real programmes is never touched.
 */
export async function ensureDemo(database, options = {}) {
    const { db } = database;
    const [any] = await db.select({ id: programmes.id }).from(programmes).limit(1);
    if (!any) {
        const loaded = await transaction(db, (tx) => loadDemo(tx, generateDemo(options)));
        // Fresh statistics for the planner: PGlite never gathers them by itself.
        await db.execute(sql `analyze`);
        return { loaded, present: true };
    }
    const [demo] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, DEMO_PROGRAMME.id));
    return { loaded: null, present: demo !== undefined };
}
//# sourceMappingURL=ensureDemo.js.map