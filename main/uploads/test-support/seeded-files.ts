// TEST-ONLY: files of exact sizes with reproducible content, so a byte-for-byte comparison of an uploaded object
// against its source means something (no runs of zeros that a wrong offset could still match).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { mkdir } from 'node:fs/promises';

/** `size` pseudo-random bytes from `seed` (xorshift32: fast, and different for every offset). */
export function seededBytes(size: number, seed: number): Buffer {
  const buffer = Buffer.allocUnsafe(size);
  let x = (seed | 0) || 0x9e3779b9;
  let offset = 0;
  for (; offset + 4 <= size; offset += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    buffer.writeInt32LE(x | 0, offset);
  }
  for (; offset < size; offset += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    buffer[offset] = x & 0xff;
  }
  return buffer;
}

/** Writes a seeded file of `size` bytes at `path` (creating its directory); returns its content. */
export async function writeSeededFile(path: string, size: number, seed: number): Promise<Buffer> {
  const content = seededBytes(size, seed);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
  return content;
}

/** A fresh temporary directory and the function that deletes it. */
export async function makeTempDir(prefix: string): Promise<{ readonly path: string; readonly remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
