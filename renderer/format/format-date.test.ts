import { describe, expect, it } from 'vitest';
import { formatDate, formatRelativeTime } from './format-date';

const NOW = Date.UTC(2025, 2, 10, 12, 0, 0);

describe('formatDate', () => {
  it('formats in both languages, in the given time zone', () => {
    const when = Date.UTC(2025, 2, 4, 5, 6);
    // Intl puts a narrow no-break space before AM/PM in recent ICU versions; compare with plain spaces.
    expect(formatDate(when, 'en', { timeZone: 'UTC' }).replace(/\s/g, ' ')).toBe('Mar 4, 2025, 5:06 AM');
    expect(formatDate(when, 'zh-CN', { timeZone: 'UTC' })).toBe('2025年3月4日 05:06');
    expect(formatDate(when, 'zh-CN', { timeZone: 'Asia/Shanghai' })).toBe('2025年3月4日 13:06');
  });

  it('shows a dash for an invalid time', () => {
    expect(formatDate(Number.NaN, 'en')).toBe('—');
  });
});

describe('formatRelativeTime', () => {
  it('picks the largest whole unit, with the injected now', () => {
    expect(formatRelativeTime(NOW - 3 * 86_400_000, NOW, 'en')).toBe('3 days ago');
    expect(formatRelativeTime(NOW - 3 * 86_400_000, NOW, 'zh-CN')).toBe('3天前');
    expect(formatRelativeTime(NOW + 2 * 3_600_000, NOW, 'en')).toBe('in 2 hours');
    expect(formatRelativeTime(NOW - 90_000, NOW, 'en')).toBe('1 minute ago');
    expect(formatRelativeTime(NOW - 400 * 86_400_000, NOW, 'en')).toBe('last year');
  });

  it('says now for less than a second', () => {
    expect(formatRelativeTime(NOW - 300, NOW, 'en')).toBe('now');
    expect(formatRelativeTime(NOW, NOW, 'zh-CN')).toBe('现在');
  });
});
