import { fileRangeStream, type FileRangeReadable } from '../oss/body-source';
import { formatCrc64 } from '../oss/crc64';
import type { OssClient } from '../oss/oss-client';
import { OssError } from '../oss/oss-error';
import { createPartHasher, md5HexFromEtag, type PartHashes, type PartHasher } from '../oss/part-hasher';
import type { BandwidthLimiter } from './bandwidth-limiter';
import { assertSourceUnchanged, type SourceFile } from './source-file';

// Issue 3 item 4: streamed, single-read part upload with end-to-end integrity. One attempt reads the part's byte
// range once, as ONE stream: each chunk is read, hashed (MD5 + CRC-64 of exactly the bytes that go out, no part
// buffer), paced by the bandwidth limiter when a limit is set, and handed to the request body. The server's answer
// is then checked against those hashes: the ETag must be the MD5 (when it is an MD5 at all: some encryption modes
// return other ETags) and `x-oss-hash-crc64ecma` the CRC-64. A mismatch is an IntegrityMismatch, which the retry
// policy retries: the same part number overwrites the part (oss-protocol.md §6.2).
//
// Why one stream and 256 KiB reads: the engine used to chain file stream → hashing Transform → throttle Transform in
// 64 KiB chunks. Hooks in the read path (body-source.ts) and 4× fewer chunks cut the per-chunk work (reads, pushes,
// callbacks, progress events): run alternately against one emulator, 8.5 s of client CPU per GiB before and 7.6
// after, of which MD5 + CRC-64 are about 3.5 (bench/README.md). 512 KiB reads measured a similar saving (runs vary by
// ±15% on the shared machine) but raised the 99th-percentile event-loop delay from ~17 to 22-44 ms (several parts'
// chunks complete in the same tick, each hashed in ~2 ms); with 256 KiB it stayed at 14-17 ms.
//
// Hashing stays on the main thread, and what pays is less CPU per byte: MD5 and CRC-64 of the parts in flight in one
// shared four-lane WebAssembly pool (md5-lanes.ts, ~2.2× OpenSSL's MD5 plus crc64.ts over four streams), used when
// several parts usually run together (PartTarget.md5Lanes); otherwise OpenSSL's MD5 and CRC-64 in WebAssembly
// (crc64-wasm.ts). A worker thread was tried
// (2026-11-24: chunks read into SharedArrayBuffers, MD5 + CRC-64 in one worker): 112-116 MiB/s against 112-129 on
// the main thread, more CPU, and 800-900 MB peak RSS as the shared buffers waited for collection; on two cores whose
// other one the network (and, in the benchmark, the emulator) keeps busy, it only moves the work.

/** Read size of part bodies without a bandwidth limit: few chunks per part, each hashed in ~1 ms (see above). */
export const PART_READ_CHUNK_BYTES = 256 * 1024;

/**
 * Read size while a bandwidth limit is set: a token bucket paces whole chunks, so small ones keep a slow limit
 * smooth (the limiter's smallest bucket is 256 KiB, bandwidth-limiter.ts).
 */
export const LIMITED_READ_CHUNK_BYTES = 64 * 1024;

/** Where and what one part attempt sends. */
export interface PartTarget {
  readonly client: OssClient;
  readonly bucket: string;
  readonly key: string;
  readonly source: SourceFile;
  readonly limiter: BandwidthLimiter;
  /**
   * MD5 of parts in the shared four-lane pool (part-hasher.ts) rather than node:crypto: true where several parts
   * are usually in flight together (read per attempt). Undefined means node:crypto.
   */
  readonly md5Lanes?: boolean | undefined;
  /**
   * Whether parts of this upload not yet started remain. While they do, a part's queued MiBs are hashed once its
   * answer is in, riding along in the lanes with the parts then streaming; for the last parts nobody rides along
   * anyway, so they are hashed from the moment the last chunk is read (see uploadPartOnce). Undefined: none remain.
   */
  readonly partsToCome?: (() => boolean) | undefined;
}

/**
 * What {@link uploadPartOnce} needs: a PartTarget whose client only has to upload parts, so a narrowed client
 * (the incomplete-upload manager's, main/incomplete/incomplete-client.ts) can send parts the engine's way too.
 */
