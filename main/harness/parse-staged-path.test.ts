import { describe, expect, it } from 'vitest';
import { parseStagedPath } from './parse-staged-path';

const posix = { single: false, windows: false } as const;

describe('parseStagedPath', () => {
  it('splits a relative path into its segments', () => {
    expect(parseStagedPath('trip/day 2/photo.jpg', posix)).toEqual({ ok: true, segments: ['trip', 'day 2', 'photo.jpg'] });
    expect(parseStagedPath('名前.txt', { single: true, windows: false })).toEqual({ ok: true, segments: ['名前.txt'] });
    expect(parseStagedPath('10:30 notes.txt', { single: true, windows: false }).ok).toBe(true);
  });

  it.each([
    ['', 'is empty'],
    ['../escape', 'must be relative'],
    ['a/../../b', 'must be relative'],
    ['/etc/passwd', 'must be relative'],
    ['a//b', 'must be relative'],
    ['a/./b', 'must be relative'],
    ['folder/', 'must be relative'],
    ['..\\escape', 'control character or "\\"'],
    ['a\u0000b', 'control character'],
    ['a\nb', 'control character'],
    [`${'x'.repeat(256)}`, 'longer than 255 bytes'],
    [`${'é'.repeat(128)}`, 'longer than 255 bytes'],
    [Array.from({ length: 129 }, () => 'a').join('/'), 'deeper than 128'],
    ['x'.repeat(5000), 'longer than 4096 characters'],
  ])('refuses %j', (text, reason) => {
    const parsed = parseStagedPath(text, posix);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });

  it('takes only a file name when single is set, and refuses ":" on Windows', () => {
    expect(parseStagedPath('a/b.txt', { single: true, windows: false })).toEqual({ ok: false, reason: 'must be a file name without "/"' });
    expect(parseStagedPath('C:evil.txt', { single: true, windows: true })).toEqual({ ok: false, reason: 'contains ":"' });
  });
});
