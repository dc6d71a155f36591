/** DHIS2 periods as the invoice and share forms accept them, and the defaults they start from. */
const MONTH = /^(\d{4})(0[1-9]|1[0-2])$/;
const QUARTER = /^\d{4}Q[1-4]$/;
const YEAR = /^\d{4}$/;

/** What an invoice run or a payment order covers: a month (202401) or a quarter (2024Q1). */
export function isInvoicePeriod(text: string): boolean {
  return MONTH.test(text) || QUARTER.test(text);
}

/** Where a funder share starts or ends: a month, a quarter or a year. */
export function isSharePeriod(text: string): boolean {
  return isInvoicePeriod(text) || YEAR.test(text);
}

/** The month before `today`: the one usually invoiced. */
export function previousMonth(today = new Date()): string {
  const year = today.getMonth() === 0 ? today.getFullYear() - 1 : today.getFullYear();
  const month = today.getMonth() === 0 ? 12 : today.getMonth();
  return `${year}${String(month).padStart(2, '0')}`;
}

/** Today as an ISO date in the reader's time zone: the date a payment is recorded on by default. */
export function isoToday(today = new Date()): string {
  const month = String(today.getMonth() + 1).padStart(2, '0');
  const day = String(today.getDate()).padStart(2, '0');
  return `${today.getFullYear()}-${month}-${day}`;
}
