import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCase } from '../src/cases/caseFile.ts';
import { describeError } from '../src/engine/index.ts';
import { SHARED_ACCEPTANCE, caseFiles, readCase, repoPath } from './support/cases.ts';

// The contract's cases (the shared folder when present, and the copy kept in the repository
// so a clone tests them anywhere) and the project's own cases in the same format.
const suites = {
  'shared acceptance': caseFiles(SHARED_ACCEPTANCE),
  'contract copy': caseFiles(repoPath('test/contract')),
  'project cases': caseFiles(repoPath('test/cases')),
};

const present = Object.entries(suites).filter(([, files]) => files.length > 0);

describe.each(present)('%s', (_suite, files) => {
  it.each(files.map((file) => [basename(file), file]))('%s', (_name, file) => {
    const outcome = runCase(readCase(file));
    const mismatches = outcome.values.filter((check) => !check.ok);
    expect(mismatches).toEqual([]);
    expect(outcome.missingErrors).toEqual([]);
    expect(outcome.unexpectedErrors.map((error) => describeError(error))).toEqual([]);
    expect(outcome.passed).toBe(true);
  });
});

it('keeps the repository copy of the contract identical to the shared one', () => {
  const shared = caseFiles(SHARED_ACCEPTANCE);
  for (const file of shared) {
    expect(readCase(repoPath('test/contract', basename(file)))).toEqual(readCase(file));
  }
});
