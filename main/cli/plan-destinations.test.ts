import { describe, expect, it } from 'vitest';
import { isPrefixKey, planDestinations, type LocalSource } from './plan-destinations';
import { UsageError } from './usage-error';

const file = (localPath: string, relativeKey: string, fromDirectory = false): LocalSource => ({ localPath, relativeKey, fromDirectory });

describe('planDestinations', () => {
  it('puts one file at a key that does not end in "/"', () => {
    expect(planDestinations([file('/tmp/a.bin', 'a.bin')], { bucket: 'b', key: 'backups/latest.bin' })).toEqual([
      { localPath: '/tmp/a.bin', bucket: 'b', key: 'backups/latest.bin' },
    ]);
  });

  it('keeps each base name and relative path under a prefix, and under the bucket root', () => {
    const sources = [file('/x/a.bin', 'a.bin'), file('/y/photos/2024/p 1.jpg', 'photos/2024/p 1.jpg', true)];
    expect(planDestinations(sources, { bucket: 'b', key: 'in/' }).map((u) => u.key)).toEqual(['in/a.bin', 'in/photos/2024/p 1.jpg']);
    expect(planDestinations(sources, { bucket: 'b', key: '' }).map((u) => u.key)).toEqual(['a.bin', 'photos/2024/p 1.jpg']);
  });

  it('refuses several files or a directory for a single object key', () => {
    expect(() => planDestinations([file('/a', 'a'), file('/b', 'b')], { bucket: 'b', key: 'k' })).toThrow(/Several files.*end the destination with "\/"/);
    expect(() => planDestinations([file('/d/a', 'd/a', true)], { bucket: 'b', key: 'k' })).toThrow(/A directory/);
  });

  it('refuses two files that would land on the same key', () => {
    const attempt = (): unknown => planDestinations([file('/x/a.bin', 'a.bin'), file('/y/a.bin', 'a.bin')], { bucket: 'b', key: 'p/' });
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow('/x/a.bin and /y/a.bin would both be uploaded to oss://b/p/a.bin');
  });

  it('refuses an empty list and keys OSS would reject', () => {
    expect(() => planDestinations([], { bucket: 'b', key: 'p/' })).toThrow(/No files/);
    expect(() => planDestinations([file('/a', 'a')], { bucket: 'b', key: `${'x'.repeat(1030)}/` })).toThrow(/at most 1023/);
  });
});

describe('isPrefixKey', () => {
  it('is true for the bucket root and keys ending in "/"', () => {
    expect(isPrefixKey('')).toBe(true);
    expect(isPrefixKey('a/b/')).toBe(true);
    expect(isPrefixKey('a/b')).toBe(false);
  });
});
