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

/** Whether a text typed in a form is a positive amount with at most `decimals` decimals. */
export function isPositiveAmount(text: string, decimals: number): boolean {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return false;
  if ((match[2] ?? '').length > decimals) return false;
  return toHundredths(`${match[1]}.${(match[2] ?? '').padEnd(SCALE, '0').slice(0, SCALE)}`) > 0n;
}

/** An amount as a form shows it for editing: without the decimals the currency does not have. */
export function editableAmount(amount: string, decimals: number): string {
  const units = toHundredths(amount);
  const text = fromHundredths(units);
  if (decimals >= SCALE) return text;
  const [whole, fraction] = text.split('.');
  const kept = fraction!.slice(0, decimals).replace(/0+$/, '');
  return kept === '' || decimals === 0 ? whole! : `${whole}.${kept}`;
}
