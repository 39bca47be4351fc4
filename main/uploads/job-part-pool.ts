import { isOssError } from '../oss/oss-error';
import { partRange } from './part-plan';
import { uploadPartOnce, type PartTarget, type VerifiedPart } from './part-runner';
import { runPartTasks, type RequestShare } from './part-task-pool';
import { RequestFailedError, runWithRetries, type RetryNotice } from './request-retry';
import type { JobContext } from './job-context';
import type { UploadJob } from './upload-job';

// The uploading phase of a multipart job (issue 3 items 3, 4, 8): the parts that are not done, each with its own
// retries, at most `maxRequests` of this job sending at a time (part-task-pool.ts: a part whose answer is in is
// checked beside the next one's request). The scheduler bounds requests over all jobs; this bound
// keeps one job from queueing all its 10,000 parts at once and is what limits a crash's cost to parallel × part
// size. Every attempt keeps the part's PartState and the job's byte counters current for the part map.

function causeOf(error: unknown): unknown {
  return error instanceof RequestFailedError ? error.cause : error;
}

/** The error's code for a part's state (OSS code, errno code, or 'Error'). */
export function errorCodeOf(error: unknown): string {
  const cause = causeOf(error);
  if (isOssError(cause)) return cause.code;
  return typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string' ? cause.code : 'Error';
}

function requestIdOf(error: unknown): string | undefined {
  const cause = causeOf(error);
  return isOssError(cause) ? cause.requestId : undefined;
}

/** One part (or a single PutObject, as part 1) with retries; resolves with the verified answer and the attempts. */
export async function sendPartWithRetries(
  job: UploadJob,
  ctx: JobContext,
  partNumber: number,
  signal: AbortSignal,
  send: (signal: AbortSignal, onBytes: (deltaBytes: number) => void, requestDone: () => void) => Promise<VerifiedPart>,
  share?: RequestShare,
): Promise<{ readonly part: VerifiedPart; readonly attempts: number }> {
  let attempts = 0;
  const onBytes = (deltaBytes: number): void => {
    job.table.addBytes(partNumber, deltaBytes);
    job.meter.addBytes(deltaBytes);
    job.partChanged(partNumber);
  };
  const onRetry = (notice: RetryNotice): void => {
    job.retries += 1;
    job.table.markRetrying(partNumber, {
      nextTryAtMs: notice.nextTryAtMs,
      lastErrorCode: errorCodeOf(notice.error),
      lastRequestId: requestIdOf(notice.error),
    });
    job.partChanged(partNumber);
  };
  const attempt = (attemptNumber: number, releaseSlot: () => void): Promise<VerifiedPart> => {
    attempts = attemptNumber;
    share?.hold();
    job.table.markInFlight(partNumber, attemptNumber);
    job.partChanged(partNumber);
    return send(signal, onBytes, () => {
      releaseSlot();
      share?.letGo();
    });
  };
  try {
    const part = await runWithRetries(ctx.runner, 'part', signal, attempt, onRetry);
    return { part, attempts };
  } catch (error) {
    if (!signal.aborted) {
      job.table.markFailed(partNumber, { errorCode: errorCodeOf(error), requestId: requestIdOf(error) });
      job.partChanged(partNumber);
    }
    throw error;
  }
}

async function uploadOnePart(
  job: UploadJob,
  ctx: JobContext,
  target: PartTarget,
  partNumber: number,
  signal: AbortSignal,
  share: RequestShare,
): Promise<void> {
  const uploadId = job.uploadId ?? '';
  const spec = { partNumber, ...partRange(job.table.plan, partNumber) };
  const { part, attempts } = await sendPartWithRetries(
    job,
    ctx,
    partNumber,
    signal,
    (attemptSignal, onBytes, requestDone) => uploadPartOnce(target, uploadId, spec, attemptSignal, onBytes, requestDone),
    share,
  );
  job.table.markDone(partNumber, part.etag, part.crc64, attempts);
  job.partChanged(partNumber);
  job.persistSoon(); // throttled: a crash forgets at most ~1 s of parts, and reconciliation finds them again
}

/**
 * Uploads every part that is not done, at most maxRequests of them in their request phase at a time (see
 * part-task-pool.ts). The limit is read again whenever a part's request ends (and on a settings change, through
 * job.pumpParts), so a new maxRequests applies within one part. The first part that gives up aborts the others and
 * is thrown; an aborted `signal` rejects with its reason once every part task has settled.
 */
export async function uploadRemainingParts(job: UploadJob, ctx: JobContext, target: PartTarget, signal: AbortSignal): Promise<void> {
  job.table.rewind();
  await runPartTasks({
    limit: () => ctx.settings().maxRequests,
    claimNext: () => job.table.claimNext(),
    runPart: (partNumber, share, partSignal) => uploadOnePart(job, ctx, target, partNumber, partSignal, share),
    signal,
    onPump: (pump) => {
      job.pumpParts = pump;
    },
  });
  if (!job.table.complete) throw new Error('internal: parts left over after every part task ended');
}
