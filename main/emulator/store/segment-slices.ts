// Maps a byte range of a segmented object onto its segments: which segments it touches and which bytes of each. Pure,
// so the boundary arithmetic of ranged GETs is tested without files.

/** The bytes `start..end` (inclusive, within the segment) of one segment. */
export interface SegmentSlice<T> {
  readonly segment: T;
  readonly start: number;
  readonly end: number;
}

/**
 * The slices, in order, that make up the object bytes `start..end` (inclusive); empty segments never appear, and an
 * empty range (`end < start`) gives none.
 */
export function segmentSlices<T extends { readonly size: number }>(segments: readonly T[], start: number, end: number): Array<SegmentSlice<T>> {
  const slices: Array<SegmentSlice<T>> = [];
  if (end < start) return slices;
  let offset = 0;
  for (const segment of segments) {
    if (offset > end) break;
    const last = offset + segment.size - 1;
    if (segment.size > 0 && last >= start) {
      slices.push({ segment, start: Math.max(start, offset) - offset, end: Math.min(end, last) - offset });
    }
    offset += segment.size;
  }
  return slices;
}
