import type { Db, Tx } from '../store/database.ts';
import { auditLog } from '../store/schema.ts';

export interface AuditEntry {
  readonly programmeId: string | null;
  readonly userId: number | null;
  readonly action: string;
  readonly entity: string;
  readonly entityKey: string;
  /** The org unit the change is about: readers see the entries of their subtrees. Null for programme-wide changes. */
  readonly orgUnitId: string | null;
  readonly oldValue?: unknown;
  readonly newValue?: unknown;
  readonly reason?: string;
}

/** Appends to the audit log, in the caller's transaction so a change and its record land together. */
export async function recordAudit(db: Db | Tx, entries: AuditEntry | readonly AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  // A statement takes at most 65,535 parameters: a tree import audits one entry per unit.
  for (let i = 0; i < list.length; i += BATCH) await insertEntries(db, list.slice(i, i + BATCH));
}

const BATCH = 2000;

async function insertEntries(db: Db | Tx, list: readonly AuditEntry[]): Promise<void> {
  await db.insert(auditLog).values(
    list.map((entry) => ({
      programmeId: entry.programmeId,
      userId: entry.userId,
      action: entry.action,
      entity: entry.entity,
      entityKey: entry.entityKey,
      orgUnitId: entry.orgUnitId,
      oldValue: entry.oldValue ?? null,
      newValue: entry.newValue ?? null,
      reason: entry.reason ?? null,
    })),
  );
}
