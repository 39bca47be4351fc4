import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME, lockStateDir, StateDirBusyError } from './state-dir-lock';

/** The pid of a process that has exited (pids are not reused that quickly). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('lockStateDir', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'oss-cli-lock-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('holds the directory until released', async () => {
    const release = await lockStateDir(dir);
    expect((await readFile(join(dir, LOCK_FILE_NAME), 'utf8')).trim()).toBe(String(process.pid));
    await release();
    await expect(stat(join(dir, LOCK_FILE_NAME))).rejects.toThrow();
    await (await lockStateDir(dir))();
  });

  it('refuses a directory a live process holds', async () => {
    // The parent of this test process is alive for as long as the test runs.
    await writeFile(join(dir, LOCK_FILE_NAME), `${process.ppid}\n`);
    await expect(lockStateDir(dir)).rejects.toThrow(StateDirBusyError);
    await expect(lockStateDir(dir)).rejects.toThrow(`pid ${process.ppid}`);
  });

  it('takes over the lock of a process that died (kill -9 leaves it behind)', async () => {
    await writeFile(join(dir, LOCK_FILE_NAME), `${deadPid()}\n`);
    const release = await lockStateDir(dir);
    expect((await readFile(join(dir, LOCK_FILE_NAME), 'utf8')).trim()).toBe(String(process.pid));
    await release();
  });
});
