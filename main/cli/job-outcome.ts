// What a finished (or stopped) job means to the person at the terminal: one line saying what happened, and for a
// failure the error code, request id and what to do (issue 3 item 5: "a message that says what to fix"). Pure.
import type { JobSnapshot } from '../../shared/models/job';
import { SOURCE_CHANGED } from '../oss/body-source';
import { describeOssError } from '../oss/responses/describe-oss-error';
import { formatBytes, formatDuration, formatRate } from './format-units';

// Where the engine's advice speaks of the app ("remove this job and add the file again"), the CLI's way of doing
// that is one flag (start-put-jobs.ts).
const CLI_ADVICE: Readonly<Record<string, string>> = {
  [SOURCE_CHANGED]:
    'The file changed after its upload started; continuing would mix two versions. Run the same command with --restart to upload it again from the beginning.',
  NoSuchUpload:
    'The multipart upload was aborted (or completed) elsewhere, so its parts are gone. Run the same command with --restart to start a new upload.',
};

/** Where a job's object goes, as an `oss://` URL. */
export function ossUrlOf(job: JobSnapshot): string {
  return `oss://${job.destination.bucket}/${job.destination.key}`;
}

/** How the data was verified, in words. */
export function describeVerification(job: JobSnapshot): string {
  if (job.verifiedBy === 'md5+crc64') return 'verified by MD5 and CRC-64';
  if (job.verifiedBy === 'crc64') return "verified by CRC-64 only (the server's ETags are not MD5s)";
  // Restored from the journal: the engine verified it in an earlier run (it only completes after verifying).
  return 'verified in an earlier run';
}

/** This run's share of a job: how long it ran and how many bytes it sent (a resumed job sent only the rest). */
export interface RunTiming {
  readonly elapsedMs: number;
  readonly bytes: number;
}

/** The line for a completed job, with this run's time and rate when known. */
export function describeCompleted(job: JobSnapshot, label: string, timing: RunTiming | undefined): string {
  const time =
    // Under a second the rate says more about the clock than about the upload.
    timing === undefined || timing.elapsedMs < 1000
      ? ''
      : ` in ${formatDuration(timing.elapsedMs / 1000)} (${formatRate((timing.bytes / timing.elapsedMs) * 1000)})`;
  return `done     ${label} -> ${ossUrlOf(job)}  ${formatBytes(job.sizeBytes)}${time}, ${describeVerification(job)}`;
}

/**
 * The lines for a failed job: what failed with code and request id, then advice. Advice comes from the engine when
 * it gave some, else from describeOssError; it is left out when it would only repeat the message.
 */
export function describeFailure(job: JobSnapshot, label: string): string[] {
  const error = job.error;
  if (error === undefined) return [`FAILED   ${label} -> ${ossUrlOf(job)}`];
  const requestId = error.requestId === undefined ? '' : ` (request id ${error.requestId})`;
  const lines = [`FAILED   ${label} -> ${ossUrlOf(job)}: ${error.code}: ${error.message}${requestId}`];
  const advice =
    CLI_ADVICE[error.code] ??
    error.advice ??
    describeOssError({ code: error.code, status: 0, message: error.message, retryable: error.retryable, requestId: error.requestId }).advice;
  if (!advice.startsWith(error.message)) lines.push(`         ${advice}`);
  return lines;
}
