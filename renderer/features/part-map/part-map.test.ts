// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { partListFrom } from '../../state/apply-change-batch';
import { makePart } from '../../state/test-jobs';
import { PartMap } from './part-map';

afterEach(cleanup);

function parts() {
  return partListFrom([
    makePart(1, { kind: 'done', etag: '"E1"', crc64: '11', attempts: 1 }),
    makePart(2, { kind: 'inFlight', bytesSent: 2 * 1024 * 1024, attempt: 1 }),
    makePart(3, { kind: 'retrying', attempt: 2, nextTryAtMs: 0, lastErrorCode: 'RequestTimeout', lastRequestId: 'R3' }),
    ...Array.from({ length: 97 }, (_, index) => makePart(index + 4)),
  ]);
}

describe('PartMap', () => {
  it('is a named grid whose arrow keys move the focused cell, described to assistive technology and in the inspector', () => {
    const view = render(createElement(PartMap, { parts: parts(), initialWidthPx: 10 * 22 - 2 }));
    const grid = view.getByRole('grid', { name: 'Part map' });
    const cell = () => view.getByRole('gridcell');
    expect(cell().textContent).toBe('Part 1: Done');
    expect(grid.getAttribute('aria-activedescendant')).toBe(cell().id);
    expect(view.getByRole('heading').textContent).toBe('Part 1');

    fireEvent.keyDown(grid, { key: 'ArrowRight' });
    expect(cell().textContent).toBe('Part 2: Sending, 25 % (attempt 1)');
    fireEvent.keyDown(grid, { key: 'ArrowRight' });
    expect(cell().textContent).toBe('Part 3: Retrying, attempt 2');
    expect(view.getByText('RequestTimeout')).toBeTruthy();

    // 100 parts of 20 px in 218 px: 10 columns, so ArrowDown moves ten parts on.
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(cell().textContent).toBe('Part 13: Pending');
    expect(cell().getAttribute('aria-colindex')).toBe('3');
    fireEvent.keyDown(grid, { key: 'End', ctrlKey: true });
    expect(cell().textContent).toBe('Part 100: Pending');
  });
});
