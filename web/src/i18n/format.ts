/**
 * Numbers, money, dates and DHIS2 periods formatted for the reader's language. Plain numbers
 * are written by the shared contract (src/contract/numbers.ts), so that what a screen shows
 * is what its inputs read back.
 */
export { formatNumber } from '../../../src/contract/numbers.ts';

const tag = (locale: string) => (locale === 'fr' ? 'fr-BI' : 'en-GB');

/** Currency amounts with the currency's own decimals (BIF has none). */
export function formatMoney(value: number | string, currency: string, locale: string): string {
  return new Intl.NumberFormat(tag(locale), { style: 'currency', currency, currencyDisplay: 'code' }).format(Number(value));
}

export function formatDate(value: string | Date, locale: string): string {
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: 'medium' }).format(new Date(value));
}

export function formatDateTime(value: string | Date, locale: string): string {
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

/** `202403` → "mars 2024" / "March 2024"; `2024Q1` → "T1 2024" / "Q1 2024". */
export function formatPeriod(period: string, locale: string): string {
  const month = /^(\d{4})(\d{2})$/.exec(period);
  if (month) {
    const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
    return new Intl.DateTimeFormat(tag(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  }
  const quarter = /^(\d{4})Q([1-4])$/.exec(period);
  if (quarter) return `${locale === 'fr' ? 'T' : 'Q'}${quarter[2]} ${quarter[1]}`;
  return period;
}

/** A ratio as a percentage: 0.05 → "5 %" / "5%". */
export function formatPercent(ratio: number, locale: string, digits = 2): string {
  return new Intl.NumberFormat(tag(locale), { style: 'percent', maximumFractionDigits: digits }).format(ratio);
}

/** Large figures in few characters for chart axes: "1,2 M" / "1.2M". */
export function formatCompact(value: number, locale: string): string {
  return new Intl.NumberFormat(tag(locale), { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** `202403` → "mars 24" / "Mar 24", for chart axes. */
export function formatMonthShort(period: string, locale: string): string {
  const month = /^(\d{4})(\d{2})$/.exec(period);
  if (!month) return formatPeriod(period, locale);
  const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
  return new Intl.DateTimeFormat(tag(locale), { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(date);
}
