import { describe, expect, it } from 'vitest';
import { describeError } from '../messages/errors.ts';
import { loadProgram } from '../model/program.ts';
import { quantityProgram } from '../../../test/support/engine.ts';
import { checkProgram } from './checkProgram.ts';

const withPayment = (payment: Record<string, unknown>) =>
  quantityProgram({ payments: [{ code: 'monthly', frequency: 'monthly', packages: ['quantity'], ...payment }] });

/** The formula the engine pays for the programme's one payment. */
function paid(payment: Record<string, unknown>): string | undefined {
  const { program, errors } = loadProgram(withPayment(payment));
  if (!program) throw new Error(errors.map((error) => describeError(error)).join('; '));
  return checkProgram(program).checked!.payments[0]!.amount;
}

describe("a payment's amount", () => {
  const steps = { net: 'gross + bonus', gross: 'quantity.total', bonus: 'gross / 1000' };

  it('is the formula the payment names, wherever it comes in evaluation order', () => {
    expect(paid({ formulas: steps, amount: 'gross' })).toBe('gross');
    expect(paid({ formulas: { ...steps, to_pay: 'net' }, amount: 'net' })).toBe('net');
  });

  it('is, for a payment naming none (versions stored before `amount`), to_pay or else the last formula in evaluation order', () => {
    expect(paid({ formulas: { shown: 'to_pay * 2', to_pay: 'quantity.total' } })).toBe('to_pay');
    expect(paid({ formulas: steps })).toBe('net');
    expect(paid({ formulas: {} })).toBeUndefined();
  });

  it('must name one of the payment’s own formulas, located at the payment and field', () => {
    const { errors } = loadProgram(withPayment({ formulas: steps, amount: 'total' }));
    expect(errors.map((error) => describeError(error))).toEqual(["payments[0].amount: 'total' is not a formula of payment 'monthly'"]);
    expect(describeError(errors[0]!, 'fr')).toBe("payments[0].amount: 'total' n'est pas une formule du paiement 'monthly'");
  });
});
