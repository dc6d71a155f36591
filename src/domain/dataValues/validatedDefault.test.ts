import { describe, expect, it } from 'vitest';
import { withValidatedDefault } from './validatedDefault.ts';

const pkg = { inputs: ['declared', 'verified', 'validated'], activities: [{ code: 'consultation' }, { code: 'delivery' }] };
const entry = (activity: string, state: string, value: number, period = '202401') => ({ period, activity, state, value });

describe('the figures the committee locks', () => {
  it('takes the verified figure as validated where the committee entered none', () => {
    const entries = [entry('consultation', 'verified', 98), entry('delivery', 'verified', 8), entry('delivery', 'validated', 9)];
    expect(withValidatedDefault(pkg, entries)).toEqual([...entries, entry('consultation', 'validated', 98)]);
  });

  it('keeps each unit and period apart, and leaves activities of other packages alone', () => {
    const entries = [
      { orgUnit: 'cds_1', ...entry('consultation', 'verified', 10) },
      { orgUnit: 'cds_2', ...entry('consultation', 'validated', 12) },
      entry('consultation', 'verified', 5, '202402'),
      entry('hygiene', 'verified', 3),
    ];
    expect(withValidatedDefault(pkg, entries).slice(entries.length)).toEqual([
      { orgUnit: 'cds_1', ...entry('consultation', 'validated', 10) },
      entry('consultation', 'validated', 5, '202402'),
    ]);
  });

  it('changes nothing in a package that does not enter both states', () => {
    const entries = [entry('consultation', 'verified', 10)];
    expect(withValidatedDefault({ ...pkg, inputs: ['declared', 'verified'] }, entries)).toEqual(entries);
  });
});
