import type { JobError } from '../../shared/models/job';

// Errors of engine commands (pause, remove, …) as opposed to a job's own failure (JobError in its snapshot). The
// IPC layer turns them into its `{ ok: false, error: { code, message, retryable } }` envelope by these fields.

/** Why an engine command was refused or did not succeed. */
export type EngineErrorCode =
  /** No job with that id. */
  | 'JobNotFound'
  /** Removing a paused or failed job that has an upload on the server needs `{ server: 'keep' | 'abort' }`. */
  | 'ServerChoiceRequired'
  /** The job is busy (queued or running): pause or cancel it first. */
  | 'JobBusy'
  /** A bad argument (empty key, relative path, …). */
  | 'InvalidArgument'
  /** The engine was shut down, or restore() was called twice or after jobs were added. */
  | 'EngineClosed'
  | 'RestoreNotAllowed'
  /** The command ran but the job failed doing it (e.g. the server refused to abort); `jobError` says why. */
  | 'JobFailed';

/** An engine command error with a machine-readable code. */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  /** For JobFailed: the job's error, with advice. */
  readonly jobError: JobError | undefined;

  constructor(code: EngineErrorCode, message: string, jobError?: JobError) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    this.jobError = jobError;
  }
}
