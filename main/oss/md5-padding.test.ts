import { describe, it, expect } from 'vitest';
import { md5Padding } from './md5-padding';

/** The padding RFC 1321 §3.1-3.2 describes, built with BigInt for the length: an independent reference. */
function referencePadding(totalBytes: number): Uint8Array {
  const out: number[] = [0x80];
  const rest = Number(BigInt(totalBytes) % 64n);
  while ((rest + out.length) % 64 !== 56) out.push(0);
  const bits = (BigInt(totalBytes) * 8n) & ((1n << 64n) - 1n);
  for (let i = 0n; i < 8n; i++) out.push(Number((bits >> (8n * i)) & 0xffn));
  return Uint8Array.from(out);
}

describe('md5Padding', () => {
  it('ends every message on a block boundary with 9 to 72 bytes', () => {
    for (let length = 0; length <= 200; length++) {
      const padding = md5Padding(length);
      expect((length + padding.length) % 64, `length ${length}`).toBe(0);
      expect(padding.length).toBeGreaterThanOrEqual(9);
      expect(padding.length).toBeLessThanOrEqual(72);
      expect(padding, `length ${length}`).toEqual(referencePadding(length));
    }
  });

  it('needs a second block from 56 bytes into a block on', () => {
    expect(md5Padding(55).length).toBe(9);
    expect(md5Padding(56).length).toBe(72);
    expect(md5Padding(63).length).toBe(65);
    expect(md5Padding(64).length).toBe(64);
  });

  it('encodes bit lengths past 2^32 and past 2^53 as 64-bit little-endian integers', () => {
    const MiB = 1024 * 1024;
    const GiB = 1024 * MiB;
    // 2^29 bytes is exactly 2^32 bits: the first length whose high word is not zero.
    for (const length of [2 ** 29 - 1, 2 ** 29, 600 * MiB + 13, 5 * GiB, 5 * GiB + 63, 2 ** 40 + 7, Number.MAX_SAFE_INTEGER]) {
      expect(md5Padding(length), `length ${length}`).toEqual(referencePadding(length));
    }
    const tail = md5Padding(2 ** 29).subarray(-8);
    expect([...tail]).toEqual([0, 0, 0, 0, 1, 0, 0, 0]);
  });

  it('refuses lengths that are not byte counts', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1]) expect(() => md5Padding(bad)).toThrow(RangeError);
  });
});
