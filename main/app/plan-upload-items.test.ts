import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planUploadItems, type PlannedEntry } from './plan-upload-items';
import { removeDir } from './test-support/core-fixture';

let root: string;

async function plan(paths: string[], prefix: string): Promise<PlannedEntry[]> {
  const out: PlannedEntry[] = [];
  for await (const entry of planUploadItems(paths, prefix)) out.push(entry);
  return out;
}

const keys = (entries: PlannedEntry[]): string[] => entries.flatMap((e) => (e.kind === 'item' ? [e.item.key] : []));
const skips = (entries: PlannedEntry[]): string[] => entries.flatMap((e) => (e.kind === 'skipped' ? [e.skipped.code] : []));

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'app-plan-items-'));
  await mkdir(join(root, 'photos', '2024', 'june'), { recursive: true });
  await writeFile(join(root, 'photos', 'b.jpg'), 'b');
  await writeFile(join(root, 'photos', 'a.jpg'), 'a');
  await writeFile(join(root, 'photos', '2024', 'june', 'c.jpg'), 'c');
  await writeFile(join(root, 'outside.txt'), 'outside');
  await symlink(join(root, 'outside.txt'), join(root, 'photos', 'link-out'));
  await symlink(join(root, 'photos', 'a.jpg'), join(root, 'photos', 'link-in'));
  await symlink(join(root, 'photos', '2024'), join(root, 'photos', 'link-dir'));
  await symlink(join(root, 'nowhere'), join(root, 'photos', 'link-broken'));
});

afterAll(() => removeDir(root));

describe('planUploadItems', () => {
  it('keys a file by its name and a folder by its name and relative paths, with / separators', async () => {
    const entries = await plan([join(root, 'outside.txt'), join(root, 'photos')], 'up/');
    expect(keys(entries)).toEqual(['up/outside.txt', 'up/photos/a.jpg', 'up/photos/b.jpg', 'up/photos/link-in', 'up/photos/2024/june/c.jpg']);
  });

  it('follows links only to files inside the folder, and says why it skipped the others', async () => {
    const entries = await plan([join(root, 'photos')], '');
    expect(skips(entries).sort()).toEqual(['BrokenLink', 'LinkOutsideFolder', 'LinkToFolder']);
    expect(keys(entries)).not.toContain('photos/link-out');
  });

  it('skips missing paths, keys OSS refuses and repeated keys', async () => {
    const longPrefix = `${'k'.repeat(1020)}/`;
    const entries = await plan([join(root, 'missing'), join(root, 'outside.txt'), join(root, 'outside.txt')], '');
    expect(skips(entries)).toEqual(['ENOENT', 'DuplicateKey']);
    expect(skips(await plan([join(root, 'outside.txt')], longPrefix))).toEqual(['InvalidKey']);
  });

  it('walks a large folder asynchronously, in name order', async () => {
    const big = join(root, 'big');
    await mkdir(big);
    await Promise.all(Array.from({ length: 2000 }, (_, i) => writeFile(join(big, `f${String(i).padStart(5, '0')}`), '')));
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 0);
    const entries = await plan([big], '');
    clearInterval(timer);
    expect(keys(entries)).toHaveLength(2000);
    expect(keys(entries)[0]).toBe('big/f00000');
    expect(ticks).toBeGreaterThan(0);
  });
});
