import { describe, expect, it } from 'vitest';
import { parseDuration } from './parse-duration';

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['12h', 43_200_000],
    ['7d', 604_800_000],
    ['2w', 1_209_600_000],
    ['1d12h', 129_600_000],
    ['0s', 0],
    [' 7D ', 604_800_000],
  ])('%s = %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '7', 'd', '7x', '-1d', '1.5h', '7 d', 'h12', `${'9'.repeat(20)}d`])('refuses %j', (text) => {
    expect(() => parseDuration(text)).toThrow(RangeError);
  });
});
