// TEST-ONLY (also used by bench/): large files of seeded pseudo-random bytes, written in chunks so a 2 GiB file never
// sits in memory. The same seed gives the same bytes, so a failure can be reproduced; random-looking content keeps
// any accidental compression or deduplication from flattering a result.
import { open } from 'node:fs/promises';

const CHUNK_BYTES = 4 * 1024 * 1024;

/** Fills `words` from a xorshift32 generator in `state`; returns the next state. */
function fill(words: Uint32Array, state: number): number {
  let x = state;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  return x;
}

/** Writes `sizeBytes` seeded bytes to `path` (replacing it). */
export async function writeSeededFile(path: string, sizeBytes: number, seed: number): Promise<void> {
  const buffer = Buffer.alloc(CHUNK_BYTES);
  const words = new Uint32Array(buffer.buffer, buffer.byteOffset, CHUNK_BYTES / 4);
  // xorshift32 must not start at 0.
  let state = (seed >>> 0) || 0x9e3779b9;
  const file = await open(path, 'w');
  try {
    for (let written = 0; written < sizeBytes; written += CHUNK_BYTES) {
      state = fill(words, state);
      const length = Math.min(CHUNK_BYTES, sizeBytes - written);
      await file.write(buffer, 0, length, written);
    }
  } finally {
    await file.close();
  }
}
