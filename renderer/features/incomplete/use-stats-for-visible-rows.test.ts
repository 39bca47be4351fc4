import { describe, expect, it } from 'vitest';
import { uploadsInRange } from './use-stats-for-visible-rows';

describe('uploadsInRange', () => {
  const uploads = ['u0', 'u1', 'u2', 'u3', 'u4'];

  it('maps list indexes to uploads past the folder rows, inclusive of the last index', () => {
    // Two folders: list indexes 2..4 are uploads 0..2.
    expect(uploadsInRange(uploads, 2, 0, 4)).toEqual(['u0', 'u1', 'u2']);
    expect(uploadsInRange(uploads, 0, 1, 3)).toEqual(['u1', 'u2', 'u3']);
  });

  it('is empty when only folders are in view, and stops at the status row after the last upload', () => {
    expect(uploadsInRange(uploads, 3, 0, 2)).toEqual([]);
    // Index 5 (no folders) is the status row.
    expect(uploadsInRange(uploads, 0, 3, 5)).toEqual(['u3', 'u4']);
  });
});
