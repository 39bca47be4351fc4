// uploads.addPaths, local side: each picked path becomes upload items (issue 5 item 1). A file becomes
// `prefix + name`; a folder is walked and each file in it becomes `prefix + folderName/ + relative/path`. Keys are
// checked against the OSS rules (1..1023 bytes of UTF-8, no leading `/` or `\`, oss-protocol.md §7) here, so a bad
// one is reported as skipped instead of failing the whole command.
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { SkippedPath } from '../../shared/ipc/command-payloads';
import { isOssError } from '../oss/oss-error';
import { validateObjectKey } from '../oss/oss-names';
import { fsErrorCode, walkFolder } from './walk-folder';

/** One file to upload and its key. */
export interface PlannedItem {
  readonly localPath: string;
  readonly key: string;
}

/** What planning yields: an item, or a path left out and why. */
export type PlannedEntry = { readonly kind: 'item'; readonly item: PlannedItem } | { readonly kind: 'skipped'; readonly skipped: SkippedPath };

function skipped(path: string, code: string, message: string): PlannedEntry {
  return { kind: 'skipped', skipped: { path, code, message } };
}

/** The item for `localPath` under `key`, or a skip when the key breaks the OSS rules or repeats one. */
function itemFor(localPath: string, key: string, seenKeys: Set<string>): PlannedEntry {
  try {
    validateObjectKey(key);
  } catch (error) {
    if (!isOssError(error)) throw error;
    return skipped(localPath, 'InvalidKey', error.message);
  }
  if (seenKeys.has(key)) return skipped(localPath, 'DuplicateKey', 'Another file of this upload already goes to the same object key.');
  seenKeys.add(key);
  return { kind: 'item', item: { localPath, key } };
}

/**
 * Yields the items of `paths` in order (a folder's files as walked), and what was left out. Top-level links are
 * followed (the user picked them); links inside folders are handled by walkFolder.
 */
export async function* planUploadItems(paths: readonly string[], prefix: string): AsyncGenerator<PlannedEntry> {
  const seenKeys = new Set<string>();
  for (const given of paths) {
    const path = resolve(given);
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (error) {
      yield skipped(path, fsErrorCode(error), 'The file or folder could not be read.');
      continue;
    }
    if (info.isFile()) {
      yield itemFor(path, `${prefix}${basename(path)}`, seenKeys);
    } else if (info.isDirectory()) {
      // The folder keeps its own name under the prefix; a file-system root has none.
      const folderName = basename(path);
      const base = folderName === '' ? prefix : `${prefix}${folderName}/`;
      for await (const entry of walkFolder(path)) {
        yield entry.kind === 'file' ? itemFor(entry.file.localPath, `${base}${entry.file.relativePath}`, seenKeys) : entry;
      }
    } else {
      yield skipped(path, 'NotAFile', 'Not a regular file or folder.');
    }
  }
}
