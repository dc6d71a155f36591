import { useEffect, useRef } from 'react';
import { echarts, type ChartOption } from './echarts.ts';

export interface ChartProps {
  readonly option: ChartOption;
  /** What the chart shows, for screen readers (the figures are also in a table). */
  readonly label: string;
  readonly height?: number;
  /** Called with the index of the category clicked anywhere in its column (drill-down). */
  readonly onCategoryClick?: (index: number) => void;
}

/**
 * One ECharts canvas: created once, redrawn when the option changes, resized with its box
 * (window or layout), disposed on unmount.
 */
export function Chart({ option, label, height = 280, onCategoryClick }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const instance = echarts.init(box.current!);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current!);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onCategoryClick) return;
    // The whole column (or row, when the categories run down the side) of a category answers, not only its bars: thin or zero bars stay clickable.
    const zr = instance.getZr();
    const click = (event: { offsetX: number; offsetY: number }) => {
      const point = [event.offsetX, event.offsetY];
      if (!instance.containPixel('grid', point)) return;
      const [x, y] = instance.convertFromPixel('grid', point) as number[];
      const index = categoriesDown(option) ? y : x;
      if (index !== undefined && Number.isFinite(index)) onCategoryClick(Math.round(index));
    };
    zr.on('click', click);
    return () => {
      zr.off('click', click);
    };
  }, [onCategoryClick, option]);

  return <div ref={box} className={onCategoryClick ? 'chart clickable' : 'chart'} role="img" aria-label={label} style={{ height }} />;
}

/** Whether the categories run down the side (bars laid across): then a click's row is its category. */
function categoriesDown(option: ChartOption): boolean {
  const axis = option.yAxis as { type?: string } | undefined;
  return axis?.type === 'category';
}