export type MultipartTarget = Omit<PartTarget, 'client'> & { readonly client: Pick<OssClient, 'uploadPart'> };

/** One part's place in the file. */
export interface PartSpec {
  readonly partNumber: number;
  readonly offset: number;
  readonly size: number;
}

/** A part (or single object) the server acknowledged and that matched what was sent. */
export interface VerifiedPart {
  readonly etag: string;
  /** CRC-64 of the bytes sent, equal to the server's when it reported one. */
  readonly crc64: bigint;
  /** 'crc64' when the ETag was not an MD5, so CRC-64 alone vouched for the bytes. */
  readonly verifiedBy: 'md5+crc64' | 'crc64';
  /** The CRC-64 the server reported (undefined when it sent none). */
  readonly reportedCrc64: bigint | undefined;
  readonly requestId: string;
}

/** Byte progress of one attempt: bytes added now, and the total sent so far. */
export type PartProgress = (deltaBytes: number, bytesSent: number) => void;

/** Code of the error raised when the server's ETag or CRC-64 disagrees with the bytes sent (retryable). */
export const INTEGRITY_MISMATCH = 'IntegrityMismatch';
/** Code of the error raised when the server reports neither an MD5 ETag nor a CRC-64 (nothing to verify against). */
export const INTEGRITY_UNVERIFIABLE = 'IntegrityUnverifiable';

/**
 * The part's bytes as one request body, hashed and (when a limit is set) throttled on the way out. The limit is
 * looked up per chunk, so a limit set or lifted during the part applies at once.
 */
function partBody(
  target: Pick<PartTarget, 'source' | 'limiter'>,
  part: PartSpec,
  hasher: PartHasher,
  onAllHashed?: () => void,
): FileRangeReadable {
  const { limiter } = target;
  const chunkBytes = limiter.enabled ? LIMITED_READ_CHUNK_BYTES : PART_READ_CHUNK_BYTES;
  return fileRangeStream(target.source.path, part.offset, part.size, chunkBytes, {
    reuseBuffers: true, // undici is done with each chunk before it takes the next (body-source.ts)
    onChunk: (chunk) => {
      hasher.update(chunk);
      if (hasher.bytes === part.size) onAllHashed?.();
    },
    beforePush: (bytes, signal) => (limiter.enabled ? limiter.take(bytes, signal) : undefined),
  });
}

/**
 * Checks the server's answer against the hashes of what was sent. `what` names the part in messages. An ETag that
 * is not an MD5 leaves CRC-64 alone to decide; a server that reports neither cannot be trusted with the data.
 */
export function verifyAnswer(
  what: string,
  expectedBytes: number,
  sent: PartHashes,
  answer: { readonly etag: string; readonly crc64: bigint | undefined; readonly requestId: string },
): VerifiedPart {
  const requestId = answer.requestId === '' ? undefined : answer.requestId;
  const etagMd5 = md5HexFromEtag(answer.etag);
  const mismatch = (detail: string): OssError =>
    new OssError({ code: INTEGRITY_MISMATCH, status: 0, retryable: true, requestId, message: `${what}: ${detail}` });
  // Content-Length makes this impossible unless a stage of the body pipeline misbehaves; then the hashes are not
  // those of what the server got, and nothing may be concluded from them.
  if (sent.bytes !== expectedBytes) throw mismatch(`${sent.bytes} bytes were hashed but ${expectedBytes} were to be sent`);
  if (etagMd5 !== undefined && etagMd5 !== sent.md5Hex) {
    throw mismatch(`OSS returned ETag ${answer.etag} but the bytes sent have MD5 ${sent.md5Hex}`);
  }
  if (answer.crc64 !== undefined && answer.crc64 !== sent.crc64) {
    throw mismatch(`OSS reports CRC-64 ${formatCrc64(answer.crc64)} but the bytes sent have ${formatCrc64(sent.crc64)}`);
  }
  if (etagMd5 === undefined && answer.crc64 === undefined) {
    throw new OssError({
      code: INTEGRITY_UNVERIFIABLE,
      status: 0,
      retryable: false,
      requestId,
      message: `${what}: OSS returned neither an MD5 ETag nor a CRC-64, so the upload cannot be verified`,
    });
  }
  return {
    etag: answer.etag,
    crc64: sent.crc64,
    verifiedBy: etagMd5 === undefined ? 'crc64' : 'md5+crc64',
    reportedCrc64: answer.crc64,
    requestId: answer.requestId,
  };
}

