import { describe, expect, it } from 'vitest';
import { codeProblem, isIdentifier } from './codes.ts';
import { savedCodes } from './saved.ts';
import { toDraft } from './draft.ts';
import { PROGRAMME_DEFINITION } from '../../../test/support/api.ts';

describe('designer codes', () => {
  it('follows the engine schema for each kind of code', () => {
    expect(codeProblem('package', 'vaccination')).toBeUndefined();
    expect(codeProblem('package', '')).toBe('empty');
    expect(codeProblem('package', '2x')).toBe('notIdentifier');
    expect(codeProblem('input', 'or')).toBe('notIdentifier');
    expect(codeProblem('payment', 'a-b')).toBe('notIdentifier');
    // An activity code may hold what a formula name may not, but no dot or space.
    expect(codeProblem('activity', 'bcg-1')).toBeUndefined();
    expect(codeProblem('activity', 'bcg.1')).toBe('notActivityCode');
    expect(codeProblem('activity', 'bcg 1')).toBe('notActivityCode');
    expect(codeProblem('tableInput', 'level_2')).toBeUndefined();
    expect(codeProblem('name', 'tariff', ['weight', 'tariff'])).toBe('taken');
    expect(isIdentifier('level_2')).toBe(true);
    expect(isIdentifier('a b')).toBe(false);
    expect(isIdentifier('NOT')).toBe(false);
  });

  it('knows the codes of the version a draft started from', () => {
    const saved = savedCodes(toDraft(PROGRAMME_DEFINITION));
    expect([saved.package('quantity'), saved.package('vaccination')]).toEqual([true, false]);
    expect([saved.payment('monthly'), saved.payment('quantity')]).toEqual([true, false]);
    expect([saved.activity('quantity', 'delivery'), saved.activity('quantity', 'bcg'), saved.activity('other', 'delivery')]).toEqual([true, false, false]);
    expect([saved.input('quantity', 'verified'), saved.input('quantity', 'vaccinated')]).toEqual([true, false]);
    expect(savedCodes(undefined).package('quantity')).toBe(false);
  });
});
