import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode, type Ref } from 'react';

export interface RowProps {
  readonly 'data-index': number;
  readonly ref: Ref<HTMLTableRowElement>;
}

/**
 * A table whose body renders only the rows in view (plus a margin), so lists of thousands
 * of rows scroll smoothly; spacer rows keep the scroll height, and each rendered row is
 * measured, so rows that wrap on long French names keep their place. Short lists render
 * every row (the window covers them all). The head stays a real table head, sticky.
 */
export function VirtualRows<T>({
  rows,
  columns,
  head,
  renderRow,
  caption,
  estimate = 40,
  className = 'list',
}: {
  rows: readonly T[];
  columns: number;
  head: ReactNode;
  renderRow: (row: T, index: number, props: RowProps) => ReactNode;
  caption?: ReactNode;
  estimate?: number;
  className?: string;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimate,
    overscan: 12,
    // Rows for a first screen before the scroller is measured, so the list never starts blank.
    initialRect: { width: 0, height: 800 },
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div ref={scroller} className="virtual-scroll">
      <table className={className}>
        {caption && <caption>{caption}</caption>}
        <thead>{head}</thead>
        <tbody>
          {before > 0 && <Spacer height={before} columns={columns} />}
          {items.map((item) => renderRow(rows[item.index]!, item.index, { 'data-index': item.index, ref: virtualizer.measureElement }))}
          {after > 0 && <Spacer height={after} columns={columns} />}
        </tbody>
      </table>
    </div>
  );
}

function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tr aria-hidden="true" className="spacer-row">
      <td colSpan={columns} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}
