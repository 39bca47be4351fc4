// Request bodies as undici should see them: a byte count reported as undici consumes the body, the caller's stream
// destroyed once the request is over (no open file handles after a failure), and the caller's own stream error kept
// apart from network errors so it reaches the caller unchanged (a SourceChanged must not become a NetworkError).
import { Readable, Transform, type TransformCallback } from 'node:stream';

/** A request body: bytes in memory, or a stream that yields exactly the declared Content-Length. */
export type RequestBody = Uint8Array | Readable;

/**
 * Progress of one request body: `bytesSent` so far (cumulative, so a listener can be idempotent) and `deltaBytes`
 * added by this call (so an aggregate can simply add it).
 */
export type ProgressCallback = (bytesSent: number, deltaBytes: number) => void;

/** A body ready for undici plus what the transport needs when the request is over. */
export interface PreparedBody {
  readonly body: Uint8Array | Readable | undefined;
  /** The error the caller's stream (or the progress callback) raised, if any: it wins over the network error it caused. */
  sourceError(): unknown;
  /** Destroys whatever of the body is still open. Idempotent; call once the response is fully read or the request failed. */
  release(): void;
}

// Chunks an in-memory body is cut into when progress is wanted: small enough for a smooth progress bar, large enough
// to cost nothing (a 5 GiB part is 80k chunks).
const MEMORY_CHUNK_BYTES = 64 * 1024;

function* memoryChunks(bytes: Uint8Array): Generator<Uint8Array> {
  for (let offset = 0; offset < bytes.byteLength; offset += MEMORY_CHUNK_BYTES) {
    yield bytes.subarray(offset, Math.min(offset + MEMORY_CHUNK_BYTES, bytes.byteLength));
  }
}

/**
 * A pass-through that counts bytes as they go by. Why a Transform and not undici's `onBodySent`: undici 7's
 * `request()` API has no such hook (only the low-level dispatch handler does), and a Transform works the same with
 * any dispatcher. undici pulls from it only as fast as the socket accepts (it pauses the stream on backpressure), so
 * the count runs ahead of the socket by at most the Transform's own buffer (two highWaterMarks, 32 KiB).
 */
function countingTransform(onProgress: ProgressCallback, onCallbackError: (error: unknown) => void): Transform {
  let bytesSent = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      bytesSent += chunk.byteLength;
      try {
        onProgress(bytesSent, chunk.byteLength);
      } catch (error) {
        onCallbackError(error);
        callback(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      callback(null, chunk);
    },
  });
}

/**
 * Prepares a request body. Streams always go through a counting pass-through (with a no-op callback when no progress
 * is wanted) so that one code path owns error capture and clean-up; bytes in memory are handed over as they are
 * unless progress is wanted.
 */
export function prepareBody(body: RequestBody | undefined, onProgress: ProgressCallback | undefined): PreparedBody {
  if (body === undefined) return { body: undefined, sourceError: () => undefined, release: () => undefined };
  if (!(body instanceof Readable) && onProgress === undefined) {
    return { body, sourceError: () => undefined, release: () => undefined };
  }
  const source = body instanceof Readable ? body : Readable.from(memoryChunks(body), { objectMode: false });
  let firstError: unknown;
  const remember = (error: unknown): void => {
    firstError ??= error;
  };
  const counter = countingTransform(onProgress ?? (() => undefined), remember);
  // Not stream.pipeline: it would destroy the source with undici's socket error, and that error would then look like
  // the source's own. Here only the source's own errors are remembered, and undici ending the request early closes the
  // source without an error.
  source.on('error', (error) => {
    remember(error);
    counter.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  // undici listens while it sends; once it is done, a late source error must not become an unhandled 'error' event.
  counter.on('error', () => undefined);
  counter.once('close', () => {
    if (!source.destroyed) source.destroy();
  });
  source.pipe(counter);
  return {
    body: counter,
    sourceError: () => firstError,
    release: () => {
      if (!counter.destroyed) counter.destroy();
      if (!source.destroyed) source.destroy();
    },
  };
}
