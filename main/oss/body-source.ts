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
  /**
   * Read into buffers again once REUSE_AFTER_PUSHES later chunks went out (see below). Only for a consumer that is
   * done with each chunk by then, as undici sending a request body is; never for one that keeps chunks.
   */
  readonly reuseBuffers?: boolean | undefined;
}

/**
 * Read buffers are reused instead of allocated per read. A fresh 256 KiB Buffer per read is external memory that V8
 * must collect: in one 1 GiB engine upload in four or five, V8 then fell into "external memory pressure" collections,
 * ~40 full mark-compacts per GiB and 0.5-1 s of the emulator waiting (bench/README.md). Nothing reports when a socket
 * has written a chunk, so a stream reuses a buffer only once REUSE_AFTER_PUSHES later chunks have been pushed: a chunk
 * moves through at most four places before the socket has it all (this stream's buffer, the counting Transform's two
 * sides in transport-body.ts, and the one write undici keeps pending: it pauses the body until 'drain' after every
 * chunk of 16 KiB or more). Should that ever stop holding, a part would carry bytes other than those hashed, and the
 * server's MD5 and CRC-64 would reject it (IntegrityMismatch, retried): never a wrong object. upload-engine.test.ts
 * uploads against a throttled emulator so that writes wait: that test fails with 1 here and passes from 2 on.
 */
const REUSE_AFTER_PUSHES = 6;

/**
 * Full-size buffers of finished requests (the server answered, so it has every byte), for the next streams of the
 * same chunk size; bounded so that a burst of parallel parts does not leave memory behind.
 */
class SpareReadBuffers {
  readonly #spare = new Map<number, Buffer[]>();
  #bytes = 0;

  constructor(private readonly maxBytes: number) {}

  take(size: number): Buffer | undefined {
    const buffer = this.#spare.get(size)?.pop();
    if (buffer !== undefined) this.#bytes -= size;
    return buffer;
  }

  give(buffer: Buffer): void {
    if (this.#bytes + buffer.byteLength > this.maxBytes) return;
    let list = this.#spare.get(buffer.byteLength);
    if (list === undefined) {
      list = [];
      this.#spare.set(buffer.byteLength, list);
    }
    list.push(buffer);
    this.#bytes += buffer.byteLength;
  }
}

/** Eight parts in flight of (REUSE_AFTER_PUSHES + 1) × 256 KiB each fit. */
const spareReadBuffers = new SpareReadBuffers(16 * 1024 * 1024);

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

/** A file range stream (fileRangeStream) whose read buffers can go to the next streams once its request is answered. */
export interface FileRangeReadable extends Readable {
  /**
   * Call only after the server answered the request this stream was the body of (it then has every byte): the
   * buffers are read into again by later streams. Not after a failure, when a write may still hold one.
   */
  recycleBuffers(): void;
}

/** The byte range `[offset, offset + length)` of a file, read by position with its own file descriptor. */
class FileRangeStream extends Readable implements FileRangeReadable {
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
  /** Full-size buffers pushed so far and not reused yet, oldest first, with the push count each went out at. */
  readonly #pushed: { readonly buffer: Buffer; readonly at: number }[] = [];
  #pushes = 0;

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
    const buffer = this.#bufferFor(Math.min(remaining, this.#chunkBytes));
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

  /** A buffer to read the next `size` bytes into: one pushed long enough ago, a spare, or a new one. */
  #bufferFor(size: number): Buffer {
    if (this.#hooks.reuseBuffers === true && size === this.#chunkBytes) {
      const oldest = this.#pushed[0];
      if (oldest !== undefined && this.#pushes - oldest.at >= REUSE_AFTER_PUSHES) {
        this.#pushed.shift();
        return oldest.buffer;
      }
      const spare = spareReadBuffers.take(size);
      if (spare !== undefined) return spare;
    }
    return Buffer.allocUnsafe(size);
  }

  #push(chunk: Buffer): void {
    this.#pushes += 1;
    // Short chunks (the last of a range, or a short read) are views the stream does not reuse.
    if (this.#hooks.reuseBuffers === true && chunk.byteLength === this.#chunkBytes) this.#pushed.push({ buffer: chunk, at: this.#pushes });
    this.push(chunk);
  }

  /** Hands every buffer this stream read into to the spares: only once the request that sent them was answered. */
  recycleBuffers(): void {
    for (const { buffer } of this.#pushed.splice(0)) spareReadBuffers.give(buffer);
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
      this.#push(chunk);
      return;
    }
    wait.then(
      () => {
        if (!this.destroyed) this.#push(chunk);
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
): FileRangeReadable {
  for (const [name, value] of [['offset', offset], ['length', length], ['highWaterMark', highWaterMark]] as const) {
    if (!Number.isSafeInteger(value) || value < 0 || (name === 'highWaterMark' && value === 0)) {
      throw new OssError({ code: 'InvalidArgument', status: 0, retryable: false, message: `fileRangeStream: bad ${name} ${value}` });
    }
  }
  return new FileRangeStream(path, offset, length, highWaterMark, hooks);
}
