import { describe, expect, it } from 'vitest';
import { crc64 } from '../oss/crc64';
import type { CompleteMultipartUploadResult, HeadObjectResult } from '../oss/oss-types';
import { completeUpload, foldPartCrcs, judgeObjectCrc, type ObjectPart } from './complete-and-verify';
import { fakeClient, NO_WAIT_RETRY, serverError } from './test-support/fake-client';

const chunks = [Buffer.from('upload part 1'), Buffer.from('upload part 2'), Buffer.from('and a tail')];
const parts: ObjectPart[] = chunks.map((chunk, i) => ({ partNumber: i + 1, etag: `"E${i + 1}"`, size: chunk.length, crc64: crc64(chunk) }));
const whole = crc64(Buffer.concat(chunks));

function completed(crc: bigint | undefined): CompleteMultipartUploadResult {
  return { requestId: 'R', bucket: 'b', key: 'k', etag: '"X-3"', location: '', crc64: crc, versionId: undefined };
}

function head(size: number, crc: bigint | undefined): HeadObjectResult {
  return { requestId: 'H', contentLength: size, etag: '"X-3"', crc64: crc, lastModified: undefined, contentType: undefined, objectType: 'Multipart' };
}

const target = { bucket: 'b', key: 'k', uploadId: 'U', parts, sizeBytes: Buffer.concat(chunks).length };

describe('foldPartCrcs and judgeObjectCrc', () => {
  it('folds part CRCs in part-number order into the CRC of the whole object (§9)', () => {
    expect(foldPartCrcs([...parts].reverse())).toBe(whole);
    expect(crc64(Buffer.from('upload part 1upload part 2'))).toBe(13570749449290420744n); // §9 derived vector
  });

  it('judges equal, different and missing server CRCs', () => {
    expect(judgeObjectCrc(whole, whole)).toEqual({ outcome: 'ok', verified: true });
    expect(judgeObjectCrc(whole, undefined)).toEqual({ outcome: 'ok', verified: false });
    expect(judgeObjectCrc(whole, 5n)).toMatchObject({ outcome: 'verificationFailed', actualCrc64: '5', expectedCrc64: whole.toString() });
  });
});

describe('completeUpload', () => {
  it('sends the parts and returns the CRC from the Complete answer', async () => {
    const sent: number[][] = [];
    const client = fakeClient({
      completeMultipartUpload: (args) => {
        sent.push(args.parts.map((p) => p.partNumber));
        return Promise.resolve(completed(whole));
      },
    });
    expect(await completeUpload(client, target, NO_WAIT_RETRY)).toBe(whole);
    expect(sent).toEqual([[1, 2, 3]]);
  });

  it('asks HEAD when the Complete answer has no CRC-64', async () => {
    const client = fakeClient({
      completeMultipartUpload: () => Promise.resolve(completed(undefined)),
      headObject: () => Promise.resolve(head(target.sizeBytes, whole)),
    });
    expect(await completeUpload(client, target, NO_WAIT_RETRY)).toBe(whole);
  });

  it('accepts NoSuchUpload on a retried Complete when HEAD shows the expected object (§6.3)', async () => {
    let calls = 0;
    const client = fakeClient({
      completeMultipartUpload: () => Promise.reject(calls++ === 0 ? serverError('InternalError', 500) : serverError('NoSuchUpload', 404)),
      headObject: () => Promise.resolve(head(target.sizeBytes, whole)),
    });
    expect(await completeUpload(client, target, NO_WAIT_RETRY)).toBe(whole);
  });

  it('rethrows NoSuchUpload when HEAD shows another object, or on the first attempt', async () => {
    let calls = 0;
    const other = fakeClient({
      completeMultipartUpload: () => Promise.reject(calls++ === 0 ? serverError('InternalError', 500) : serverError('NoSuchUpload', 404)),
      headObject: () => Promise.resolve(head(target.sizeBytes, 1n)),
    });
    await expect(completeUpload(other, target, NO_WAIT_RETRY)).rejects.toMatchObject({ code: 'NoSuchUpload' });
    const first = fakeClient({ completeMultipartUpload: () => Promise.reject(serverError('NoSuchUpload', 404)) });
    await expect(completeUpload(first, target, NO_WAIT_RETRY)).rejects.toMatchObject({ code: 'NoSuchUpload' });
  });
});
