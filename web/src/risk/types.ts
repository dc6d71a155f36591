/** Shapes of the risk-based verification API (/verification-draws), as its OpenAPI document describes them. */
export const RISK_CLASSES = ['low', 'moderate', 'high'] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];

export interface DrawParameters {
  readonly historyMonths: number;
  readonly thresholds: { readonly moderate: number; readonly high: number };
  readonly probabilities: Readonly<Record<RiskClass, number>>;
  readonly alwaysDraw: Readonly<Record<string, readonly string[]>>;
}

export interface ClassCount {
  readonly facilities: number;
  readonly drawn: number;
}

export interface Draw {
  readonly id: number;
  readonly rootOrgUnitId: string;
  readonly period: string;
  readonly seed: string;
  readonly parameters: DrawParameters & { readonly algorithm: string; readonly window: readonly string[] };
  readonly createdAt: string;
  readonly replacedBy: number | null;
  readonly replacedAt: string | null;
  readonly appliedAt: string | null;
  readonly counts: ClassCount & { readonly byClass: Readonly<Record<RiskClass, ClassCount>> };
}

export interface Gap {
  readonly difference: number;
  readonly base: number;
  readonly activities: number;
  readonly gap: number;
}

export type Measure = 'declaredVerified' | 'verifiedValidated';

export interface RiskReasons {
  readonly window: readonly string[];
  readonly notVerified: readonly string[];
  readonly periods: readonly { readonly period: string; readonly declaredVerified: Gap | null; readonly verifiedValidated: Gap | null }[];
  readonly average: Readonly<Record<Measure, number | null>>;
  readonly score: number | null;
  readonly measure: Measure | null;
  readonly thresholds: { readonly moderate: number; readonly high: number };
  readonly rule: 'no_history' | 'below_moderate' | 'moderate' | 'above_high';
  readonly validation: { readonly declared: number; readonly validated: number; readonly rate: number; readonly computed: boolean };
  readonly alwaysDrawn: { readonly groupset: string; readonly group: string } | null;
}

export interface DrawEntry {
  readonly orgUnitId: string;
  readonly name: string;
  readonly path: string;
  readonly riskClass: RiskClass;
  readonly probability: number;
  readonly drawn: boolean;
  readonly validationRate: number | null;
  readonly reasons: RiskReasons;
}

export interface ApplyResult {
  readonly drawId: number;
  readonly facilities: number;
  readonly values: number;
  readonly withoutDeclarations: readonly string[];
}

/** Burundi's defaults, as the server applies them when a parameter is not given. */
export const DEFAULT_PARAMETERS: Omit<DrawParameters, 'alwaysDraw'> = {
  historyMonths: 6,
  thresholds: { moderate: 0.05, high: 0.1 },
  probabilities: { low: 0.4, moderate: 0.8, high: 1 },
};
