// Geometry of the part map: how many cells per row for a width, which cell is under a point, and where the arrow
// keys move the focus. Pure, so the canvas component only draws and listens.

/** The grid's geometry in CSS pixels. */
export interface PartMapLayout {
  readonly count: number;
  readonly columns: number;
  readonly rows: number;
  /** Side of one cell. */
  readonly cellPx: number;
  /** Cell plus gap. */
  readonly pitchPx: number;
  readonly widthPx: number;
  readonly heightPx: number;
}

const GAP_PX = 2;

/**
 * Cell size from the part count: big cells (room for a percentage inside) for a few parts, 12 px for thousands, so
 * 10,000 parts (the OSS maximum, oss-protocol.md §6.3) fit in a panel without a cell becoming a speck.
 */
export function cellSizeFor(count: number): number {
  if (count <= 64) return 32;
  if (count <= 400) return 20;
  return 12;
}

/** The layout of `count` cells in `widthPx`. */
export function computeLayout(count: number, widthPx: number): PartMapLayout {
  const cellPx = cellSizeFor(count);
  const pitchPx = cellPx + GAP_PX;
  const columns = Math.max(1, Math.floor((Math.max(0, widthPx) + GAP_PX) / pitchPx));
  const rows = Math.ceil(count / columns);
  return { count, columns, rows, cellPx, pitchPx, widthPx: columns * pitchPx - GAP_PX, heightPx: Math.max(0, rows * pitchPx - GAP_PX) };
}

/** The top-left corner of cell `index`. */
export function cellOrigin(layout: PartMapLayout, index: number): { readonly x: number; readonly y: number } {
  return { x: (index % layout.columns) * layout.pitchPx, y: Math.floor(index / layout.columns) * layout.pitchPx };
}

/** The index of the cell at (x, y), or undefined over a gap or outside the cells. */
export function cellAt(layout: PartMapLayout, x: number, y: number): number | undefined {
  if (x < 0 || y < 0) return undefined;
  const column = Math.floor(x / layout.pitchPx);
  const row = Math.floor(y / layout.pitchPx);
  if (column >= layout.columns || x - column * layout.pitchPx >= layout.cellPx || y - row * layout.pitchPx >= layout.cellPx) return undefined;
  const index = row * layout.columns + column;
  return index < layout.count ? index : undefined;
}

// Page Up/Down move this many rows: about one panel's height of 12 px cells.
const PAGE_ROWS = 10;

/**
 * Where a key moves the focus from `index`: arrows by one cell or row, Home/End to the row's ends (with Ctrl, the
 * map's), Page Up/Down by ten rows; clamped to the cells. Undefined for a key that does not move.
 */
export function moveFocus(layout: PartMapLayout, index: number, key: string, ctrlKey: boolean): number | undefined {
  const last = layout.count - 1;
  if (last < 0) return undefined;
  const column = index % layout.columns;
  const rowStart = index - column;
  const clamp = (value: number) => Math.min(last, Math.max(0, value));
  switch (key) {
    case 'ArrowRight':
      return clamp(index + 1);
    case 'ArrowLeft':
      return clamp(index - 1);
    case 'ArrowDown':
      return index + layout.columns <= last ? index + layout.columns : index;
    case 'ArrowUp':
      return index - layout.columns >= 0 ? index - layout.columns : index;
    case 'Home':
      return ctrlKey ? 0 : rowStart;
    case 'End':
      return ctrlKey ? last : clamp(rowStart + layout.columns - 1);
    case 'PageDown':
      return clamp(index + layout.columns * PAGE_ROWS);
    case 'PageUp':
      return clamp(index - layout.columns * PAGE_ROWS);
    default:
      return undefined;
  }
}
