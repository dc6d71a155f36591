import { LineChart, type LineSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what a line chart needs: the whole of ECharts would triple the page's weight.
echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Option = echarts.ComposeOption<LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

export interface ChartSeries {
  readonly name: string;
  readonly color: string;
  readonly values: readonly (number | null)[];
}

interface QuantityChartProps {
  readonly label: string;
  readonly months: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly format: (value: number) => string;
}

/**
 * Quantities over time as lines, drawn in SVG (sharp on a projector, and its text readable
 * by tests); resized with the window. The table beside it carries the same numbers for
 * screen readers.
 */
export default function QuantityChart({ label, months, series, format }: QuantityChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.EChartsType | null>(null);

  useEffect(() => {
    const instance = echarts.init(element.current!, undefined, { renderer: 'svg' });
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const option: Option = {
      animation: false,
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (value) => (typeof value === 'number' ? format(value) : '—') },
      xAxis: { type: 'category', data: [...months], axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', axisLabel: { formatter: (value: number) => format(value) } },
      series: series.map((line) => ({ type: 'line', name: line.name, color: line.color, data: [...line.values], connectNulls: false, symbolSize: 6 })),
    };
    chart.current?.setOption(option, true);
  }, [months, series, format]);

  return <div ref={element} className="chart" role="img" aria-label={label} />;
}
