/** Periods a visit is about: a month (202407) or a quarter (2024Q3), as the API takes them. */
const ENTRY_PERIOD = /^(\d{4})(?:(0[1-9]|1[0-2])|Q([1-4]))$/;

export function isEntryPeriod(period: string | undefined): period is string {
  return period !== undefined && ENTRY_PERIOD.test(period);
}

/** Verification follows the month's end: the month before today's is the one to verify. */
export function defaultPeriod(today: Date): string {
  const month = today.getMonth() === 0 ? 12 : today.getMonth();
  const year = today.getMonth() === 0 ? today.getFullYear() - 1 : today.getFullYear();
  return `${year}${String(month).padStart(2, '0')}`;
}

/** The period before or after, of the same kind. */
export function shiftPeriod(period: string, by: number): string {
  const match = ENTRY_PERIOD.exec(period);
  if (!match) return period;
  const year = Number(match[1]);
  if (match[3]) {
    const index = year * 4 + Number(match[3]) - 1 + by;
    return `${Math.floor(index / 4)}Q${(index % 4) + 1}`;
  }
  const index = year * 12 + Number(match[2]) - 1 + by;
  return `${Math.floor(index / 12)}${String((index % 12) + 1).padStart(2, '0')}`;
}

/** A month's quarter, or a quarter's months: the other visits of the same time. */
export function relatedPeriods(period: string): string[] {
  const match = ENTRY_PERIOD.exec(period);
  if (!match) return [];
  const year = match[1]!;
  if (match[3]) {
    const first = (Number(match[3]) - 1) * 3 + 1;
    return [0, 1, 2].map((i) => `${year}${String(first + i).padStart(2, '0')}`);
  }
  return [`${year}Q${Math.floor((Number(match[2]) - 1) / 3) + 1}`];
}
