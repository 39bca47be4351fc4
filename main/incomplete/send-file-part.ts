// Sends one part of the local file the way the engine does (issue 3 item 4): the byte range is streamed from disk
// exactly once, MD5 and CRC-64 are computed as the bytes go out, and the server's ETag and x-oss-hash-crc64ecma
// must equal them (oss-protocol.md §6.2), else IntegrityMismatch, which the retry policy treats as transient: the
// part is sent again under the same number, which overwrites it (§7).
import { pipeline, Transform, type TransformCallback } from 'node:stream';
import { fileRangeStream } from '../oss/body-source';
import { formatCrc64 } from '../oss/crc64';
import { OssError } from '../oss/oss-error';
import { createPartHasher, md5HexFromEtag } from '../oss/part-hasher';
import type { IncompleteClient } from './incomplete-client';

/** One part of one upload, read from `[offset, offset + size)` of `path`. */
export interface FilePart {
  readonly bucket: string;
  readonly key: string;
  readonly uploadId: string;
  readonly partNumber: number;
  readonly path: string;
  readonly offset: number;
  readonly size: number;
}

/** A part the server accepted and whose hashes were checked. */
export interface SentPart {
  readonly partNumber: number;
  readonly etag: string;
  readonly size: number;
  readonly crc64: bigint;
}

function integrityMismatch(part: FilePart, what: string, requestId: string): OssError {
  return new OssError({
    code: 'IntegrityMismatch',
    status: 0,
    retryable: true,
    requestId: requestId || undefined,
    message: `Part ${part.partNumber}: ${what}`,
  });
}

/**
 * Streams one part and checks the answer. `onBytes` gets each chunk's size as it is handed to the connection (for
 * progress). Rejects with the client's OssError, a SourceChanged from the file, or IntegrityMismatch.
 */
export async function sendFilePart(
  client: Pick<IncompleteClient, 'uploadPart'>,
  part: FilePart,
  options: { readonly signal?: AbortSignal | undefined; readonly onBytes?: ((deltaBytes: number) => void) | undefined } = {},
): Promise<SentPart> {
  const hasher = createPartHasher();
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      hasher.update(chunk);
      callback(null, chunk);
    },
  });
  // pipeline forwards a read error of the file (SourceChanged) to `hashing`, which the client reports as the cause,
  // and destroys the file stream when the request ends early. Its callback only has to exist.
  const body = pipeline(fileRangeStream(part.path, part.offset, part.size), hashing, () => undefined);
  const result = await client.uploadPart({
    bucket: part.bucket,
    key: part.key,
    uploadId: part.uploadId,
    partNumber: part.partNumber,
    body,
    contentLength: part.size,
    signal: options.signal,
    onProgress: options.onBytes === undefined ? undefined : (_sent, delta) => options.onBytes?.(delta),
  });
  const local = hasher.digest();
  if (local.bytes !== part.size) {
    throw integrityMismatch(part, `${local.bytes} bytes were hashed but ${part.size} were sent`, result.requestId);
  }
  const serverMd5 = md5HexFromEtag(result.etag);
  if (serverMd5 !== undefined && serverMd5 !== local.md5Hex) {
    throw integrityMismatch(part, `the server's ETag ${result.etag} is not the MD5 ${local.md5Hex} of the bytes sent`, result.requestId);
  }
  if (result.crc64 !== undefined && result.crc64 !== local.crc64) {
    throw integrityMismatch(
      part,
      `the server's CRC-64 ${formatCrc64(result.crc64)} is not the CRC-64 ${formatCrc64(local.crc64)} of the bytes sent`,
      result.requestId,
    );
  }
  // A server that reports neither an MD5 ETag nor a CRC-64 cannot be checked per part; the whole-object CRC-64
  // check after Complete still covers these bytes (complete-and-verify.ts).
  return { partNumber: part.partNumber, etag: result.etag, size: part.size, crc64: local.crc64 };
}
