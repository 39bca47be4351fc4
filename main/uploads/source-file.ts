import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { SOURCE_CHANGED, SOURCE_UNREADABLE } from '../oss/body-source';
import { OssError } from '../oss/oss-error';
import { errnoCode } from '../errno-code';

// The local file behind a job, and the cheap checks that stop a changed file from becoming a mix of old and new
// bytes on the server (issue 3 item 7): size and mtime are compared after every part is read (a change before the
// read shows then too), and when a job is prepared again after a pause, failure or restart.

/** What the upload planned on: the file's size and modification time when it was first seen. */
export interface SourceFile {
  readonly path: string;
  readonly sizeBytes: number;
  readonly mtimeMs: number;
}

/** Size and mtime as stat reports them now. */
export interface SourceStat {
  readonly sizeBytes: number;
  readonly mtimeMs: number;
}

function localError(code: string, message: string, cause?: unknown): OssError {
  // status 0: local, not an answer from OSS; not retryable: the same file gives the same answer.
  return new OssError({ code, status: 0, retryable: false, message }, cause === undefined ? undefined : { cause });
}

/** The SourceChanged error: the file no longer holds what the upload started with. */
export function sourceChangedError(path: string, detail: string): OssError {
  return localError(SOURCE_CHANGED, `file changed since the upload started: ${path} (${detail})`);
}

/** Stats the file; a missing file or one that cannot be examined becomes SourceUnreadable with its errno code. */
export async function statSource(path: string): Promise<SourceStat> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw localError(SOURCE_UNREADABLE, `${path} is not a regular file`);
    return { sizeBytes: info.size, mtimeMs: info.mtimeMs };
  } catch (error) {
    if (error instanceof OssError) throw error;
    const code = errnoCode(error) ?? 'EIO';
    const what = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code;
    throw localError(SOURCE_UNREADABLE, `cannot read ${path} (${what})`, error);
  }
}

/**
 * Opens and closes the file for reading: stat succeeds on a file without read permission, and finding that out
 * after InitiateMultipartUpload would leave an upload on the server for nothing.
 */
export async function assertReadable(path: string): Promise<void> {
  try {
    const handle = await open(path, constants.O_RDONLY);
    await handle.close();
  } catch (error) {
    const code = errnoCode(error) ?? 'EIO';
    const what = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code;
    throw localError(SOURCE_UNREADABLE, `cannot read ${path} (${what})`, error);
  }
}

/** Throws SourceChanged when the file's size or mtime differs from what the upload planned on. */
export async function assertSourceUnchanged(source: SourceFile): Promise<void> {
  let now: SourceStat;
  try {
    now = await statSource(source.path);
  } catch (error) {
    // Gone or unreadable in the middle of an upload: for the user that is a changed file.
    throw sourceChangedError(source.path, error instanceof Error ? error.message : 'cannot stat it');
  }
  if (now.sizeBytes !== source.sizeBytes) {
    throw sourceChangedError(source.path, `size ${source.sizeBytes} → ${now.sizeBytes} bytes`);
  }
  if (now.mtimeMs !== source.mtimeMs) {
    throw sourceChangedError(source.path, `modified at ${new Date(now.mtimeMs).toISOString()}`);
  }
}
