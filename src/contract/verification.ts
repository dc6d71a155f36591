/** How a verification draw classes facilities by the risk their history shows (shared by the store, the domain and the web client). */
export const RISK_CLASSES = ['low', 'moderate', 'high'] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];
