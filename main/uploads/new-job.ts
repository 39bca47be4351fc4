import { resolve } from 'node:path';
import type { JobDestination, JobId } from '../../shared/models/job';
import { MAX_OBJECT_KEY_BYTES } from '../../shared/limits';
import { EngineError } from './engine-error';
import type { JournalRecord } from './journal-record';
import { PartPlanError, planParts } from './part-plan';

// The first journal record of a job (issue 3 item 7). It is built without touching the disk, so adding files is
// synchronous: the size and mtime are filled in by the job's first stat a moment later (upload-job.ts
// `initialize`), and until a byte of the file is on the server that baseline may still be replaced (a file
// that could not be examined yet, or changed while queued, cannot mix versions: nothing was sent).

/** One file to upload. */
export interface AddFileItem {
  /** Resolved against the working directory when relative. */
  readonly localPath: string;
  readonly destination: JobDestination;
  /** Part size of this job (100 KB … 5 GB); default: the engine's setting. */
  readonly partSizeBytes?: number;
}

function invalid(message: string): EngineError {
  return new EngineError('InvalidArgument', message);
}

/** Checks an item; throws EngineError InvalidArgument. */
export function validateAddFileItem(item: AddFileItem, defaultPartSizeBytes: number): void {
  if (typeof item.localPath !== 'string' || item.localPath === '') throw invalid('localPath must be a non-empty path');
  const { accountId, bucket, key } = item.destination;
  if (typeof accountId !== 'string') throw invalid('destination.accountId must be a string');
  if (typeof bucket !== 'string' || bucket === '') throw invalid('destination.bucket must not be empty');
  if (typeof key !== 'string' || key === '') throw invalid('destination.key must not be empty');
  // oss-protocol.md §7: keys are 1 … 1023 bytes of UTF-8 and must not start with "/" or "\".
  if (Buffer.byteLength(key, 'utf8') > MAX_OBJECT_KEY_BYTES) throw invalid(`destination.key is longer than ${MAX_OBJECT_KEY_BYTES} bytes`);
  if (key.startsWith('/') || key.startsWith('\\')) throw invalid('destination.key must not start with "/" or "\\"');
  try {
    planParts(0, item.partSizeBytes ?? defaultPartSizeBytes);
  } catch (error) {
    if (error instanceof PartPlanError) throw invalid(error.message);
    throw error;
  }
}

/** The queued record of a new job, before its file was examined (size 0, no baseline yet). */
export function newJobRecord(
  item: AddFileItem,
  options: { readonly jobId: JobId; readonly now: number; readonly defaultPartSizeBytes: number },
): JournalRecord {
  validateAddFileItem(item, options.defaultPartSizeBytes);
  return {
    jobId: options.jobId,
    localPath: resolve(item.localPath),
    sizeBytes: 0,
    mtimeMs: 0,
    accountId: item.destination.accountId,
    bucket: item.destination.bucket,
    key: item.destination.key,
    partSizeBytes: item.partSizeBytes ?? options.defaultPartSizeBytes,
    mode: 'single',
    uploadId: undefined,
    parts: [],
    status: 'queued',
    createdAtMs: options.now,
    updatedAtMs: options.now,
  };
}
