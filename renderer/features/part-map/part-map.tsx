// The part map (issue 6 item 3): one canvas cell per part, coloured by state, with keyboard navigation and an
// inspector for the hovered or focused cell. Accessibility: the focusable wrapper is role="grid" named "Part map";
// only the focused cell exists in the DOM (a visually hidden row/gridcell referenced by aria-activedescendant, the
// pattern of a virtualized grid), and a polite live region repeats its description as the arrow keys move.
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useT } from '../../i18n/i18n';
import type { PartList } from '../../state/apply-change-batch';
import { useSettingsStore } from '../../state/settings-store';
import { describeState } from './describe-part';
import { drawPartMap, readPalette } from './draw-part-map';
import { partMapMessages } from './messages';
import { PartInspector } from './part-inspector';
import { cellAt, cellOrigin, computeLayout, moveFocus } from './part-map-layout';

/** Props of PartMap. */
export interface PartMapProps {
  readonly parts: PartList;
  /** Width before the first measurement (tests have no layout). */
  readonly initialWidthPx?: number;
}

// Room around the cells for the focus ring, which is drawn just outside a cell.
const PAD_PX = 2;

function useWidth(element: HTMLElement | null, initial: number): number {
  const [width, setWidth] = useState(initial);
  useLayoutEffect(() => {
    if (element === null) return;
    if (element.clientWidth > 0) setWidth(element.clientWidth - 2 * PAD_PX);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const entry = entries[0];
      if (entry !== undefined && entry.contentRect.width > 0) setWidth(entry.contentRect.width - 2 * PAD_PX);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return width;
}

// Repaint when the system theme flips while the theme setting is "system".
function useColorSchemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia('(prefers-color-scheme: dark)');
    const bump = () => setVersion((value) => value + 1);
    query.addEventListener('change', bump);
    return () => query.removeEventListener('change', bump);
  }, []);
  return version;
}

/** The part map with its inspector. */
export function PartMap({ parts, initialWidthPx = 600 }: PartMapProps) {
  const t = useT(partMapMessages);
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = useWidth(scroller, initialWidthPx);
  const layout = computeLayout(parts.length, width);
  const [focused, setFocused] = useState(0);
  const [hovered, setHovered] = useState<number | undefined>(undefined);
  const [hasFocus, setHasFocus] = useState(false);
  const theme = useSettingsStore((state) => state.settings?.theme);
  const schemeVersion = useColorSchemeVersion();
  const cellId = useId();
  const focusedIndex = Math.min(focused, Math.max(0, parts.length - 1));

  useEffect(() => {
    const element = canvas.current;
    if (element === null) return;
    // One paint per animation frame at most, however many batches arrive.
    const frame = requestAnimationFrame(() => {
      const context = element.getContext('2d');
      if (context === null) return;
      const ratio = window.devicePixelRatio || 1;
      const cssWidth = layout.widthPx + 2 * PAD_PX;
      const cssHeight = layout.heightPx + 2 * PAD_PX;
      if (element.width !== Math.round(cssWidth * ratio) || element.height !== Math.round(cssHeight * ratio)) {
        element.width = Math.round(cssWidth * ratio);
        element.height = Math.round(cssHeight * ratio);
        element.style.width = `${cssWidth}px`;
        element.style.height = `${cssHeight}px`;
      }
      context.setTransform(ratio, 0, 0, ratio, PAD_PX * ratio, PAD_PX * ratio);
      drawPartMap(context, layout, parts, readPalette(element), { focusedIndex, showFocus: hasFocus });
    });
    return () => cancelAnimationFrame(frame);
    // `layout` is derived from parts.length and width; theme and schemeVersion only force a repaint.
  }, [parts, layout.columns, layout.cellPx, width, focusedIndex, hasFocus, theme, schemeVersion]);

  const keepInView = (index: number) => {
    if (scroller === null) return;
    const { y } = cellOrigin(layout, index);
    if (y < scroller.scrollTop) scroller.scrollTop = y;
    else if (y + layout.pitchPx > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = y + layout.pitchPx - scroller.clientHeight + 2 * PAD_PX;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = moveFocus(layout, focusedIndex, event.key, event.ctrlKey || event.metaKey);
    if (next === undefined) return;
    event.preventDefault();
    setFocused(next);
    keepInView(next);
  };

  const pointerCell = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return cellAt(layout, event.clientX - box.left - PAD_PX, event.clientY - box.top - PAD_PX);
  };

  const focusedPart = parts[focusedIndex];
  const focusedText =
    focusedPart === undefined ? '' : t('cellDescription', { number: focusedPart.partNumber, state: describeState(focusedPart, t) });
  const inspected = parts[hovered ?? focusedIndex];
  const columnCount = layout.columns;

  return (
    <div className="part-map">
      <div
        ref={setScroller}
        className="part-map-grid"
        role="grid"
        aria-label={t('partMap')}
        aria-rowcount={layout.rows}
        aria-colcount={columnCount}
        aria-activedescendant={focusedPart === undefined ? undefined : cellId}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={() => setHasFocus(true)}
        onBlur={() => setHasFocus(false)}
      >
        <div role="row" className="visually-hidden" aria-rowindex={Math.floor(focusedIndex / columnCount) + 1}>
          <div role="gridcell" id={cellId} aria-colindex={(focusedIndex % columnCount) + 1}>
            {focusedText}
          </div>
        </div>
        <canvas
          ref={canvas}
          className="part-map-canvas"
          aria-hidden="true"
          onPointerMove={(event) => setHovered(pointerCell(event))}
          onPointerLeave={() => setHovered(undefined)}
          onPointerDown={(event) => {
            const index = pointerCell(event);
            if (index !== undefined) setFocused(index);
          }}
        />
      </div>
      <p className="visually-hidden" aria-live="polite">
        {hasFocus ? focusedText : ''}
      </p>
      <PartInspector part={inspected} />
    </div>
  );
}
