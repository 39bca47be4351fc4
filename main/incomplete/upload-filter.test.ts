import { describe, expect, it } from 'vitest';
import { isOlderThan, matchesUploadFilter, uploadAgeMs, validateOlderThan } from './upload-filter';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 0, 31);

describe('upload filter', () => {
  it('ages are never negative, even when the server clock is ahead', () => {
    expect(uploadAgeMs(NOW - 5_000, NOW)).toBe(5_000);
    expect(uploadAgeMs(NOW + 5_000, NOW)).toBe(0);
  });

  it('older-than includes an upload exactly at the limit and excludes one a millisecond younger', () => {
    expect(isOlderThan(NOW - 7 * DAY, 7 * DAY, NOW)).toBe(true);
    expect(isOlderThan(NOW - 7 * DAY + 1, 7 * DAY, NOW)).toBe(false);
    expect(isOlderThan(NOW, undefined, NOW)).toBe(true);
  });

  it('matches by prefix and age together', () => {
    const filter = { prefix: 'logs/', olderThanMs: DAY };
    expect(matchesUploadFilter({ key: 'logs/a', initiatedMs: NOW - 2 * DAY }, filter, NOW)).toBe(true);
    expect(matchesUploadFilter({ key: 'logs/a', initiatedMs: NOW - DAY / 2 }, filter, NOW)).toBe(false);
    expect(matchesUploadFilter({ key: 'other/logs/a', initiatedMs: NOW - 2 * DAY }, filter, NOW)).toBe(false);
    expect(matchesUploadFilter({ key: 'anything', initiatedMs: NOW }, { prefix: '' }, NOW)).toBe(true);
  });

  it('refuses negative or fractional ages', () => {
    expect(() => validateOlderThan(-1)).toThrow(RangeError);
    expect(() => validateOlderThan(1.5)).toThrow(RangeError);
    expect(() => validateOlderThan(undefined)).not.toThrow();
  });
});
