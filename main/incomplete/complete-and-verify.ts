// The end of a resume from the server: CompleteMultipartUpload with every part in ascending order, then the
// whole-object CRC-64 check the engine does (oss-protocol.md §9): fold the part CRCs in part-number order with their
// sizes and compare with the Complete answer's x-oss-hash-crc64ecma, or HEAD's when the answer has none.
import type { ResumeRemoteResult } from '../../shared/models/remote-upload';
import { crc64Combine, formatCrc64 } from '../oss/crc64';
import { isOssError } from '../oss/oss-error';
import type { IncompleteClient } from './incomplete-client';
import { withRetry, type RetryOptions } from './with-retry';

/** A part of the finished object: its number, ETag for Complete, and CRC-64 and size for the fold. */
export interface ObjectPart {
  readonly partNumber: number;
  readonly etag: string;
  readonly size: number;
  readonly crc64: bigint;
}

/** CRC-64 of the whole object from its parts (any order in, folded in ascending part-number order, §9). */
export function foldPartCrcs(parts: readonly ObjectPart[]): bigint {
  return [...parts]
    .sort((a, b) => a.partNumber - b.partNumber)
    .reduce((total, part) => crc64Combine(total, part.crc64, part.size), 0n);
}

/** What the verification concluded. */
export type CrcVerdict = Extract<ResumeRemoteResult, { outcome: 'verificationFailed' }> | { readonly outcome: 'ok'; readonly verified: boolean };

/** Compares the folded CRC with the server's; `undefined` from the server means it could not be checked. */
export function judgeObjectCrc(expected: bigint, actual: bigint | undefined): CrcVerdict {
  if (actual === undefined) return { outcome: 'ok', verified: false };
  if (actual === expected) return { outcome: 'ok', verified: true };
  return {
    outcome: 'verificationFailed',
    message: `The object's CRC-64 ${formatCrc64(actual)} does not match the parts' ${formatCrc64(expected)}.`,
    expectedCrc64: formatCrc64(expected),
    actualCrc64: formatCrc64(actual),
  };
}

/** Where the object is and what it should be. */
export interface CompleteTarget {
  readonly bucket: string;
  readonly key: string;
  readonly uploadId: string;
  readonly parts: readonly ObjectPart[];
  readonly sizeBytes: number;
}

/**
 * Completes the upload (retried) and returns the server's CRC-64 of the object. OSS keeps processing a Complete
 * after the client disconnects, so a retried Complete may find the upload gone (NoSuchUpload) although the object
 * was made (§6.3): then the object is accepted if HEAD shows the expected size and CRC-64.
 */
export async function completeUpload(
  client: IncompleteClient,
  target: CompleteTarget,
  retry: RetryOptions,
): Promise<bigint | undefined> {
  const expected = foldPartCrcs(target.parts);
  const objectTarget = { bucket: target.bucket, key: target.key, signal: retry.signal };
  let attempts = 0;
  try {
    const result = await withRetry((attempt) => {
      attempts = attempt;
      return client.completeMultipartUpload({
        bucket: target.bucket,
        key: target.key,
        uploadId: target.uploadId,
        parts: target.parts.map((part) => ({ partNumber: part.partNumber, etag: part.etag })),
        signal: retry.signal,
      });
    }, retry);
    if (result.crc64 !== undefined) return result.crc64;
    return (await withRetry(() => client.headObject(objectTarget), retry)).crc64;
  } catch (error) {
    if (attempts < 2 || !isOssError(error) || error.code !== 'NoSuchUpload') throw error;
    const head = await withRetry(() => client.headObject(objectTarget), retry);
    if (head.contentLength !== target.sizeBytes || head.crc64 !== expected) throw error;
    return head.crc64;
  }
}
