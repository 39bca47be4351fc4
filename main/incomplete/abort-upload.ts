// Issue 4 item 3: abort one incomplete upload (oss-protocol.md §6.4). NoSuchUpload means someone already aborted or
// completed it: reported as `alreadyGone`, not as a failure. An upload that an active local job owns is canceled
// through that job, so the job stops its requests first and does not fail later with NoSuchUpload; a second Abort
// afterwards makes sure nothing of it is left (a part landing during an abort can survive it, §6.4).
import type { AbortItemResult, UploadSelection } from '../../shared/models/remote-upload';
import { isOssError } from '../oss/oss-error';
import { toAbortFailure } from './abort-failure';
import type { IncompleteClient } from './incomplete-client';
import { activeOwnerOf, type LocalUploadOwnership } from './local-upload-ownership';
import { withRetry, type RetryOptions } from './with-retry';

/** What aborting needs besides the client. */
export interface AbortContext {
  readonly ownership: LocalUploadOwnership | undefined;
  readonly retry: RetryOptions;
}

function isNoSuchUpload(error: unknown): boolean {
  return isOssError(error) && error.code === 'NoSuchUpload';
}

/** Sends AbortMultipartUpload with retries; true when it aborted, false when the upload was already gone. */
async function sendAbort(client: IncompleteClient, bucket: string, target: UploadSelection, retry: RetryOptions): Promise<boolean> {
  try {
    await withRetry(() => client.abortMultipartUpload({ bucket, key: target.key, uploadId: target.uploadId }), retry);
    return true;
  } catch (error) {
    if (isNoSuchUpload(error)) return false;
    throw error;
  }
}

/**
 * Aborts one upload and says how it went; never throws (a failure is a result). Not cancellable once started: an
 * Abort cut off mid-request would leave its outcome unknown.
 */
export async function abortUpload(
  client: IncompleteClient,
  bucket: string,
  target: UploadSelection,
  context: AbortContext,
): Promise<AbortItemResult> {
  const { key, uploadId } = target;
  const owner = activeOwnerOf(context.ownership, bucket, key, uploadId);
  try {
    if (owner !== undefined) {
      // activeOwnerOf returned a job, so ownership is defined.
      await context.ownership?.cancel(owner.jobId);
      await sendAbort(client, bucket, target, context.retry);
      return { key, uploadId, outcome: 'aborted', viaJobId: owner.jobId };
    }
    const aborted = await sendAbort(client, bucket, target, context.retry);
    return aborted ? { key, uploadId, outcome: 'aborted' } : { key, uploadId, outcome: 'alreadyGone' };
  } catch (error) {
    return { key, uploadId, outcome: 'failed', error: toAbortFailure(error) };
  }
}
