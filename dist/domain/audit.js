import { auditLog } from "../store/schema.js";
/** Appends to the audit log, in the caller's transaction so a change and its record land together. */
export async function recordAudit(db, entries) {
    const list = Array.isArray(entries) ? entries : [entries];
    // A statement takes at most 65,535 parameters: a tree import audits one entry per unit.
    for (let i = 0; i < list.length; i += BATCH)
        await insertEntries(db, list.slice(i, i + BATCH));
}
const BATCH = 2000;
async function insertEntries(db, list) {
    await db.insert(auditLog).values(list.map((entry) => ({
        programmeId: entry.programmeId,
        userId: entry.userId,
        action: entry.action,
        entity: entry.entity,
        entityKey: entry.entityKey,
        orgUnitId: entry.orgUnitId,
        oldValue: entry.oldValue ?? null,
        newValue: entry.newValue ?? null,
        reason: entry.reason ?? null,
    })));
}
//# sourceMappingURL=audit.js.map