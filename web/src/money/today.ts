/** Today as an ISO date in the reader's time zone: the date a payment is recorded on by default. */
export function isoToday(today = new Date()): string {
  const month = String(today.getMonth() + 1).padStart(2, '0');
  const day = String(today.getDate()).padStart(2, '0');
  return `${today.getFullYear()}-${month}-${day}`;
}
