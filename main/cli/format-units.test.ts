import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatPercent, formatRate } from './format-units';

describe('terminal units', () => {
  it('formats sizes in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(200 * 1024 * 1024)).toBe('200.0 MiB');
    expect(formatBytes(5 * 1024 ** 3)).toBe('5.0 GiB');
    expect(formatRate(35.2 * 1024 * 1024)).toBe('35.2 MiB/s');
  });

  it('formats durations compactly, and unknown ones as --', () => {
    expect(formatDuration(7.4)).toBe('7s');
    expect(formatDuration(65)).toBe('1m05s');
    expect(formatDuration(7380)).toBe('2h03m');
    expect(formatDuration(undefined)).toBe('--');
    expect(formatDuration(Infinity)).toBe('--');
  });

  it('floors percentages so only a finished file shows 100%', () => {
    expect(formatPercent(999, 1000)).toBe('99%');
    expect(formatPercent(1000, 1000)).toBe('100%');
    expect(formatPercent(0, 0)).toBe('100%');
  });
});
