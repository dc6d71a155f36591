import type { Finding } from './findings.ts';

/**
 * The findings an edit adds: those of the draft after it that the draft before did not have.
 * A finding is known by its code, message and formula rather than its path, because removing
 * a package or a row moves the indices of everything after it; a finding that was already
 * there (twice counts twice) is not the edit's doing.
 */
export function addedFindings(before: readonly Finding[], after: readonly Finding[]): Finding[] {
  const remaining = new Map<string, number>();
  for (const finding of before) remaining.set(keyOf(finding), (remaining.get(keyOf(finding)) ?? 0) + 1);
  return after.filter((finding) => {
    const key = keyOf(finding);
    const left = remaining.get(key) ?? 0;
    if (left > 0) remaining.set(key, left - 1);
    return left === 0;
  });
}

function keyOf(finding: Finding): string {
  return `${finding.code}\u0000${finding.message}\u0000${finding.formula ?? ''}`;
}
