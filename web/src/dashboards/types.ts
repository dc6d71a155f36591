/** Answers of the dashboard routes (/api/docs, tag "dashboards"); amounts are numbers. */
export interface UnitRef {
  readonly id: string;
  readonly name: string;
}

export interface StateTotals {
  readonly declared: number;
  readonly verified: number;
  readonly validated: number;
}

export interface QuantityPoint extends StateTotals {
  readonly period: string;
  readonly package: string;
}

export interface QuantityAcrossTree {
  readonly root: UnitRef | null;
  readonly trail: readonly UnitRef[];
  readonly items: readonly (UnitRef & StateTotals & { readonly leaf: boolean })[];
}

export interface QualityPoint {
  readonly period: string;
  readonly average: number;
  readonly min: number;
  readonly max: number;
  readonly facilities: number;
}

export type Ranking = 'paid' | 'quality' | 'discrepancy';

export interface Ranked {
  readonly rank: number;
  readonly orgUnitId: string;
  readonly name: string;
  readonly parentName: string | null;
  readonly value: number;
}

export interface FacilityPoint {
  readonly orgUnitId: string;
  readonly name: string;
  readonly parentName: string | null;
  readonly quality: number;
  readonly validated: number;
}

export interface FunderMonth {
  readonly month: string;
  readonly funderId: string;
  readonly funderName: string | null;
  readonly ordered: number;
  readonly paid: number;
}

export interface FunderDelay {
  readonly funderId: string;
  readonly funderName: string | null;
  readonly lines: number;
  readonly paidLines: number;
  readonly medianDays: number | null;
  readonly averageDays: number | null;
  readonly lateLines: number;
  readonly lateShare: number | null;
}

export interface BudgetBurn {
  readonly year: number;
  readonly budget: number;
  readonly ordered: number;
  readonly paid: number;
  readonly forecast: number | null;
  readonly funders: readonly {
    readonly funderId: string | null;
    readonly funderName: string | null;
    readonly budget: number;
    readonly ordered: number;
    readonly paid: number;
    readonly forecast: number | null;
  }[];
  readonly months: readonly {
    readonly month: string;
    readonly ordered: number;
    readonly paid: number;
    readonly cumulativeOrdered: number;
    readonly cumulativePaid: number;
    readonly forecastCumulative: number | null;
  }[];
}

export interface Reporting {
  readonly withinDays: number;
  readonly expected: number;
  readonly declared: number;
  readonly onTime: number;
  readonly items: readonly { readonly month: string; readonly expected: number; readonly declared: number; readonly onTime: number }[];
}

export interface PublicResults {
  readonly programme: { readonly id: string; readonly name: string; readonly currency: string; readonly currencyDecimals: number };
  readonly items: readonly {
    readonly provinceId: string;
    readonly provinceName: string;
    readonly quarter: string;
    readonly approved: number;
    readonly paid: number;
    readonly quality: number | null;
    readonly facilities: number;
  }[];
}
