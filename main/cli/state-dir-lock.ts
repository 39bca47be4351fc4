// One `oss-upload` process per state directory: two processes restoring the same journal would upload the same
// parts twice and overwrite each other's records. The lock is a file created exclusively, holding the owner's pid.
// A lock left by a process that no longer exists (kill -9, power loss) is taken over, so a crash never blocks the
// re-run that is supposed to resume after it.
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { errnoCode } from '../errno-code';

/** Lock file name inside the state directory (a dotted stem, like the accounts file, so the journal ignores it). */
export const LOCK_FILE_NAME = 'oss-upload.lock';

/** Thrown when a live process holds the lock. */
export class StateDirBusyError extends Error {
  constructor(
    readonly stateDir: string,
    readonly pid: number,
  ) {
    super(`Another oss-upload (pid ${pid}) is using the state directory ${stateDir}; wait for it or stop it first`);
    this.name = 'StateDirBusyError';
  }
}

/** Whether a process with this pid exists (EPERM: it exists but belongs to someone else). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === 'EPERM';
  }
}

async function ownerOf(path: string): Promise<number | undefined> {
  const text = await readFile(path, 'utf8').catch(() => '');
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}

/** Takes the lock of `stateDir` (which must exist); resolves with a release function. Throws StateDirBusyError. */
export async function lockStateDir(stateDir: string, pid: number = process.pid): Promise<() => Promise<void>> {
  const path = join(stateDir, LOCK_FILE_NAME);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${pid}\n`);
      await handle.close();
      return async () => {
        if ((await ownerOf(path)) === pid) await rm(path, { force: true });
      };
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST') throw error;
    }
    const owner = await ownerOf(path);
    if (owner !== undefined && owner !== pid && isAlive(owner)) throw new StateDirBusyError(stateDir, owner);
    // Stale (its process is gone) or unreadable half-written lock: remove it and try again.
    await rm(path, { force: true });
  }
  throw new Error(`Could not lock the state directory ${stateDir}`);
}
