/** How a verification draw classes facilities by the risk their history shows (shared by the store, the domain and the web client). */
export const RISK_CLASSES = ['low', 'moderate', 'high'] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];

/**
 * Burundi's defaults for a draw: six months of history; a facility whose declared and
 * verified figures differ by 5 % is moderate risk, by more than 10 % high; drawn with
 * probability 40 %, 80 % and always. The API applies them to what a request leaves out, and
 * the draw form shows them.
 */
export const DRAW_DEFAULTS = {
  historyMonths: 6,
  thresholds: { moderate: 0.05, high: 0.1 },
  probabilities: { low: 0.4, moderate: 0.8, high: 1 },
} as const;
