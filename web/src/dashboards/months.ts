/** Months as the API names them (`202403`), and as `<input type="month">` does (`2024-03`). */
export const toInputMonth = (month: string) => `${month.slice(0, 4)}-${month.slice(4)}`;
export const fromInputMonth = (value: string) => value.replace('-', '');

const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(4)) - 1;
const monthAt = (i: number) => `${Math.floor(i / 12)}${String((i % 12) + 1).padStart(2, '0')}`;

export function shiftMonth(month: string, by: number): string {
  return monthAt(index(month) + by);
}

/** Every month from `from` to `to`, in order: a chart's time axis, gaps included. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let i = index(from); i <= index(to); i++) months.push(monthAt(i));
  return months;
}

/** The month the current calendar month is, for ranges when a programme has no data yet. */
export function thisMonth(): string {
  const now = new Date();
  return monthAt(now.getFullYear() * 12 + now.getMonth());
}
