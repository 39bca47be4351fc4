// A windowed list of fixed-height rows over @tanstack/react-virtual: only the rows in view (plus a few) exist in the
// DOM, so thousands of jobs or incomplete uploads scroll without layout cost (issue 6 item 6, bench:ui).
// Structure: a scrolling element with role="list" and the given name; each rendered row is wrapped in a
// role="listitem" element positioned absolutely, carrying aria-posinset/aria-setsize so assistive technology knows
// where it is in the whole list. renderRow returns the row's content; rowLabel names the listitem.
import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';

/** Props of VirtualList. */
export interface VirtualListProps {
  readonly count: number;
  /** Pixel height of every row (fixed, so no measuring pass). */
  readonly rowHeight: number;
  /** Stable key of row `index` (an id), so React keeps a row's state when rows shift. */
  readonly getKey: (index: number) => string;
  /** The row's content. */
  readonly renderRow: (index: number) => ReactNode;
  /** The accessible name of row `index` (e.g. the file name). */
  readonly rowLabel: (index: number) => string;
  /** Accessible name of the list. */
  readonly label: string;
  readonly className?: string | undefined;
  /** Called when the last rendered row is within `overscan` rows of the end: load the next page. */
  readonly onNearEnd?: (() => void) | undefined;
  /** Rows rendered beyond the visible ones, each way. */
  readonly overscan?: number;
  /** Size to assume until the element has a layout (tests under happy-dom never get one). */
  readonly initialRect?: { readonly width: number; readonly height: number } | undefined;
  /** Extra props of each listitem (selection, click, keyboard). */
  readonly rowProps?: ((index: number) => Readonly<Record<string, unknown>>) | undefined;
  /**
   * Told the first and last index actually in view (overscan excluded) after each render that moved them or changed
   * the count, so a screen can load per-row data for the rows a user sees, not every row a fling mounts for a frame.
   */
  readonly onVisibleRangeChange?: ((first: number, last: number) => void) | undefined;
}

// A 0×0 measurement means "no layout yet" (or never, in a DOM without layout): keep the assumed size until a real one.
function keepRectUntilLaidOut(
  instance: Virtualizer<HTMLDivElement, Element>,
  callback: (rect: { width: number; height: number }) => void,
): void | (() => void) {
  return observeElementRect(instance, (rect) => {
    if (rect.width > 0 || rect.height > 0) callback(rect);
  });
}

/** A virtualized list of fixed-height rows. */
export function VirtualList({
  count,
  rowHeight,
  getKey,
  renderRow,
  rowLabel,
  label,
  className,
  onNearEnd,
  overscan = 8,
  initialRect,
  rowProps,
  onVisibleRangeChange,
}: VirtualListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    getItemKey: getKey,
    overscan,
    ...(initialRect === undefined
      ? {}
      : { initialRect: { width: initialRect.width, height: initialRect.height }, observeElementRect: keepRectUntilLaidOut }),
  });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1];
  if (onNearEnd !== undefined && last !== undefined && last.index >= count - 1 - overscan) {
    // Deferred: calling into a store while rendering would update another component mid-render.
    queueMicrotask(onNearEnd);
  }
  // -1/-1 while nothing is in view (no layout yet, or an empty list).
  const first = count === 0 ? -1 : (virtualizer.range?.startIndex ?? -1);
  const lastVisible = count === 0 ? -1 : (virtualizer.range?.endIndex ?? -1);
  // `count` too: a page appended under a status row that stays in view brings new rows into the same range.
  useEffect(() => {
    if (first >= 0) onVisibleRangeChange?.(first, lastVisible);
  }, [first, lastVisible, count, onVisibleRangeChange]);

  return (
    <div ref={scroller} className={['virtual-list', className].filter(Boolean).join(' ')} role="list" aria-label={label}>
      <div className="virtual-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => (
          <div
            key={item.key}
            {...rowProps?.(item.index)}
            role="listitem"
            aria-label={rowLabel(item.index)}
            aria-posinset={item.index + 1}
            aria-setsize={count}
            className="virtual-list-row"
            // React applies style through the CSSOM, which the page's CSP (style-src 'self') allows.
            style={{ height: rowHeight, transform: `translateY(${item.start}px)` }}
          >
            {renderRow(item.index)}
          </div>
        ))}
      </div>
    </div>
  );
}
