// Which incomplete uploads belong to local jobs. The upload engine (main/uploads/upload-engine.ts) implements this
// interface; it is declared here, not imported, so the manager does not depend on the engine (and tests can fake it).
// Issue 4 item 3: an upload owned by an active local job is canceled through the engine, not behind its back.
import type { JobId, JobStatus } from '../../shared/models/job';
import { TERMINAL_JOB_STATUSES } from '../../shared/models/job';
import type { UploadOwner } from '../../shared/models/remote-upload';

/** What the manager needs of the upload engine. */
export interface LocalUploadOwnership {
  /** The job that created or resumed this upload, if any. */
  findJobByUpload(bucket: string, key: string, uploadId: string): { readonly id: JobId; readonly status: JobStatus } | undefined;
  /** Cancels a job: stops its requests and aborts its multipart upload; resolves when that is done. */
  cancel(jobId: JobId): Promise<void>;
}

/**
 * The local job that still owns an upload: every job not in a terminal status. Paused and failed jobs count too: they
 * keep their uploadId to resume later, so aborting behind their back would leave a job that fails with NoSuchUpload.
 */
export function activeOwnerOf(
  ownership: LocalUploadOwnership | undefined,
  bucket: string,
  key: string,
  uploadId: string,
): UploadOwner | undefined {
  const job = ownership?.findJobByUpload(bucket, key, uploadId);
  if (job === undefined || TERMINAL_JOB_STATUSES.includes(job.status)) return undefined;
  return { jobId: job.id, status: job.status };
}
