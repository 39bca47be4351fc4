import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PathGrants } from './path-grants';

describe('PathGrants (POSIX)', () => {
  const grants = (): PathGrants => new PathGrants({ pathApi: path.posix });

  it('covers a granted path and everything under it, nothing else', () => {
    const g = grants();
    expect(g.grant(['/home/u/Photos', '/home/u/a.txt', 'relative', '', '/bad\u0000path'])).toEqual(['/home/u/Photos', '/home/u/a.txt']);
    expect(g.size).toBe(2);
    for (const p of ['/home/u/Photos', '/home/u/Photos/', '/home/u/Photos/2024/x.jpg', '/home/u/a.txt', '/home/u/./Photos/y']) {
      expect(g.isGranted(p), p).toBe(true);
    }
    for (const p of ['/home/u', '/home/u/Photos2', '/home/u/a.txt2', '/home/u/Photos/../b.txt', '/etc/passwd', 'Photos/x', '', '/home/u/photos/x']) {
      expect(g.isGranted(p), p).toBe(false);
    }
    expect(g.ungranted(['/home/u/a.txt', '/etc/passwd', '/home/u/Photos/z'])).toEqual(['/etc/passwd']);
  });

  it('forgets everything on clear, and the oldest grants beyond its capacity', () => {
    const g = new PathGrants({ pathApi: path.posix, maxEntries: 2 });
    g.grant(['/a', '/b']);
    g.grant(['/a']); // refreshed: /b is now the oldest
    g.grant(['/c']);
    expect([g.isGranted('/a'), g.isGranted('/b'), g.isGranted('/c')]).toEqual([true, false, true]);
    g.clear();
    expect(g.isGranted('/a')).toBe(false);
  });
});

describe('PathGrants (Windows)', () => {
  it('compares case-insensitively and normalises separators', () => {
    const g = new PathGrants({ pathApi: path.win32 });
    g.grant(['C:\\Users\\U\\Pictures']);
    expect(g.isGranted('c:\\users\\u\\pictures\\a.png')).toBe(true);
    expect(g.isGranted('C:/Users/U/Pictures/sub/b.png')).toBe(true);
    expect(g.isGranted('C:\\Users\\U\\Pictures\\..\\Desktop\\c.png')).toBe(false);
    expect(g.isGranted('D:\\Users\\U\\Pictures\\a.png')).toBe(false);
    expect(g.isGranted('Users\\U\\Pictures\\a.png')).toBe(false);
  });
});
