import { chmod, mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileRangeStream, SOURCE_CHANGED, SOURCE_UNREADABLE } from './body-source';
import { isOssError } from './oss-error';

let dir = '';
let file = '';
const content = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 31 + 7) % 251));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'body-source-'));
  file = join(dir, 'data.bin');
  await writeFile(file, content);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function failure(stream: NodeJS.ReadableStream): Promise<{ code: string; message: string; status: number; retryable: boolean }> {
  try {
    await readAll(stream);
  } catch (error) {
    if (isOssError(error)) return error;
    throw error;
  }
  throw new Error('expected the stream to fail');
}

describe('fileRangeStream', () => {
  it.each([
    [0, 300_000, 65_536],
    [0, 1, 65_536],
    [102_400, 102_400, 4096],
    [299_999, 1, 512 * 1024],
    [12_345, 200_000, 1000],
  ])('reads exactly [%i, +%i) in chunks of at most %i', async (offset, length, chunk) => {
    const stream = fileRangeStream(file, offset, length, chunk);
    const chunks: Buffer[] = [];
    for await (const part of stream) chunks.push(part as Buffer);
    expect(Buffer.concat(chunks).equals(content.subarray(offset, offset + length))).toBe(true);
    expect(chunks.every((part) => part.byteLength <= chunk)).toBe(true);
  });

  it('an empty range yields nothing', async () => {
    expect((await readAll(fileRangeStream(file, 100, 0))).byteLength).toBe(0);
  });

  it('a file shorter than the range fails with SourceChanged, local and not retryable', async () => {
    const error = await failure(fileRangeStream(file, 250_000, 100_000));
    expect(error.code).toBe(SOURCE_CHANGED);
    expect(error.status).toBe(0);
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/file changed since the upload started/);
    expect(error.message).toMatch(/50000 bytes early/);
  });

  it('a file truncated between planning and reading fails with SourceChanged', async () => {
    const short = join(dir, 'shrinks.bin');
    await writeFile(short, content);
    await truncate(short, 1000);
    expect((await failure(fileRangeStream(short, 0, content.byteLength))).code).toBe(SOURCE_CHANGED);
  });

  it('a missing file fails with SourceChanged', async () => {
    const error = await failure(fileRangeStream(join(dir, 'gone.bin'), 0, 10));
    expect(error.code).toBe(SOURCE_CHANGED);
    expect(error.message).toMatch(/no longer exists/);
  });

  it('an unreadable source fails with SourceUnreadable', async () => {
    // A permission bit cannot stop root (CI runs as root), so use a source no one can read as a
    // file: a directory (EISDIR); where the tests are not root, a mode-000 file is checked too.
    const folder = join(dir, 'a-folder');
    await mkdir(folder);
    const error = await failure(fileRangeStream(folder, 0, 10));
    expect(error.code).toBe(SOURCE_UNREADABLE);
    if (process.getuid?.() !== 0) {
      const locked = join(dir, 'locked.bin');
      await writeFile(locked, content);
      await chmod(locked, 0o000);
      const denied = await failure(fileRangeStream(locked, 0, 10));
      expect(denied.code).toBe(SOURCE_UNREADABLE);
      expect(denied.message).toMatch(/EACCES/);
    }
  });

  it('destroying the stream early closes it without error', async () => {
    const stream = fileRangeStream(file, 0, content.byteLength, 1024);
    const closed = new Promise<void>((resolve) => stream.once('close', () => resolve()));
    stream.once('data', () => stream.destroy());
    stream.on('error', () => {
      throw new Error('unexpected error');
    });
    await closed;
    expect(stream.destroyed).toBe(true);
  });

  it.each([
    [-1, 10, undefined],
    [0, -1, undefined],
    [0.5, 10, undefined],
    [0, 10, 0],
  ])('rejects offset %d, length %d, highWaterMark %s', (offset, length, hwm) => {
    expect(() => fileRangeStream(file, offset, length, hwm)).toThrow(/bad/);
  });
});

