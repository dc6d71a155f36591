import { parseNumber } from '../../../src/contract/numbers.ts';
import { formatPercent } from '../i18n/format.ts';

/** A funder share ("0.333333") as a percentage for the reader ("33.3333 %"). */
export function formatShare(share: string, locale: string): string {
  return formatPercent(Number(share), locale, 4);
}

/**
 * A share typed in the reader's language (src/contract/numbers.ts) as the API's decimal text,
 * when it is a fraction above 0 and at most 1 with at most 6 decimals, as the server accepts it.
 */
export function readShare(text: string, locale: string): string | undefined {
  const parsed = parseNumber(text, locale);
  if (parsed.kind !== 'number' || parsed.value <= 0 || parsed.value > 1) return undefined;
  return (parsed.plain.split('.')[1] ?? '').length <= 6 ? parsed.plain : undefined;
}
