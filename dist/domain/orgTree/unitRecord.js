import { z } from 'zod';
/**
 * An org unit's id: letters, digits, '_' and '-', as DHIS2 uids and codes are. Paths join ids
 * with '/', so an id holding one would pass for a unit of another subtree; the database
 * checks the same rule (org_units_id_safe).
 */
export const ORG_UNIT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const ID_RULE = 'an org unit id is 1 to 64 letters, digits, _ or -, starting with a letter or digit';
export const orgUnitId = z.string().regex(ORG_UNIT_ID, ID_RULE);
/** What a caller gives: everything but the id may be left out. */
export const unitRecordInput = z.strictObject({
    id: orgUnitId,
    name: z.string().min(1).max(200).optional(),
    parent: orgUnitId.nullable().optional(),
    groups: z.record(z.string().min(1).max(64), z.string().min(1).max(200)).optional(),
    attributes: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'an attribute name is lower-case letters, digits and _'), z.number()).optional(),
    validFrom: z.iso.date().nullable().optional(),
    validTo: z.iso.date().nullable().optional(),
});
/** A record with its defaults: the id as name, no parent, groups or attributes, open-ended. */
export function completeRecord(input) {
    return {
        id: input.id,
        name: input.name ?? input.id,
        parent: input.parent ?? null,
        groups: input.groups ?? {},
        attributes: input.attributes ?? {},
        validFrom: input.validFrom ?? null,
        validTo: input.validTo ?? null,
    };
}
const FIELDS = ['name', 'parent', 'groups', 'attributes', 'validFrom', 'validTo'];
/** The fields whose values differ between two records of one unit. */
export function changedFields(before, after) {
    return FIELDS.filter((field) => JSON.stringify(canonical(before[field])) !== JSON.stringify(canonical(after[field])));
}
/** Object keys sorted, so that `{a, b}` and `{b, a}` compare equal. */
function canonical(value) {
    if (value === null || typeof value !== 'object')
        return value;
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
/** Only the given fields of a record, for the audit log's old and new values. */
export function pick(record, fields) {
    return Object.fromEntries(fields.map((field) => [field, record[field]]));
}
//# sourceMappingURL=unitRecord.js.map