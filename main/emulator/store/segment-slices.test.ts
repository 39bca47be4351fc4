import { describe, expect, it } from 'vitest';
import { segmentSlices } from './segment-slices';

// Four segments, one empty: object bytes 0..8 are a0 a1 a2 | (none) | c0 c1 c2 c3 | d0 d1.
const segments = [
  { name: 'a', size: 3 },
  { name: 'b', size: 0 },
  { name: 'c', size: 4 },
  { name: 'd', size: 2 },
];

function describeSlices(start: number, end: number): string[] {
  return segmentSlices(segments, start, end).map((s) => `${s.segment.name}${s.start}-${s.end}`);
}

describe('segmentSlices', () => {
  it('maps ranges onto segments at and across every boundary', () => {
    expect(describeSlices(0, 8)).toEqual(['a0-2', 'c0-3', 'd0-1']);
    expect(describeSlices(4, 5)).toEqual(['c1-2']);
    expect(describeSlices(2, 3)).toEqual(['a2-2', 'c0-0']);
    expect(describeSlices(3, 6)).toEqual(['c0-3']);
    expect(describeSlices(0, 2)).toEqual(['a0-2']);
    expect(describeSlices(6, 7)).toEqual(['c3-3', 'd0-0']);
    expect(describeSlices(8, 8)).toEqual(['d1-1']);
    expect(describeSlices(1, 7)).toEqual(['a1-2', 'c0-3', 'd0-0']);
  });

  it('gives nothing for an empty range or an object of empty segments', () => {
    expect(describeSlices(5, 4)).toEqual([]);
    expect(segmentSlices([{ size: 0 }, { size: 0 }], 0, -1)).toEqual([]);
  });

  it('reassembles exactly the requested bytes for every range of a segmented buffer', () => {
    const sizes = [5, 1, 0, 7, 3];
    const whole = Buffer.from(Array.from({ length: 16 }, (_, i) => i + 1));
    let offset = 0;
    const parts = sizes.map((size) => {
      const part = { size, bytes: whole.subarray(offset, offset + size) };
      offset += size;
      return part;
    });
    for (let start = 0; start < whole.length; start++) {
      for (let end = start; end < whole.length; end++) {
        const got = Buffer.concat(segmentSlices(parts, start, end).map((s) => s.segment.bytes.subarray(s.start, s.end + 1)));
        expect(got.equals(whole.subarray(start, end + 1)), `${start}-${end}`).toBe(true);
      }
    }
  });
});
