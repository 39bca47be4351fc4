// Gives back an upload whose Complete was cut short by a crash. Complete renames the upload's directory into
// `objects/` and only then writes the object record; a directory there that no record names but that still holds
// the upload record is such an upload, and is renamed back, so the client can retry the Complete as if it had never
// arrived (its parts are intact: they were moved, not changed).
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { isUploadIdShape } from '../emulator-ids';
import { readJsonFile } from './atomic-json';
import { uploadRecordSchema } from './store-records';
import { UPLOAD_RECORD_FILE, type StorePaths } from './store-paths';

/**
 * Renames `segmentDir` back to its upload's directory when it holds a valid upload record. True when it did (or
 * could not, leaving the directory for the next start); false when it is no upload, to be deleted.
 */
export async function restoreInterruptedComplete(paths: StorePaths, bucket: string, segmentDir: string): Promise<boolean> {
  const parsed = uploadRecordSchema.safeParse(await readJsonFile(join(segmentDir, UPLOAD_RECORD_FILE)));
  if (!parsed.success || !isUploadIdShape(parsed.data.uploadId)) return false;
  await mkdir(paths.uploadsDir(bucket), { recursive: true });
  // Fails when the upload directory exists again (it cannot, short of hand edits): keep both rather than guess.
  await rename(segmentDir, paths.uploadDir(bucket, parsed.data.uploadId)).catch(() => undefined);
  return true;
}