/**
 * One attempt at one part of a multipart upload: stream the range once while hashing it, verify the answer, then
 * stat the file (unchanged since the upload started?). One stat after the read covers a change before it too: the
 * size or mtime then differs as well (source-file.ts). Rejects with SourceChanged, SourceUnreadable,
 * IntegrityMismatch, or the client's OssError; an aborted `signal` rejects with Aborted. `onRequestDone` runs once
 * the answer is in, before the checks: the caller can start the next part's request while this one finishes hashing
 * (at a part boundary the connection would otherwise idle for the few ms the last queued MiBs take to hash).
 */
export async function uploadPartOnce(
  target: MultipartTarget,
  uploadId: string,
  part: PartSpec,
  signal: AbortSignal,
  onProgress: PartProgress,
  onRequestDone?: () => void,
): Promise<VerifiedPart> {
  const hasher = createPartHasher(target.md5Lanes === true ? 'lanes' : 'crypto');
  // The last parts of an upload hash their queued MiBs from the moment their last chunk is read, while the socket
  // still drains and the server reads, so the answer finds them hashed. Settled only after the answer, they left
  // the server waiting 20-55 ms per upload at the end; settled that early while other parts still come, they hash
  // with fewer riders in the lanes (~0.5 s/GiB more client CPU in 8 alternating rounds; bench/README.md).
  let settling: Promise<void> | undefined;
  const body = partBody(target, part, hasher, () => {
    if (target.partsToCome?.() === true) return;
    settling = hasher.settle();
    void settling.catch(() => undefined); // awaited below; a request that fails first must not leave it unhandled
  });
  const answer = await target.client.uploadPart({
    bucket: target.bucket,
    key: target.key,
    uploadId,
    partNumber: part.partNumber,
    body,
    contentLength: part.size,
    onProgress: (bytesSent, deltaBytes) => onProgress(deltaBytes, bytesSent),
    signal,
  });
  body.recycleBuffers(); // answered: the server has every byte, so the next parts may read into these buffers
  onRequestDone?.();
  await (settling ?? hasher.settle()); // in slices that keep the other parts' sockets fed
  const verified = verifyAnswer(`part ${part.partNumber}`, part.size, hasher.digest(), answer);
  // The file may have changed while it was read: the bytes sent could then be a mix of two versions.
  await assertSourceUnchanged(target.source);
  return verified;
}

/** One attempt at a whole file in one PutObject (a file that fits in one part, including an empty one); checks as above. */
export async function putObjectOnce(target: PartTarget, signal: AbortSignal, onProgress: PartProgress): Promise<VerifiedPart> {
  const hasher = createPartHasher();
  const part: PartSpec = { partNumber: 1, offset: 0, size: target.source.sizeBytes };
  const body = partBody(target, part, hasher);
  const answer = await target.client.putObject({
    bucket: target.bucket,
    key: target.key,
    body,
    contentLength: part.size,
    onProgress: (bytesSent, deltaBytes) => onProgress(deltaBytes, bytesSent),
    signal,
  });
  body.recycleBuffers();
  const verified = verifyAnswer('object', part.size, hasher.digest(), answer);
  await assertSourceUnchanged(target.source);
  return verified;
}

/** MD5 and CRC-64 of a byte range of a local file, read once (to check a server part against it). */
export async function hashFileRange(path: string, offset: number, size: number, signal?: AbortSignal): Promise<PartHashes> {
  const hasher = createPartHasher();
  const stream = fileRangeStream(path, offset, size, PART_READ_CHUNK_BYTES);
  const onAbort = (): void => {
    stream.destroy(new OssError({ code: 'Aborted', status: 0, retryable: false, message: 'hashing aborted' }));
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    if (signal?.aborted === true) onAbort();
    for await (const chunk of stream) hasher.update(chunk as Buffer);
    return hasher.digest();
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
