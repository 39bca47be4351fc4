import { describe, it, expect } from 'vitest';
import { mulberry32Uint32 } from '../emulator/faults/mulberry32';
import { randomBytes, randomCrc } from './test-support/random-data';
import { CRC64_MAX, crc64, crc64Combine } from './crc64';

// crc64Combine (../shared/oss-protocol.md §9): CRC(A‖B) from CRC(A), CRC(B) and |B|. The engine folds part CRCs
// with it and compares with Complete's `x-oss-hash-crc64ecma`; parts reach 5 GiB, so |B| > 2^32 must be exact.

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

// Independent reference for "push a CRC through n zero bytes", written in the other bit order and with BigInt:
// the register, bit-reversed, is a polynomial of degree < 64 (bit i = coefficient of x^i), and n zero bytes
// multiply it by x^(8n) mod P, P = x^64 + 0x42F0E1EBA9EA3693 (the ECMA polynomial in normal form).
const P_LOW = 0x42f0e1eba9ea3693n;
const X64 = 1n << 64n;

function reverse64(value: bigint): bigint {
  let out = 0n;
  for (let i = 0n; i < 64n; i++) if ((value >> i) & 1n) out |= 1n << (63n - i);
  return out;
}

function multiplyModP(a: bigint, b: bigint): bigint {
  let product = 0n;
  for (let i = 63n; i >= 0n; i--) {
    product <<= 1n;
    if (product & X64) product = (product ^ X64) ^ P_LOW;
    if ((b >> i) & 1n) product ^= a;
  }
  return product;
}

function powerOfXModP(exponent: bigint): bigint {
  let result = 1n;
  let base = 2n; // x
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = multiplyModP(result, base);
    base = multiplyModP(base, base);
  }
  return result;
}

function referenceZeroShift(crc: bigint, byteCount: bigint): bigint {
  return reverse64(multiplyModP(reverse64(crc), powerOfXModP(8n * byteCount)));
}

/** The same shift, computed the slow way: hash real zero bytes after crc, and remove the zeros' own CRC. */
function zeroShiftByHashing(crc: bigint, byteCount: number): bigint {
  const zeros = new Uint8Array(byteCount);
  return crc64(zeros, crc) ^ crc64(zeros);
}

describe('crc64Combine against hashing the concatenation', () => {
  it('matches for edge and random lengths of A and B', () => {
    const next = mulberry32Uint32(20);
    const lengths = [0, 1, 2, 7, 8, 9, 15, 16, 17, 63, 64, 65, 100, 1000, 4096, 65_537];
    for (let i = 0; i < 10; i++) lengths.push(next() % 20_000);
    for (const lengthA of [0, 1, 8, 13, 4099]) {
      const a = randomBytes(next, lengthA);
      for (const lengthB of lengths) {
        const b = randomBytes(next, lengthB);
        expect(crc64Combine(crc64(a), crc64(b), lengthB), `|A| ${lengthA}, |B| ${lengthB}`).toBe(crc64(concat(a, b)));
      }
    }
  });

  it('matches over a few MiB (8 MiB-class parts folded in order, as the engine does)', () => {
    const next = mulberry32Uint32(21);
    const parts = [3 << 20, (2 << 20) + 12_345, 1 << 20, 777].map((size) => randomBytes(next, size));
    let whole: Uint8Array = new Uint8Array(0);
    let folded = 0n;
    for (const part of parts) {
      folded = crc64Combine(folded, crc64(part), part.length);
      whole = concat(whole, part);
    }
    expect(folded).toBe(crc64(whole));
  });

  it('returns crcA for an empty B', () => {
    const next = mulberry32Uint32(22);
    for (let i = 0; i < 20; i++) {
      const a = randomCrc(next);
      expect(crc64Combine(a, 0n, 0)).toBe(a);
    }
    expect(crc64Combine(CRC64_MAX, 0n, 0)).toBe(CRC64_MAX);
  });
});

describe('crc64Combine for very long B', () => {
  it('the BigInt reference agrees with really hashing zero bytes (validates the reference)', () => {
    const next = mulberry32Uint32(30);
    for (let n = 0; n <= 70; n++) {
      const crc = randomCrc(next);
      expect(referenceZeroShift(crc, BigInt(n)), `n ${n}`).toBe(zeroShiftByHashing(crc, n));
    }
    const crc = randomCrc(next);
    expect(referenceZeroShift(crc, 100_003n)).toBe(zeroShiftByHashing(crc, 100_003));
  });

  it('is exact for |B| around and far beyond 2^32 (5 GiB parts), against the reference', () => {
    const next = mulberry32Uint32(31);
    const fiveGiB = 5 * 2 ** 30;
    const lengths = [2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 33 + 7, fiveGiB, fiveGiB + 12_345, 2 ** 40 + 3, Number.MAX_SAFE_INTEGER];
    for (const lengthB of lengths) {
      const crcA = randomCrc(next);
      const crcB = randomCrc(next);
      const expected = referenceZeroShift(crcA, BigInt(lengthB)) ^ crcB;
      expect(crc64Combine(crcA, crcB, lengthB), `|B| ${lengthB}`).toBe(expected);
    }
  });

  it('does not ignore the bits above 2^32 (a truncated length would give the short answer)', () => {
    const crcA = 0x995dc9bbdf1939fan;
    expect(crc64Combine(crcA, 0n, 2 ** 32 + 5)).not.toBe(crc64Combine(crcA, 0n, 5));
    expect(crc64Combine(crcA, 0n, 2 ** 32)).not.toBe(crcA);
  });

  it('is associative: combine(combine(a,b,n),c,m) = combine(a, combine(b,c,m), n+m) for large n, m', () => {
    const next = mulberry32Uint32(32);
    for (let i = 0; i < 50; i++) {
      // Up to ~2^44 each so that n + m stays a safe integer; some cases straddle 2^32.
      const n = next() * 2 ** (next() % 13) + (next() % 2);
      const m = next() * 2 ** (next() % 13) + (next() % 2);
      const [a, b, c] = [randomCrc(next), randomCrc(next), randomCrc(next)];
      const left = crc64Combine(crc64Combine(a, b, n), c, m);
      const right = crc64Combine(a, crc64Combine(b, c, m), n + m);
      expect(left, `n ${n}, m ${m}`).toBe(right);
    }
  });
});

describe('crc64Combine argument checks', () => {
  it.each([[-1], [1.5], [Number.NaN], [Number.POSITIVE_INFINITY], [2 ** 53]])('rejects lengthB %s', (lengthB) => {
    expect(() => crc64Combine(1n, 2n, lengthB)).toThrow(RangeError);
  });

  it('rejects CRCs outside 0..2^64-1', () => {
    expect(() => crc64Combine(-1n, 0n, 1)).toThrow(RangeError);
    expect(() => crc64Combine(0n, CRC64_MAX + 1n, 1)).toThrow(RangeError);
  });
});
