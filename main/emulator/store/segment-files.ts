// The files an object record owns under `objects/`, and their removal. A record owns each top-level entry its segment
// paths start with: a `<name>.data` file, or a whole `<name>.parts/` directory (which may still hold the completed
// upload's other files until they are tidied away).
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ObjectRecord } from './store-records';

/** Top-level entries of `objects/` the records own, each with the names it holds when it is a segment directory. */
export function ownedEntries(records: Iterable<ObjectRecord>): Map<string, Set<string>> {
  const owned = new Map<string, Set<string>>();
  for (const record of records) {
    for (const segment of record.segments) {
      const [top = '', inner] = segment.file.split('/');
      const names = owned.get(top) ?? new Set<string>();
      if (inner !== undefined) names.add(inner);
      owned.set(top, names);
    }
  }
  return owned;
}

/** Deletes every file of an object's segments. Failures are ignored: the next start sweeps what no record names. */
export async function removeObjectFiles(objectsDir: string, record: ObjectRecord): Promise<void> {
  for (const top of ownedEntries([record]).keys()) {
    await rm(join(objectsDir, top), { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
  }
}

/** Deletes every entry of `dir` not named in `keep`. */
export async function removeStrays(dir: string, keep: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(dir)) {
    if (!keep.has(name)) await rm(join(dir, name), { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
  }
}
