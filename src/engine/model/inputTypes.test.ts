import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadProgram } from './program.ts';
import { INPUT_TYPE_MESSAGES, inputTypeProblem } from './inputTypes.ts';

describe('input types', () => {
  it('a count is whole, a percentage at most 100, an amount in cents, a score any number', () => {
    expect(inputTypeProblem('count', 12.5)).toEqual({ reason: 'notWhole', value: 12.5 });
    expect(inputTypeProblem('count', 12)).toBeUndefined();
    expect(inputTypeProblem('percentage', 100.5)?.reason).toBe('overHundred');
    expect(inputTypeProblem('percentage', 99.5)).toBeUndefined();
    expect(inputTypeProblem('amount', 10.125)?.reason).toBe('cents');
    expect(inputTypeProblem('amount', 10.35)).toBeUndefined();
    expect(inputTypeProblem('score', 3.1416)).toBeUndefined();
    expect(inputTypeProblem(undefined, 3.1416)).toBeUndefined();
  });

  it('writes the refused value in the reader’s language', () => {
    expect(INPUT_TYPE_MESSAGES.fr.notWhole(12.5)).toBe("est un nombre d'actes : un nombre entier, pas 12,5");
    expect(INPUT_TYPE_MESSAGES.en.notWhole(12.5)).toBe('is a count of events: a whole number, not 12.5');
  });

  it('every number of cents is an amount', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e13 }), (cents) => inputTypeProblem('amount', cents / 100) === undefined));
  });

  it('a programme may type only the inputs its package has', () => {
    const raw = {
      code: 'p',
      currency: 'BIF',
      packages: [{ code: 'q', frequency: 'monthly', inputs: ['declared'], inputTypes: { declared: 'count', verified: 'count' }, activities: [] }],
    };
    const { errors } = loadProgram(raw);
    expect(errors.map((error) => error.at)).toEqual(['packages[0].inputTypes.verified']);
  });
});
