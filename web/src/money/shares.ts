/** A funder share ("0.333333") as a percentage for the reader ("33.3333 %"). */
export function formatShare(share: string, locale: string): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-BI' : 'en-GB', { style: 'percent', maximumFractionDigits: 4 }).format(Number(share));
}

/** Whether a typed share is a fraction above 0 and at most 1 with at most 6 decimals, as the server accepts it. */
export function isShare(text: string): boolean {
  if (!/^\d+(\.\d{1,6})?$/.test(text.trim())) return false;
  const value = Number(text);
  return value > 0 && value <= 1;
}
