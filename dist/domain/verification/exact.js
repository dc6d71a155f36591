import { Decimal } from 'decimal.js';
/**
 * Decimal arithmetic for entered quantities: sums of numeric(20,4) values over many months
 * and activities need more than decimal.js's default 20 significant digits.
 */
export const Exact = Decimal.clone({ precision: 40 });
//# sourceMappingURL=exact.js.map