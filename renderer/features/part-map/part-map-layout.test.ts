import { describe, expect, it } from 'vitest';
import { cellAt, cellOrigin, cellSizeFor, computeLayout, moveFocus } from './part-map-layout';

describe('computeLayout', () => {
  it('fits as many cells per row as the width allows', () => {
    const layout = computeLayout(1000, 700);
    expect(layout.cellPx).toBe(12);
    // 14 px per cell with its gap; the last cell needs no gap: floor((700 + 2) / 14) = 50.
    expect(layout.columns).toBe(50);
    expect(layout.rows).toBe(20);
    expect(layout.heightPx).toBe(20 * 14 - 2);
  });

  it('uses bigger cells for few parts, and never fewer than one column', () => {
    expect(cellSizeFor(10)).toBe(32);
    expect(cellSizeFor(200)).toBe(20);
    expect(cellSizeFor(10_000)).toBe(12);
    expect(computeLayout(5, 0).columns).toBe(1);
    expect(computeLayout(0, 500).heightPx).toBe(0);
  });
});

describe('cellAt', () => {
  const layout = computeLayout(1000, 700);

  it('finds the cell under a point, and nothing over gaps or past the last cell', () => {
    expect(cellAt(layout, 0, 0)).toBe(0);
    expect(cellAt(layout, 14 * 3 + 5, 14 * 2 + 5)).toBe(2 * 50 + 3);
    expect(cellAt(layout, 13, 5)).toBeUndefined();
    expect(cellAt(layout, -1, 5)).toBeUndefined();
    expect(cellAt(layout, 5, 14 * 20 + 5)).toBeUndefined();
  });

  it('is the inverse of cellOrigin', () => {
    for (const index of [0, 49, 50, 999]) {
      const { x, y } = cellOrigin(layout, index);
      expect(cellAt(layout, x + 1, y + 1)).toBe(index);
    }
  });
});

describe('moveFocus', () => {
  // 95 cells get 20 px cells (22 px pitch): 15 columns, and a last row of 5.
  const layout = computeLayout(95, 15 * 22 - 2);
  const columns = 15;

  it('has the expected geometry', () => {
    expect(layout.columns).toBe(columns);
    expect(layout.rows).toBe(7);
  });

  it('moves by cell, row and page, clamped to the cells', () => {
    expect(moveFocus(layout, 0, 'ArrowRight', false)).toBe(1);
    expect(moveFocus(layout, 0, 'ArrowLeft', false)).toBe(0);
    expect(moveFocus(layout, 0, 'ArrowDown', false)).toBe(columns);
    expect(moveFocus(layout, 3, 'ArrowUp', false)).toBe(3);
    expect(moveFocus(layout, 94, 'ArrowRight', false)).toBe(94);
    expect(moveFocus(layout, columns + 2, 'Home', false)).toBe(columns);
    expect(moveFocus(layout, columns + 2, 'End', false)).toBe(2 * columns - 1);
    expect(moveFocus(layout, 5, 'End', true)).toBe(94);
    expect(moveFocus(layout, 50, 'Home', true)).toBe(0);
    expect(moveFocus(layout, 0, 'PageDown', false)).toBe(Math.min(94, 10 * columns));
    expect(moveFocus(layout, 0, 'x', false)).toBeUndefined();
  });

  it('stays put on ArrowDown from the last, partial row', () => {
    expect(moveFocus(layout, 94, 'ArrowDown', false)).toBe(94);
    const lastRowStart = Math.floor(94 / columns) * columns;
    expect(moveFocus(layout, lastRowStart, 'ArrowDown', false)).toBe(lastRowStart);
  });
});
