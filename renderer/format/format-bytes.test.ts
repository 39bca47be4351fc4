import { describe, expect, it } from 'vitest';
import { formatBytes, formatRate } from './format-bytes';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1, '1 B'],
    [1023, '1023 B'],
    [1024, '1.00 KiB'],
    [1536, '1.50 KiB'],
    [100 * 1024, '100 KiB'],
    [8 * 1024 * 1024, '8.00 MiB'],
    [5 * 1024 ** 3, '5.00 GiB'],
    [48.8 * 1024 ** 4, '48.8 TiB'],
  ])('%d → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('shows a dash for values that are not sizes', () => {
    expect(formatBytes(-1)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
    expect(formatBytes(Number.POSITIVE_INFINITY)).toBe('—');
  });
});

describe('formatRate', () => {
  it('appends /s', () => {
    expect(formatRate(10 * 1024 * 1024)).toBe('10.0 MiB/s');
    expect(formatRate(Number.NaN)).toBe('—');
  });
});
