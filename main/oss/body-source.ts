// Part bodies read from disk: one byte range of a file as a stream that yields exactly the bytes asked for, or fails
// with a clear local error. A file cut short under a running upload must not become a short request that the server
// (or undici's Content-Length check) reports as something unrelated.
import { close, open, read } from 'node:fs';
import { Readable } from 'node:stream';
import { OssError } from './oss-error';
import { errnoCode } from '../errno-code';

/** Code of the error raised when the file no longer holds the bytes the upload planned on (shorter, or removed). */
export const SOURCE_CHANGED = 'SourceChanged';
/** Code of the error raised when the file cannot be opened or read (permissions, I/O error). */
export const SOURCE_UNREADABLE = 'SourceUnreadable';

/**
 * Bytes per read. Larger reads mean fewer system calls and hash updates per part; 512 KiB keeps the memory of eight
 * parallel parts (a read in flight plus a full buffer each) at a few MiB.
 */
export const DEFAULT_READ_CHUNK_BYTES = 512 * 1024;

function sourceError(code: string, message: string, cause?: unknown): OssError {
  // status 0: this is local, not an answer from OSS; not retryable: reading the same file again gives the same result.
  return new OssError({ code, status: 0, retryable: false, message }, cause === undefined ? undefined : { cause });
}

function readFailure(path: string, error: unknown): OssError {
  const code = errnoCode(error) ?? 'EIO';
  if (code === 'ENOENT') return sourceError(SOURCE_CHANGED, `file changed since the upload started: ${path} no longer exists`, error);
  return sourceError(SOURCE_UNREADABLE, `cannot read ${path} (${code})`, error);
}

/**
 * What a range stream does with each chunk before handing it on. Hooks live inside the read path rather than in
 * Transforms after it so that a part body is one stream: every extra stage costs a buffer, a callback and a tick per
 * chunk (measured in bench/upload.ts: the engine's former file → hash → throttle → count chain).
 */
export interface FileRangeHooks {
  /** Sees every chunk, in order, before it is pushed (e.g. hashing). A throw destroys the stream with that error. */
  readonly onChunk?: ((chunk: Buffer) => void) | undefined;
  /**
   * Consulted before each chunk is pushed (e.g. a bandwidth limit): undefined pushes at once, a promise delays the
   * push until it resolves and destroys the stream if it rejects. `signal` aborts when the stream is destroyed, so
   * a wait never outlives its stream.
   */
  readonly beforePush?: ((bytes: number, signal: AbortSignal) => Promise<void> | undefined) | undefined;
}

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

/** The byte range `[offset, offset + length)` of a file, read by position with its own file descriptor. */
class FileRangeStream extends Readable {
  readonly #path: string;
  readonly #end: number;
  readonly #chunkBytes: number;
  readonly #hooks: FileRangeHooks;
  #position: number;
  #fd: number | undefined;
  #reading = false;
  #afterRead: (() => void) | undefined;
  /** Created on the first wait only: most streams never wait. */
  #waitAbort: AbortController | undefined;

  constructor(path: string, offset: number, length: number, chunkBytes: number, hooks: FileRangeHooks) {
    super({ highWaterMark: chunkBytes });
    this.#path = path;
    this.#position = offset;
    this.#end = offset + length;
    this.#chunkBytes = chunkBytes;
    this.#hooks = hooks;
  }

  override _construct(callback: (error?: Error | null) => void): void {
    open(this.#path, 'r', (error, fd) => {
      if (error !== null) return callback(readFailure(this.#path, error));
      this.#fd = fd;
      callback();
    });
  }

  override _read(): void {
    const remaining = this.#end - this.#position;
    if (remaining <= 0) {
      this.push(null);
      return;
    }
    const fd = this.#fd;
    if (fd === undefined) return; // _construct failed: the stream is already being destroyed
    const buffer = Buffer.allocUnsafe(Math.min(remaining, this.#chunkBytes));
    this.#reading = true;
    read(fd, buffer, 0, buffer.byteLength, this.#position, (error, bytesRead) => {
      this.#reading = false;
      const pendingClose = this.#afterRead;
      if (pendingClose !== undefined) return pendingClose(); // destroyed meanwhile: drop the data, close now
      if (error !== null) return this.destroy(readFailure(this.#path, error));
      if (bytesRead === 0) {
        const missing = this.#end - this.#position;
        return this.destroy(
          sourceError(SOURCE_CHANGED, `file changed since the upload started: ${this.#path} ended ${missing} bytes early`),
        );
      }
      this.#position += bytesRead;
      this.#deliver(bytesRead === buffer.byteLength ? buffer : buffer.subarray(0, bytesRead));
    });
  }

  /** Runs the hooks on a chunk just read, then pushes it (at once, or after the beforePush wait). */
  #deliver(chunk: Buffer): void {
    const { onChunk, beforePush } = this.#hooks;
    let wait: Promise<void> | undefined;
    try {
      onChunk?.(chunk);
      if (beforePush !== undefined) {
        this.#waitAbort ??= new AbortController();
        wait = beforePush(chunk.byteLength, this.#waitAbort.signal);
      }
    } catch (error) {
      this.destroy(asError(error));
      return;
    }
    if (wait === undefined) {
      this.push(chunk);
      return;
    }
    wait.then(
      () => {
        if (!this.destroyed) this.push(chunk);
      },
      (error: unknown) => {
        if (!this.destroyed) this.destroy(asError(error));
      },
    );
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.#waitAbort?.abort(error ?? undefined);
    const fd = this.#fd;
    this.#fd = undefined;
    if (fd === undefined) return callback(error);
    const closeFd = (): void => close(fd, () => callback(error));
    // Closing a descriptor under a read in flight could let the number be reused by another open before the read
    // runs; wait for the read to come back first.
    if (this.#reading) this.#afterRead = closeFd;
    else closeFd();
  }
}

/**
 * A stream of exactly `length` bytes of `path` starting at `offset`. If the file turns out shorter, or disappears,
 * the stream fails with an OssError `SourceChanged` ("file changed since the upload started"); other read failures
 * give `SourceUnreadable`. Both are local (status 0) and not retryable. The file descriptor is closed when the stream
 * ends or is destroyed. `hooks` see (and may delay) each chunk inside the read path, see {@link FileRangeHooks}.
 */
export function fileRangeStream(
  path: string,
  offset: number,
  length: number,
  highWaterMark: number = DEFAULT_READ_CHUNK_BYTES,
  hooks: FileRangeHooks = {},
): Readable {
  for (const [name, value] of [['offset', offset], ['length', length], ['highWaterMark', highWaterMark]] as const) {
    if (!Number.isSafeInteger(value) || value < 0 || (name === 'highWaterMark' && value === 0)) {
      throw new OssError({ code: 'InvalidArgument', status: 0, retryable: false, message: `fileRangeStream: bad ${name} ${value}` });
    }
  }
  return new FileRangeStream(path, offset, length, highWaterMark, hooks);
}
