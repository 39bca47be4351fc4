import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectLocalFiles } from './collect-local-files';
import { UsageError } from './usage-error';

describe('collectLocalFiles', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'oss-cli-collect-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('keeps file arguments in order and walks directories depth-first in name order', async () => {
    await mkdir(join(root, 'tree', 'sub', 'deeper'), { recursive: true });
    await writeFile(join(root, 'single.txt'), 'x');
    await writeFile(join(root, 'tree', 'b.txt'), 'b');
    await writeFile(join(root, 'tree', 'a.txt'), 'a');
    await writeFile(join(root, 'tree', 'sub', 'deeper', 'c.txt'), 'c');
    const { sources, skipped } = await collectLocalFiles([join(root, 'single.txt'), join(root, 'tree')]);
    expect(sources).toEqual([
      { localPath: join(root, 'single.txt'), relativeKey: 'single.txt', fromDirectory: false },
      { localPath: join(root, 'tree', 'a.txt'), relativeKey: 'tree/a.txt', fromDirectory: true },
      { localPath: join(root, 'tree', 'b.txt'), relativeKey: 'tree/b.txt', fromDirectory: true },
      { localPath: join(root, 'tree', 'sub', 'deeper', 'c.txt'), relativeKey: 'tree/sub/deeper/c.txt', fromDirectory: true },
    ]);
    expect(skipped).toEqual([]);
  });

  it('follows links to files, skips links to directories and broken links, and says so', async () => {
    await mkdir(join(root, 'tree'));
    await writeFile(join(root, 'target.txt'), 't');
    await symlink(join(root, 'target.txt'), join(root, 'tree', 'file-link'));
    await symlink(root, join(root, 'tree', 'loop'));
    await symlink(join(root, 'missing'), join(root, 'tree', 'broken'));
    const { sources, skipped } = await collectLocalFiles([join(root, 'tree')]);
    expect(sources.map((s) => s.relativeKey)).toEqual(['tree/file-link']);
    expect(skipped).toEqual([
      `${join(root, 'tree', 'broken')}: The link points to nothing.`,
      `${join(root, 'tree', 'loop')}: The link points to a folder; it was not followed.`,
    ]);
  });

  // root reads every folder whatever its mode, so this runs as an ordinary user only.
  it.skipIf(process.getuid?.() === 0)('reports an unreadable subfolder and goes on with the rest', async () => {
    await mkdir(join(root, 'tree', 'locked'), { recursive: true });
    await writeFile(join(root, 'tree', 'ok.txt'), 'ok');
    await chmod(join(root, 'tree', 'locked'), 0o000);
    try {
      const { sources, skipped } = await collectLocalFiles([join(root, 'tree')]);
      expect(sources.map((s) => s.relativeKey)).toEqual(['tree/ok.txt']);
      expect(skipped).toEqual([`${join(root, 'tree', 'locked')}: The folder could not be read.`]);
    } finally {
      await chmod(join(root, 'tree', 'locked'), 0o755);
    }
  });

  it('reports a missing argument as a usage error', async () => {
    await expect(collectLocalFiles([join(root, 'nope')])).rejects.toThrow(UsageError);
  });
});
