// TEST-ONLY (also used by bench/): files of exact sizes with reproducible pseudo-random content, so a byte-for-byte
// comparison of an uploaded object against its source means something (no runs of zeros that a wrong offset could
// still match), and random-looking content keeps accidental compression or deduplication from flattering a result.
// One generator (xorshift32, word by word) serves both the in-memory and the streamed form: the same seed gives the
// same bytes either way.
import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Chunk of the streamed writer: a multiple of 4, so the word sequence continues unbroken across chunks. */
const STREAM_CHUNK_BYTES = 4 * 1024 * 1024;

/** xorshift32 must not start at 0. */
function initialState(seed: number): number {
  return seed >>> 0 || 0x9e3779b9;
}

/** Fills `words` from the generator in `state`; returns the next state. */
function fillWords(words: Uint32Array, state: number): number {
  let x = state;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  return x;
}

/** A buffer of `byteLength` (rounded up to whole words) and a word view over it. */
function wordBuffer(byteLength: number): { buffer: Buffer; words: Uint32Array } {
  const buffer = Buffer.alloc(Math.ceil(byteLength / 4) * 4);
  return { buffer, words: new Uint32Array(buffer.buffer, buffer.byteOffset, buffer.byteLength / 4) };
}

/** `size` pseudo-random bytes from `seed`. */
export function seededBytes(size: number, seed: number): Buffer {
  const { buffer, words } = wordBuffer(size);
  fillWords(words, initialState(seed));
  return buffer.subarray(0, size);
}

/** Writes a seeded file of `size` bytes at `path` (creating its directory); returns its content. */
export async function writeSeededFile(path: string, size: number, seed: number): Promise<Buffer> {
  const content = seededBytes(size, seed);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
  return content;
}

/**
 * Writes the same bytes as {@link writeSeededFile} without holding them: 4 MiB at a time, so a 2 GiB benchmark
 * file never sits in memory.
 */
export async function writeLargeSeededFile(path: string, size: number, seed: number): Promise<void> {
  const { buffer, words } = wordBuffer(STREAM_CHUNK_BYTES);
  let state = initialState(seed);
  await mkdir(dirname(path), { recursive: true });
  const file = await open(path, 'w');
  try {
    for (let written = 0; written < size; written += STREAM_CHUNK_BYTES) {
      state = fillWords(words, state);
      await file.write(buffer, 0, Math.min(STREAM_CHUNK_BYTES, size - written), written);
    }
  } finally {
    await file.close();
  }
}

/** A fresh temporary directory and the function that deletes it. */
export async function makeTempDir(prefix: string): Promise<{ readonly path: string; readonly remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
