export function valueKey(key) {
    return `${key.orgUnit}\u0000${key.period}\u0000${key.activity}\u0000${key.state}`;
}
/** How messages and the audit log name a value. */
export function describeValue(key) {
    return `${key.orgUnit}/${key.period}/${key.activity}/${key.state}`;
}
//# sourceMappingURL=rows.js.map