describe('fileRangeStream hooks', () => {
  it('onChunk sees every chunk in order, before the reader does', async () => {
    const seen: Buffer[] = [];
    const read: Buffer[] = [];
    const stream = fileRangeStream(file, 1_000, 250_000, 64 * 1024, { onChunk: (chunk) => seen.push(Buffer.from(chunk)) });
    for await (const chunk of stream) {
      read.push(chunk as Buffer);
      expect(seen.length).toBeGreaterThanOrEqual(read.length);
    }
    expect(Buffer.concat(seen).equals(content.subarray(1_000, 251_000))).toBe(true);
    expect(Buffer.concat(read).equals(content.subarray(1_000, 251_000))).toBe(true);
  });

  it('beforePush delays each chunk until its promise resolves; undefined pushes at once', async () => {
    const asked: number[] = [];
    let release: (() => void) | undefined;
    const stream = fileRangeStream(file, 0, 3 * 1024, 1024, {
      beforePush: (bytes) => {
        asked.push(bytes);
        if (asked.length !== 2) return undefined;
        return new Promise<void>((resolve) => (release = resolve));
      },
    });
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise<void>((resolve) => stream.once('end', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(chunks).toHaveLength(1); // the second chunk waits
    release?.();
    await ended;
    expect(asked).toEqual([1024, 1024, 1024]);
    expect(Buffer.concat(chunks).equals(content.subarray(0, 3 * 1024))).toBe(true);
  });

  it('a rejected wait or a throwing onChunk fails the stream with that error', async () => {
    const waitError = new Error('limit wait failed');
    const waiting = fileRangeStream(file, 0, 10_000, 1024, { beforePush: () => Promise.reject(waitError) });
    await expect(readAll(waiting)).rejects.toBe(waitError);
    const hashError = new Error('hash failed');
    const hashing = fileRangeStream(file, 0, 10_000, 1024, {
      onChunk: () => {
        throw hashError;
      },
    });
    await expect(readAll(hashing)).rejects.toBe(hashError);
  });

  it('destroying the stream during a wait aborts the wait and closes the file', async () => {
    let waitSignal: AbortSignal | undefined;
    const stream = fileRangeStream(file, 0, 10_000, 1024, {
      beforePush: (_bytes, signal) => {
        waitSignal = signal;
        return new Promise<void>(() => undefined); // never resolves on its own
      },
    });
    stream.resume();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(waitSignal?.aborted).toBe(false);
    const closed = new Promise<void>((resolve) => stream.once('close', () => resolve()));
    stream.destroy();
    await closed;
    expect(waitSignal?.aborted).toBe(true);
  });
});

describe('fileRangeStream buffer reuse', () => {
  /** Reads a stream, keeping a copy of each chunk and the memory it arrived in. */
  async function readTracked(stream: NodeJS.ReadableStream): Promise<{ copies: Buffer[]; memory: ArrayBufferLike[] }> {
    const copies: Buffer[] = [];
    const memory: ArrayBufferLike[] = [];
    for await (const chunk of stream) {
      copies.push(Buffer.from(chunk as Buffer));
      memory.push((chunk as Buffer).buffer);
    }
    return { copies, memory };
  }

  it('reads into a buffer again only after six later chunks went out, and the bytes stay right', async () => {
    const { copies, memory } = await readTracked(fileRangeStream(file, 0, content.byteLength, 16 * 1024, { reuseBuffers: true }));
    expect(Buffer.concat(copies).equals(content)).toBe(true);
    let reused = 0;
    memory.forEach((buffer, i) => {
      const before = i === 0 ? -1 : memory.lastIndexOf(buffer, i - 1);
      if (before < 0) return;
      reused += 1;
      expect(i - before).toBeGreaterThanOrEqual(7); // six chunks pushed in between
    });
    expect(reused).toBeGreaterThan(5);
  });

  it('allocates every chunk afresh without reuseBuffers', async () => {
    const { memory } = await readTracked(fileRangeStream(file, 0, content.byteLength, 16 * 1024));
    expect(new Set(memory).size).toBe(memory.length);
  });

  it('hands a finished stream\'s buffers to the next stream only through recycleBuffers()', async () => {
    const chunkBytes = 20_000; // a size no other test uses: the spares are shared by every stream of the process
    const first = fileRangeStream(file, 0, 200_000, chunkBytes, { reuseBuffers: true });
    const firstMemory = new Set((await readTracked(first)).memory);
    const unrecycled = await readTracked(fileRangeStream(file, 0, 200_000, chunkBytes, { reuseBuffers: true }));
    expect(unrecycled.memory.some((buffer) => firstMemory.has(buffer))).toBe(false);
    first.recycleBuffers();
    const next = await readTracked(fileRangeStream(file, 0, 200_000, chunkBytes, { reuseBuffers: true }));
    expect(firstMemory.has(next.memory[0] ?? new ArrayBuffer(0))).toBe(true);
    expect(Buffer.concat(next.copies).equals(content.subarray(0, 200_000))).toBe(true);
  });
});
