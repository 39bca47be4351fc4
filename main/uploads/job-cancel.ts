import type { OssClient } from '../oss/oss-client';
import { isOssError } from '../oss/oss-error';
import { RequestFailedError, runWithRetries, type RetryRunner } from './request-retry';

// Issue 3 item 6: nothing the engine starts is left on the server unless the user chose so. Canceling aborts the
// multipart upload (retried like any request), waits for the job's in-flight requests to settle, and aborts once
// more: OSS documents that parts still being uploaded during an abort may survive it and advises aborting again
// (oss-protocol.md §6.4, §7). NoSuchUpload on an abort means the upload is already gone, which is the goal.

/** What canceling needs to know of the job. */
export interface CancelableUpload {
  readonly destination: { readonly accountId: string; readonly bucket: string; readonly key: string };
  readonly uploadId: string | undefined;
}

/** What canceling needs of the engine. */
export interface CancelContext {
  readonly runner: RetryRunner;
  readonly resolveClient: (accountId: string) => Promise<OssClient>;
}

/** Aborts one multipart upload, retried; resolves when it is gone (including when it was gone already). */
export async function abortUploadOnServer(
  client: OssClient,
  runner: RetryRunner,
  target: { readonly bucket: string; readonly key: string; readonly uploadId: string },
  signal: AbortSignal,
): Promise<void> {
  try {
    await runWithRetries(runner, 'control', signal, () => client.abortMultipartUpload({ ...target, signal }));
  } catch (error) {
    const cause = error instanceof RequestFailedError ? error.cause : error;
    if (isOssError(cause) && cause.code === 'NoSuchUpload') return;
    throw error;
  }
}

/**
 * Aborts the job's upload now and again after `settled()` (the job's run) resolves. The uploadId is read each time:
 * an Initiate that was in flight when the cancel began is only known after the run settled.
 */
export async function cancelJobOnServer(
  job: CancelableUpload,
  ctx: CancelContext,
  signal: AbortSignal,
  settled: () => Promise<void>,
): Promise<void> {
  let client: OssClient | undefined;
  const abortNow = async (): Promise<void> => {
    const uploadId = job.uploadId;
    if (uploadId === undefined) return;
    client ??= await ctx.resolveClient(job.destination.accountId);
    await abortUploadOnServer(client, ctx.runner, { bucket: job.destination.bucket, key: job.destination.key, uploadId }, signal);
  };
  // A first abort that fails is not the end: the second, after the run settled, decides.
  await abortNow().catch(() => undefined);
  await settled();
  await abortNow();
}
