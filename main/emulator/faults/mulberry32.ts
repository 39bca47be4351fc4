// mulberry32: a tiny, fast 32-bit PRNG with good enough statistics for fault injection and for seeded test data.
// Seeded, so the same seed always yields the same sequence (tests rely on that to replay a fault pattern). The one
// implementation in the project: tests import it rather than keep copies.

/** A generator of unsigned 32-bit integers from a 32-bit seed. */
export function mulberry32Uint32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** A generator of floats in [0, 1) from a 32-bit seed (the same sequence as {@link mulberry32Uint32}, / 2^32). */
export function mulberry32(seed: number): () => number {
  const next = mulberry32Uint32(seed);
  return () => next() / 4294967296;
}
