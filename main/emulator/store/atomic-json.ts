// Metadata files are replaced atomically (temp file, fsync unless the emulator runs with --no-fsync, rename; by
// write-file-atomic) so a crash or kill never leaves half a record: after a restart every record on disk is either the
// old or the new version.
import { readFile } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';

/**
 * Writes `value` as JSON to `path`, atomically and (with `sync`) durably. Concurrent writes to one path apply in call
 * order. Without `sync` the record is still never half-written for a killed process (the rename is atomic), but a
 * power cut may lose it.
 */
export async function writeJsonAtomic(path: string, value: unknown, sync = true): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(value), { fsync: sync });
}

/** Parsed JSON of `path`, or undefined when the file does not exist or does not parse (a stray temp file, say). */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isMissingFileError(error)) return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** True for ENOENT-style errors. */
export function isMissingFileError(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');
}
