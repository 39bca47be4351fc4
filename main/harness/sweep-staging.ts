// Staged copies outlive the page that sent them (a restored job still needs its file), so nothing deletes them as
// uploads finish. At each start, before anything new is staged, a batch folder no unfinished job reads from is
// removed: its uploads completed or were canceled, or its files were staged and never added. A batch that one
// unfinished job still reads is kept whole (its other files are small next to the risk of a wrong guess).
import type { Dirent } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { errnoCode } from '../errno-code';

/** What a sweep did. */
export interface StagingSweep {
  readonly removedBatches: number;
  readonly keptBatches: number;
  /** Batches that could not be read or removed, with the error code. */
  readonly failures: readonly string[];
}

function errorCode(error: unknown): string {
  return errnoCode(error) ?? String(error);
}

async function holdsFileInUse(dir: string, inUse: ReadonlySet<string>): Promise<boolean> {
  const entries: Dirent[] = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const entryPath = path.join(dir, entry.name);
    if (entry.isDirectory() ? await holdsFileInUse(entryPath, inUse) : inUse.has(entryPath)) return true;
  }
  return false;
}

/** Removes every batch folder under `stagingDir` that holds none of `inUse` (absolute paths); a missing folder is fine. */
export async function sweepStaging(stagingDir: string, inUse: ReadonlySet<string>): Promise<StagingSweep> {
  let batches: Dirent[];
  try {
    batches = await readdir(stagingDir, { withFileTypes: true });
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { removedBatches: 0, keptBatches: 0, failures: [] };
    return { removedBatches: 0, keptBatches: 0, failures: [`${stagingDir}: ${errorCode(error)}`] };
  }
  let removedBatches = 0;
  let keptBatches = 0;
  const failures: string[] = [];
  for (const batch of batches) {
    const batchDir = path.join(stagingDir, batch.name);
    try {
      if (batch.isDirectory() && (await holdsFileInUse(batchDir, inUse))) {
        keptBatches += 1;
        continue;
      }
      await rm(batchDir, { recursive: true, force: true });
      removedBatches += 1;
    } catch (error) {
      failures.push(`${batchDir}: ${errorCode(error)}`);
    }
  }
  return { removedBatches, keptBatches, failures };
}
