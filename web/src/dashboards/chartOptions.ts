import type { ChartOption } from '../charts/echarts.ts';
import { formatCompact, formatMonthShort } from '../i18n/format.ts';

/** One colour per meaning across the dashboards. */
export const COLORS = {
  declared: '#8c6bb1',
  verified: '#f0a202',
  validated: '#0b6e4f',
  ordered: '#5c6770',
  paid: '#0b6e4f',
  forecast: '#a14400',
  budget: '#b00020',
  quality: '#1f78b4',
  funders: ['#0b6e4f', '#1f78b4', '#f0a202', '#8c6bb1', '#a14400', '#5c6770'],
} as const;

/** Grid, legend and tooltip shared by every chart: labels kept inside, legend on top. */
export function baseOption(): ChartOption {
  return {
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'plain' },
    tooltip: { trigger: 'axis', confine: true },
    textStyle: { fontFamily: 'system-ui, sans-serif' },
  };
}

/** Room for a unit's name beside its bars: "District sanitaire de Bujumbura Nord" on two lines at most. */
const NAME_WIDTH = 180;
const ROW_HEIGHT = 44;

/**
 * Bars per unit laid across, names down the side: long French names ("District sanitaire
 * Ngozi Centre") wrap whole instead of being cut to the same "District sani…" under each
 * column. The caller adds the value axis (`xAxis`) and the series.
 */
export function unitBars(names: readonly string[]): ChartOption {
  return {
    ...baseOption(),
    yAxis: { type: 'category', inverse: true, data: [...names], axisLabel: { interval: 0, width: NAME_WIDTH, overflow: 'break', lineHeight: 13 } },
  };
}

/** A chart tall enough for each unit's three bars and its name on two lines. */
export function unitBarsHeight(units: number): number {
  return Math.max(200, 64 + units * ROW_HEIGHT);
}

export function monthAxis(months: readonly string[], locale: string) {
  return { type: 'category' as const, data: months.map((month) => formatMonthShort(month, locale)) };
}

export function amountAxis(locale: string, format: (value: number) => string = (value) => formatCompact(value, locale)) {
  return { type: 'value' as const, axisLabel: { formatter: format } };
}
