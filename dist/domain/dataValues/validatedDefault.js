/**
 * The figures the committee locks: its validated figure where it entered one, else the
 * verified figure — the committee changes only the lines it retains differently, and the
 * validate step stores the verified figure as validated where none was entered. Previews
 * (the verifier's loss, the committee's summary) compute with these, so they show what
 * will be paid. Only a package entering both states is concerned.
 */
export function withValidatedDefault(pkg, entries) {
    if (!pkg.inputs.includes('verified') || !pkg.inputs.includes('validated'))
        return [...entries];
    const activities = new Set(pkg.activities.map((activity) => activity.code));
    const line = (entry) => `${entry.orgUnit ?? ''}\u0000${entry.period}\u0000${entry.activity}`;
    const validated = new Set(entries.filter((entry) => entry.state === 'validated').map(line));
    const defaults = entries
        .filter((entry) => entry.state === 'verified' && activities.has(entry.activity) && !validated.has(line(entry)))
        .map((entry) => ({ ...entry, state: 'validated' }));
    return [...entries, ...defaults];
}
//# sourceMappingURL=validatedDefault.js.map