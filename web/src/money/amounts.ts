import { editingText, parseNumber } from '../../../src/contract/numbers.ts';

/**
 * Sums of the API's decimal amounts ("115000.00"), exact: the browser adds whole hundredths
 * as bigints, never floats, so a funder's total equals the sum of its orders to the unit.
 */
const SCALE = 2;
const FACTOR = 10n ** BigInt(SCALE);

function toHundredths(amount: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) throw new Error(`not a decimal amount: '${amount}'`);
  const [, sign, whole, fraction = ''] = match;
  const units = BigInt(whole!) * FACTOR + BigInt(fraction.padEnd(SCALE, '0').slice(0, SCALE));
  return sign === '-' ? -units : units;
}

function fromHundredths(units: bigint): string {
  const negative = units < 0n;
  const magnitude = negative ? -units : units;
  const fraction = (magnitude % FACTOR).toString().padStart(SCALE, '0');
  return `${negative ? '-' : ''}${magnitude / FACTOR}.${fraction}`;
}

export function sumAmounts(amounts: readonly string[]): string {
  return fromHundredths(amounts.reduce((sum, amount) => sum + toHundredths(amount), 0n));
}

/** Negative, zero or positive as `a` is less than, equal to or more than `b`. */
export function compareAmounts(a: string, b: string): number {
  const difference = toHundredths(a) - toHundredths(b);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

/**
 * An amount typed in a form in the reader's language (src/contract/numbers.ts), as the API's
 * decimal text, when it is above 0 with at most `decimals` decimals; undefined otherwise.
 */
export function readAmount(text: string, locale: string, decimals: number): string | undefined {
  const parsed = parseNumber(text, locale);
  if (parsed.kind !== 'number' || toHundredths(parsed.plain) <= 0n) return undefined;
  return (parsed.plain.split('.')[1] ?? '').length <= decimals ? parsed.plain : undefined;
}

/** An amount as a form shows it for editing, in the reader's writing, without the decimals the currency does not have. */
export function editableAmount(amount: string, decimals: number, locale: string): string {
  const text = fromHundredths(toHundredths(amount));
  if (decimals >= SCALE) return editingText(text, locale);
  const [whole, fraction] = text.split('.');
  const kept = fraction!.slice(0, decimals).replace(/0+$/, '');
  return kept === '' || decimals === 0 ? whole! : editingText(`${whole}.${kept}`, locale);
}
