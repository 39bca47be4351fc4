import { describe, expect, it } from 'vitest';
import { formatAge, formatDuration, formatEta } from './format-duration';
import { percentOf } from './format-percent';

describe('formatDuration', () => {
  it.each([
    [0, '0 s', '0 秒'],
    [45.4, '45 s', '45 秒'],
    [200, '3 min 20 s', '3 分钟 20 秒'],
    [180, '3 min', '3 分钟'],
    [1500, '25 min', '25 分钟'],
    [3725, '1 h 2 min', '1 小时 2 分钟'],
    [7200, '2 h', '2 小时'],
    [90_000, '1 d 1 h', '1 天 1 小时'],
    [20 * 86_400 + 3600, '20 d', '20 天'],
  ])('%d s → %s / %s', (seconds, en, zh) => {
    expect(formatDuration(seconds, 'en')).toBe(en);
    expect(formatDuration(seconds, 'zh-CN')).toBe(zh);
  });

  it('shows a dash for values that are not durations', () => {
    expect(formatDuration(-1, 'en')).toBe('—');
    expect(formatDuration(Number.NaN, 'zh-CN')).toBe('—');
    expect(formatDuration(Number.POSITIVE_INFINITY, 'en')).toBe('—');
  });
});

describe('formatEta and formatAge', () => {
  it('shows a dash while the ETA is unknown', () => {
    expect(formatEta(undefined, 'en')).toBe('—');
    expect(formatEta(61, 'en')).toBe('1 min 1 s');
  });

  it('formats ages given in milliseconds', () => {
    expect(formatAge(3 * 86_400_000, 'en')).toBe('3 d');
    expect(formatAge(3 * 86_400_000, 'zh-CN')).toBe('3 天');
  });
});

describe('percentOf', () => {
  it('floors so an unfinished job never reads 100', () => {
    expect(percentOf(996, 1000)).toBe(99);
    expect(percentOf(1000, 1000)).toBe(100);
    expect(percentOf(5, 0)).toBe(0);
    expect(percentOf(2000, 1000)).toBe(100);
  });
});
