// Upload jobs and parts as every process sees them: the engine's snapshots, the IPC payloads and the
// renderer's store all use these shapes. Pure data: no classes, no bigint (CRC-64 crosses as a decimal string).

/** Branded id of one upload job (one local file → one object). */
export type JobId = string & { readonly __brand: 'JobId' };

/** Every state a job can be in; `transitionJob` in main/uploads/job-status.ts says which moves are legal. */
export type JobStatus =
  | 'queued' // waiting for a file slot
  | 'preparing' // stat the file, plan parts, Initiate or reconcile with ListParts
  | 'uploading' // parts in flight
  | 'paused' // by the user, or at quit; finished parts are kept on the server
  | 'completing' // CompleteMultipartUpload (or the single PutObject) in flight
  | 'verifying' // comparing the object's CRC-64 with the parts' combination
  | 'completed'
  | 'failed' // out of retries or a permanent error; keeps its uploadId so Retry continues
  | 'canceling' // aborting the multipart upload on the server
  | 'canceled';

/** Statuses after which nothing more happens to a job on its own. */
export const TERMINAL_JOB_STATUSES: readonly JobStatus[] = ['completed', 'canceled'];

/** The state of one part, as a tagged union so each state carries exactly its own data. */
export type PartState =
  | { readonly kind: 'pending' }
  | { readonly kind: 'inFlight'; readonly bytesSent: number; readonly attempt: number }
  | {
      readonly kind: 'retrying';
      readonly attempt: number;
      readonly nextTryAtMs: number;
      readonly lastErrorCode: string;
      readonly lastRequestId: string | undefined;
    }
  | { readonly kind: 'done'; readonly etag: string; readonly crc64: string | undefined; readonly attempts: number }
  | { readonly kind: 'failed'; readonly attempts: number; readonly errorCode: string; readonly requestId: string | undefined };

/** One part of a job, as shown in the part map. */
export interface PartSnapshot {
  readonly partNumber: number;
  readonly offset: number;
  readonly size: number;
  readonly state: PartState;
}

/** An error as it crosses a process boundary: plain fields, plus advice for a person. */
export interface JobError {
  readonly code: string;
  readonly message: string;
  readonly retryable: boolean;
  readonly requestId?: string | undefined;
  readonly advice?: string | undefined;
}

/** Where a job's object goes. */
export interface JobDestination {
  readonly accountId: string;
  readonly bucket: string;
  readonly key: string;
}

/** Everything the UI shows in a job row, without its parts. */
export interface JobSnapshot {
  readonly id: JobId;
  readonly localPath: string;
  readonly destination: JobDestination;
  readonly status: JobStatus;
  readonly sizeBytes: number;
  readonly bytesDone: number;
  readonly partSizeBytes: number;
  readonly partCount: number;
  readonly partsDone: number;
  /** Multipart upload id once Initiate succeeded (undefined for single PutObject jobs). */
  readonly uploadId: string | undefined;
  readonly bytesPerSecond: number;
  readonly etaSeconds: number | undefined;
  readonly retries: number;
  readonly createdAtMs: number;
  readonly updatedAtMs: number;
  readonly error: JobError | undefined;
  /** Set when the server's part ETags are not MD5s (e.g. KMS encryption) and CRC-64 alone verified the data. */
  readonly verifiedBy: 'md5+crc64' | 'crc64' | undefined;
}

/** One batched change event from the engine (at most one every 200 ms). */
export interface EngineChangeBatch {
  /** Jobs whose snapshot changed, latest state only. */
  readonly jobs: readonly JobSnapshot[];
  /** Jobs removed since the last batch. */
  readonly removedJobIds: readonly JobId[];
  /** Part changes since the last batch, latest state per (job, part) only. */
  readonly parts: readonly { readonly jobId: JobId; readonly part: PartSnapshot }[];
}
