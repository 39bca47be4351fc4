import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sweepStaging } from './sweep-staging';

describe('sweepStaging', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'oss-staging-sweep-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function put(...segments: string[]): Promise<string> {
    const file = path.join(dir, ...segments);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, 'x');
    return file;
  }

  it('removes batches no unfinished job reads and keeps, whole, those one does', async () => {
    const used = await put('batch-used', 'photos', 'deep', 'a.jpg');
    await put('batch-used', 'photos', 'b.jpg');
    await put('batch-done', 'report.pdf');
    await put('batch-never-added', 'folder', 'c.txt');
    await put('stray.tmp');
    const sweep = await sweepStaging(dir, new Set([used, path.join(tmpdir(), 'elsewhere.bin')]));
    expect(sweep).toEqual({ removedBatches: 3, keptBatches: 1, failures: [] });
    expect(await readdir(dir)).toEqual(['batch-used']);
    expect((await readdir(path.join(dir, 'batch-used', 'photos'))).sort()).toEqual(['b.jpg', 'deep']);
  });

  it('is a no-op without a staging folder', async () => {
    expect(await sweepStaging(path.join(dir, 'missing'), new Set())).toEqual({ removedBatches: 0, keptBatches: 0, failures: [] });
  });
});
