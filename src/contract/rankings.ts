/** What the dashboards rank facilities by: amount paid, average quality score, or discrepancy (declared against verified). */
export const RANKINGS = ['paid', 'quality', 'discrepancy'] as const;
export type Ranking = (typeof RANKINGS)[number];

export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];
