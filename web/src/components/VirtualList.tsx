import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A long list kept smooth: only the rows in view are in the page. Rows have a fixed estimated
 * height and are measured once shown, so wrapped long names still fit.
 */
export function VirtualList<T>({
  items,
  label,
  estimate,
  render,
  keyOf,
  maxHeight = '28rem',
  onEnd,
}: {
  items: readonly T[];
  label: string;
  estimate: number;
  render: (item: T) => ReactNode;
  keyOf: (item: T) => string;
  maxHeight?: string;
  /** Called when the last rows come into view, to load more. */
  onEnd?: () => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => scroller.current, estimateSize: () => estimate, overscan: 8 });
  const rows = virtualizer.getVirtualItems();
  const lastShown = rows[rows.length - 1]?.index ?? -1;
  useEffect(() => {
    if (onEnd && items.length > 0 && lastShown >= items.length - 5) onEnd();
  }, [onEnd, lastShown, items.length]);
  return (
    <div ref={scroller} className="virtual-list" style={{ maxHeight }} role="list" aria-label={label}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {rows.map((row) => (
          <div
            key={keyOf(items[row.index]!)}
            role="listitem"
            data-index={row.index}
            ref={virtualizer.measureElement}
            className="virtual-row"
            style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)` }}
          >
            {render(items[row.index]!)}
          </div>
        ))}
      </div>
    </div>
  );
}
