import { crc64Combine, formatCrc64 } from '../oss/crc64';
import type { OssClient } from '../oss/oss-client';
import { isOssError, OssError } from '../oss/oss-error';
import type { HeadObjectResult } from '../oss/oss-types';
import { md5HexFromEtag } from '../oss/part-hasher';
import type { DonePart } from './job-parts';
import { INTEGRITY_UNVERIFIABLE } from './part-runner';
import { RequestFailedError, runWithRetries, type RetryRunner } from './request-retry';

// Issue 3 item 4, the last two steps of a job: CompleteMultipartUpload with the parts ascending, from local records
// (the doc's advice, oss-protocol.md §6.5), then the whole-object check: the part CRC-64s folded in ascending order
// with their sizes (crc64Combine, §9) must equal the object's `x-oss-hash-crc64ecma`.

/** Code of the error raised when the object's CRC-64 differs from the combination of its parts'. */
export const OBJECT_INTEGRITY_MISMATCH = 'ObjectIntegrityMismatch';

/** What the completion steps need. */
export interface ObjectContext {
  readonly client: OssClient;
  readonly bucket: string;
  readonly key: string;
  readonly runner: RetryRunner;
  readonly signal: AbortSignal;
}

/** CRC-64 of the whole object from its parts' CRC-64s (ascending part numbers, §9). */
export function combinePartCrcs(parts: readonly DonePart[]): bigint {
  const sorted = [...parts].sort((a, b) => a.partNumber - b.partNumber);
  return sorted.reduce((total, part) => crc64Combine(total, part.crc64, part.size), 0n);
}

/** 'crc64' when any part's ETag is not an MD5 (CRC-64 alone vouched for it), else 'md5+crc64'. */
export function verifiedByOf(parts: readonly DonePart[]): 'md5+crc64' | 'crc64' {
  return parts.every((part) => md5HexFromEtag(part.etag) !== undefined) ? 'md5+crc64' : 'crc64';
}

function codeOf(error: unknown): string | undefined {
  const cause = error instanceof RequestFailedError ? error.cause : error;
  return isOssError(cause) ? cause.code : undefined;
}

/** HEAD with retries; undefined when the object does not exist. */
export async function headObjectIfAny(ctx: ObjectContext): Promise<HeadObjectResult | undefined> {
  try {
    return await runWithRetries(ctx.runner, 'control', ctx.signal, () =>
      ctx.client.headObject({ bucket: ctx.bucket, key: ctx.key, signal: ctx.signal }),
    );
  } catch (error) {
    if (codeOf(error) === 'NoSuchKey' || (error instanceof RequestFailedError && isOssError(error.cause) && error.cause.status === 404)) {
      return undefined;
    }
    throw error;
  }
}

/** Whether the object at the key has this size and CRC-64 (i.e. is what the parts make). */
export async function objectMatches(ctx: ObjectContext, sizeBytes: number, crc64: bigint): Promise<boolean> {
  const head = await headObjectIfAny(ctx);
  return head !== undefined && head.contentLength === sizeBytes && head.crc64 === crc64;
}

/**
 * Completes the upload and returns the object's CRC-64 as the answer reports it (undefined if it did not). OSS keeps
 * processing a Complete after the client disconnects (§6.3), so a retried Complete may meet NoSuchUpload although
 * the object exists: then the object is accepted if its size and CRC-64 are what the parts make.
 */
export async function completeUpload(
  ctx: ObjectContext,
  uploadId: string,
  parts: readonly DonePart[],
  sizeBytes: number,
): Promise<bigint | undefined> {
  const listed = parts.map((part) => ({ partNumber: part.partNumber, etag: part.etag }));
  try {
    const result = await runWithRetries(ctx.runner, 'control', ctx.signal, () =>
      ctx.client.completeMultipartUpload({ bucket: ctx.bucket, key: ctx.key, uploadId, parts: listed, signal: ctx.signal }),
    );
    return result.crc64;
  } catch (error) {
    const retried = error instanceof RequestFailedError && error.attempts > 1;
    if (retried && codeOf(error) === 'NoSuchUpload') {
      const expected = combinePartCrcs(parts);
      if (await objectMatches(ctx, sizeBytes, expected)) return expected;
    }
    throw error;
  }
}

/**
 * The whole-object check. `reportedCrc` is what Complete (or PutObject) answered; without it the object is read
 * with HEAD. Throws ObjectIntegrityMismatch on a difference, IntegrityUnverifiable when OSS reports no CRC-64.
 */
export async function verifyObjectCrc(
  ctx: ObjectContext,
  expectedCrc: bigint,
  sizeBytes: number,
  reportedCrc: bigint | undefined,
): Promise<void> {
  let actual = reportedCrc;
  if (actual === undefined) {
    const head = await headObjectIfAny(ctx);
    if (head !== undefined && head.contentLength !== sizeBytes) {
      throw new OssError({
        code: OBJECT_INTEGRITY_MISMATCH,
        status: 0,
        retryable: false,
        requestId: head.requestId === '' ? undefined : head.requestId,
        message: `the object is ${head.contentLength} bytes, the file ${sizeBytes}`,
      });
    }
    actual = head?.crc64;
  }
  if (actual === undefined) {
    throw new OssError({
      code: INTEGRITY_UNVERIFIABLE,
      status: 0,
      retryable: false,
      message: 'OSS did not report the object\'s CRC-64, so the upload could not be verified',
    });
  }
  if (actual !== expectedCrc) {
    throw new OssError({
      code: OBJECT_INTEGRITY_MISMATCH,
      status: 0,
      retryable: false,
      message: `object CRC-64 ${formatCrc64(actual)} does not match the parts' ${formatCrc64(expectedCrc)}`,
    });
  }
}
