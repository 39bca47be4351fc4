// Startup clean-up of a bucket's `objects/` directory after the records are loaded: what a crash left between the
// steps of a write (segments moved in, record not yet written; an old version's files not yet removed; a completed
// upload's leftovers not yet tidied) is removed, or, for an interrupted Complete, given back to the upload.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { restoreInterruptedComplete } from './restore-interrupted-complete';
import { ownedEntries, removeStrays } from './segment-files';
import type { ObjectRecord } from './store-records';
import { DATA_FILE_SUFFIX, SEGMENT_DIR_SUFFIX, type StorePaths } from './store-paths';

/** Deletes segment files and directories no record in `records` names, and stray files inside owned directories. */
export async function sweepObjectFiles(paths: StorePaths, bucket: string, records: Iterable<ObjectRecord>): Promise<void> {
  const dir = paths.objectsDir(bucket);
  const owned = ownedEntries(records);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const kept = owned.get(entry.name);
    if (entry.isDirectory() && entry.name.endsWith(SEGMENT_DIR_SUFFIX)) {
      if (kept !== undefined) await removeStrays(path, kept);
      else if (!(await restoreInterruptedComplete(paths, bucket, path))) await rm(path, { recursive: true, force: true, maxRetries: 3 });
    } else if (entry.isFile() && entry.name.endsWith(DATA_FILE_SUFFIX) && kept === undefined) {
      await rm(path, { force: true });
    }
  }
}
