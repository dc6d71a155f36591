/**
 * Days from the end of a period to its payment beyond which the screens flag a payment as
 * late. The programme sets no deadline of its own; two months after the period is the
 * horizon Burundi's facilities were promised, and the delays view lets the reader change it.
 */
export const LATE_AFTER_DAYS = 60;

export const isLate = (days: number, threshold = LATE_AFTER_DAYS) => days > threshold;
