import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isOutdated, newestSourceMtimeMs } from './build-harness-assets';

describe('harness asset freshness', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  async function tree(): Promise<{ src: string; out: string }> {
    const root = await mkdtemp(path.join(tmpdir(), 'oss-harness-assets-'));
    dirs.push(root);
    const src = path.join(root, 'src');
    await mkdir(path.join(src, 'deep'), { recursive: true });
    await writeFile(path.join(src, 'a.ts'), 'a');
    await writeFile(path.join(src, 'deep', 'b.tsx'), 'b');
    await writeFile(path.join(src, 'deep', 'b.test.tsx'), 'test');
    const out = path.join(root, 'out.js');
    return { src, out };
  }

  const at = (seconds: number): Date => new Date(seconds * 1000);

  it('is outdated when the output is missing or older than any source, tests aside', async () => {
    const { src, out } = await tree();
    expect(await isOutdated(out, [src])).toBe(true);
    await writeFile(out, 'built');
    await utimes(path.join(src, 'a.ts'), at(1000), at(1000));
    await utimes(path.join(src, 'deep', 'b.tsx'), at(2000), at(2000));
    await utimes(path.join(src, 'deep', 'b.test.tsx'), at(9000), at(9000));
    await utimes(out, at(3000), at(3000));
    expect(await newestSourceMtimeMs([src])).toBe(2_000_000);
    expect(await isOutdated(out, [src])).toBe(false);
    await utimes(path.join(src, 'deep', 'b.tsx'), at(4000), at(4000));
    expect(await isOutdated(out, [src])).toBe(true);
  });

  it('accepts single files and ignores missing sources', async () => {
    const { src, out } = await tree();
    await writeFile(out, 'built');
    await utimes(out, at(5000), at(5000));
    await utimes(path.join(src, 'a.ts'), at(6000), at(6000));
    expect(await isOutdated(out, [path.join(src, 'a.ts'), path.join(src, 'missing')])).toBe(true);
    expect(await newestSourceMtimeMs([path.join(src, 'missing')])).toBe(0);
  });
});
