/**
 * Numbers, money, dates and DHIS2 periods formatted for the reader's language. Plain numbers
 * are written by the shared contract (src/contract/numbers.ts), so that what a screen shows
 * is what its inputs read back.
 */
export { formatNumber } from '../../../src/contract/numbers.ts';
import { periodParts } from '../../../src/contract/periods.ts';

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

/** A time of day, "14:05", for a wait's end. */
export function formatTime(value: string | Date, locale: string): string {
  return new Intl.DateTimeFormat(tag(locale), { hour: '2-digit', minute: '2-digit' }).format(new Date(value));
}

/**
 * A day as a date field shows it, `2024-03-15` → "15/03/2024", in French and in English (en-GB)
 * alike: the browser's own date field follows the browser's language, and shows an American
 * browser's readers 03/15/2024 on a French screen.
 */
export function formatDateInput(iso: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return day ? `${day[3]}/${day[2]}/${day[1]}` : '';
}

/** A typed day, "15/03/2024", "15/3/2024" or `2024-03-15`, as `2024-03-15`; undefined when it is no day of the calendar. */
export function parseDateInput(text: string): string | undefined {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const typed = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : typed ? [typed[3], typed[2], typed[1]] : [];
  if (!year || !month || !day) return undefined;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return undefined;
  return date.toISOString().slice(0, 10);
}

/** A month as a month field shows it, `2024-03` → "03/2024" (see formatDateInput). */
export function formatMonthInput(isoMonth: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(isoMonth);
  return month ? `${month[2]}/${month[1]}` : '';
}

/** A typed month, "03/2024", "3/2024" or `2024-03`, as `2024-03`; undefined when it is no month. */
export function parseMonthInput(text: string): string | undefined {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})$/.exec(trimmed);
  const typed = /^(\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  const [year, month] = iso ? [iso[1], iso[2]] : typed ? [typed[2], typed[1]] : [];
  if (!year || !month || Number(month) < 1 || Number(month) > 12) return undefined;
  return `${year}-${month.padStart(2, '0')}`;
}

/** `202403` → "mars 2024" / "March 2024"; `2024Q1` → "T1 2024" / "Q1 2024". */
export function formatPeriod(period: string, locale: string): string {
  const parts = periodParts(period);
  if (parts?.type === 'month') {
    return new Intl.DateTimeFormat(tag(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(parts.year, parts.month - 1, 1)));
  }
  if (parts?.type === 'quarter') return `${locale === 'fr' ? 'T' : 'Q'}${parts.quarter} ${parts.year}`;
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
  const parts = periodParts(period);
  if (parts?.type !== 'month') return formatPeriod(period, locale);
  const date = new Date(Date.UTC(parts.year, parts.month - 1, 1));
  return new Intl.DateTimeFormat(tag(locale), { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(date);
}
