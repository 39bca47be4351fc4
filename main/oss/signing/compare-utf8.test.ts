import { describe, expect, it } from 'vitest';
import { compareUtf8 } from './compare-utf8';

describe('compareUtf8', () => {
  it('orders ASCII like byte order (upper case before lower case, prefix first)', () => {
    expect(['b', 'a-b', 'B', 'a', '+x', '|x'].sort(compareUtf8)).toEqual(['+x', 'B', 'a', 'a-b', 'b', '|x']);
  });

  it('orders by UTF-8 bytes where UTF-16 code units disagree', () => {
    // U+1F600 is F0 9F 98 80 in UTF-8 (after EF BF BD), but its UTF-16 surrogate D83D sorts before FFFD.
    expect('😀' < '\uFFFD').toBe(true);
    expect(compareUtf8('😀', '\uFFFD')).toBeGreaterThan(0);
    expect(compareUtf8('\uFFFD', '😀')).toBeLessThan(0);
    expect(compareUtf8('é', 'é')).toBe(0);
  });
});
