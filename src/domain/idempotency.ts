import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../store/database.ts';
import { keptBy, kept } from '../store/machinery.ts';
import { idempotencyKeys } from '../store/schema.ts';
import { AppError, errors } from './errors.ts';

/** A key names one action of one user for a day: long enough for a client to retry, short enough to keep the table small. */
const KEPT_HOURS = 24;
/** A first request still unanswered after this long was cut short (a crash): whether it acted is unknown. */
const INTERRUPTED_MINUTES = 10;

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,200}$/;

export type Reservation = { readonly kind: 'first' } | { readonly kind: 'replay'; readonly status: number; readonly body: unknown };

/**
 * Takes `key` for the user's request, or finds what became of the first request made with
 * it: its answer to replay; a 409 while it is under way, or if it was cut short (it may have
 * acted: retrying with a new key could act twice); a 422 if the key came with another request.
 */
export async function reserveKey(db: Db, userId: number, key: string, requestHash: string): Promise<Reservation> {
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw errors.validation('idempotency-key: 8 to 200 letters, digits, _ . : or -, one new key per action', [{ at: 'headers.idempotency-key' }]);
  }
  await forgetOldKeys(db);
  const [taken] = await db.insert(idempotencyKeys).values({ userId, key, requestHash }).onConflictDoNothing().returning({ key: idempotencyKeys.key });
  if (taken) return { kind: 'first' };
  const [first] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
  if (!first) return reserveKey(db, userId, key, requestHash); // released meanwhile: take it
  if (first.requestHash !== requestHash) {
    throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', `idempotency-key '${key}' was used for another request; make a new key for each action`);
  }
  if (first.status !== null && first.status !== UNKNOWN_OUTCOME) return { kind: 'replay', status: first.status, body: first.body };
  const interrupted = first.status === UNKNOWN_OUTCOME || Date.now() - first.createdAt.getTime() > INTERRUPTED_MINUTES * 60_000;
  if (interrupted) {
    throw new AppError(409, 'IDEMPOTENCY_UNKNOWN', `the first request with idempotency-key '${key}' failed or was cut short; check whether it took effect before trying again with a new key`);
  }
  throw new AppError(409, 'IDEMPOTENCY_IN_PROGRESS', `a request with idempotency-key '${key}' is under way; retry once it has answered`);
}

/** Keeps the answer of a request that acted, to replay it. */
export async function completeKey(db: Db, userId: number, key: string, status: number, body: unknown): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ status, body: body as object })
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key), isNull(idempotencyKeys.status)));
}

/** The status kept for a first request that failed on the server's side (5xx): it may have acted, or not. */
const UNKNOWN_OUTCOME = 0;

/** After a 5xx, such as a lost database: a retry with the key is told the outcome is unknown, never acted on twice. */
export async function markOutcomeUnknown(db: Db, userId: number, key: string): Promise<void> {
  await completeKey(db, userId, key, UNKNOWN_OUTCOME, null);
}

/** Frees the key of a request that was refused (it changed nothing), so that a corrected one may use it. */
export async function releaseKey(db: Db, userId: number, key: string): Promise<void> {
  await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key), isNull(idempotencyKeys.status)));
}

/** When this database's old keys were last forgotten. */
const LAST_FORGET = kept('idempotency keys forgotten', () => ({ at: 0 }));

/** At most once a minute per process: keys older than a day go. */
async function forgetOldKeys(db: Db): Promise<void> {
  const last = keptBy(db, LAST_FORGET);
  if (Date.now() - last.at < 60_000) return;
  last.at = Date.now();
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${KEPT_HOURS})`));
}
