import type { JobError } from '../../shared/models/job';
import { SOURCE_CHANGED, SOURCE_UNREADABLE } from '../oss/body-source';
import { isOssError } from '../oss/oss-error';
import { describeOssError } from '../oss/responses/describe-oss-error';
import { OBJECT_INTEGRITY_MISMATCH } from './job-complete';
import { INTEGRITY_UNVERIFIABLE } from './part-runner';
import { RequestFailedError } from './request-retry';

// A job's failure as the UI, the CLI and the journal show it: code, message, request id and what to do (issue 3
// item 5: "a message that says what to fix"). OSS codes get describeOssError's advice; the engine's own codes and
// the cases where the engine knows more than the error (an upload that vanished mid-way) get theirs here.

/** Code of the error raised when the journal cannot be written (the engine then refuses to send parts). */
export const JOURNAL_WRITE_FAILED = 'JournalWriteFailed';
/** Code of the error raised when the account's client cannot be had (unknown or misconfigured account). */
export const CLIENT_UNAVAILABLE = 'ClientUnavailable';

const ENGINE_ADVICE: Readonly<Record<string, string>> = {
  [SOURCE_CHANGED]:
    'The file was modified, replaced or truncated after the upload started; continuing would mix two versions. Remove this job and add the file again.',
  [SOURCE_UNREADABLE]: 'Check that the file exists and that this app may read it, then retry.',
  [OBJECT_INTEGRITY_MISMATCH]:
    'The object on OSS differs from the file. Upload the file again; if this repeats, something on the network path alters uploads.',
  [INTEGRITY_UNVERIFIABLE]: 'The endpoint did not report the checksums OSS always sends: check that it is an OSS endpoint.',
  [JOURNAL_WRITE_FAILED]: 'The state directory cannot be written: check free disk space and its permissions, then retry.',
  [CLIENT_UNAVAILABLE]: "Check the account's settings and credentials, then retry.",
  NoSuchUpload:
    'The multipart upload was aborted (or completed) by someone else, so its parts are gone. Remove this job and add the file again to start a new upload.',
};

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** The JobError for whatever ended a job; `now` is only used for clock-skew advice. */
export function toJobError(error: unknown, now: () => number = Date.now): JobError {
  const failed = error instanceof RequestFailedError ? error : undefined;
  const cause: unknown = failed?.cause ?? error;
  // Out of attempts: Retry may well work later. A permanent error needs a fix first.
  const retryable = failed?.reason === 'exhausted';
  if (isOssError(cause)) {
    const advice = ENGINE_ADVICE[cause.code] ?? describeOssError(cause.toJSON(), now).advice;
    let message = failed?.message ?? cause.message;
    if (cause.code === 'NoSuchUpload') message = `the upload was aborted elsewhere: OSS no longer knows upload ${cause.details['UploadId'] ?? ''}`.trimEnd();
    return { code: cause.code, message, retryable, requestId: cause.requestId, advice };
  }
  const code = errorCode(cause) ?? 'UnexpectedError';
  const message = cause instanceof Error ? cause.message : String(cause);
  return { code, message, retryable, advice: ENGINE_ADVICE[code] };
}
