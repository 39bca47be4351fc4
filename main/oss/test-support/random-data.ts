// TEST-ONLY: reproducible random inputs for the CRC-64 and hashing tests, drawn from a seeded 32-bit generator
// (mulberry32Uint32) so every random case can be replayed from its seed.

/** `length` bytes from `next`, one generator value per byte. */
export function randomBytes(next: () => number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = next() & 0xff;
  return out;
}

/** A 64-bit CRC-like value from two generator values. */
export function randomCrc(next: () => number): bigint {
  return (BigInt(next()) << 32n) | BigInt(next());
}
