import { describe, it, expect } from 'vitest';
import { mulberry32Uint32 } from '../emulator/faults/mulberry32';
import { randomBytes, randomCrc } from './test-support/random-data';
import { CRC64_MAX, Crc64, crc64 } from './crc64';
import { createWasmCrc64Kernel, WASM_WINDOW_BYTES, type Crc64Kernel } from './crc64-wasm';

const POLY = 0xc96c5795d7870f42n;
const MASK32 = 0xffffffffn;

/** Slice-by-8 tables built independently of crc64.ts, with BigInt, split into the int32 halves the kernel takes. */
function tables(): { lo: Int32Array[]; hi: Int32Array[] } {
  const full: bigint[][] = [[]];
  for (let b = 0; b < 256; b++) {
    let c = BigInt(b);
    for (let bit = 0; bit < 8; bit++) c = c & 1n ? (c >> 1n) ^ POLY : c >> 1n;
    full[0]?.push(c);
  }
  for (let k = 1; k < 8; k++) {
    const prev = full[k - 1] ?? [];
    full.push(prev.map((entry) => (full[0]?.[Number(entry & 0xffn)] ?? 0n) ^ (entry >> 8n)));
  }
  return {
    lo: full.map((t) => Int32Array.from(t, (v) => Number(BigInt.asIntN(32, v & MASK32)))),
    hi: full.map((t) => Int32Array.from(t, (v) => Number(BigInt.asIntN(32, v >> 32n)))),
  };
}

/** Runs the kernel the way crc64.ts does: complemented register in, complemented register out. */
function kernelCrc(kernel: Crc64Kernel, data: Uint8Array, previous = 0n): bigint {
  const start = previous ^ CRC64_MAX;
  const register = new Int32Array([Number(BigInt.asIntN(32, start & MASK32)), Number(BigInt.asIntN(32, start >> 32n))]);
  kernel(register, data);
  return ((BigInt(register[1] ?? 0) & MASK32) << 32n | (BigInt(register[0] ?? 0) & MASK32)) ^ CRC64_MAX;
}

/** Bit-at-a-time reference with BigInt, as the textbook reflected CRC. */
function referenceCrc64(data: Uint8Array, previous = 0n): bigint {
  let crc = previous ^ CRC64_MAX;
  for (const byte of data) {
    crc ^= BigInt(byte);
    for (let bit = 0; bit < 8; bit++) crc = crc & 1n ? (crc >> 1n) ^ POLY : crc >> 1n;
  }
  return crc ^ CRC64_MAX;
}

/** The JavaScript loop of crc64.ts only: pieces below the size at which it hands over to the kernel. */
function javascriptCrc64(data: Uint8Array, previous = 0n): bigint {
  const crc = new Crc64(previous);
  for (let at = 0; at < data.length; at += 1000) crc.update(data.subarray(at, at + 1000));
  return crc.digest();
}

function makeKernel(): Crc64Kernel {
  const { lo, hi } = tables();
  const kernel = createWasmCrc64Kernel(lo, hi);
  if (kernel === undefined) throw new Error('WebAssembly is available in Node 20; the kernel must build');
  return kernel;
}

describe('createWasmCrc64Kernel', () => {
  it('gives the check value of CRC-64/XZ for "123456789"', () => {
    expect(kernelCrc(makeKernel(), new TextEncoder().encode('123456789'))).toBe(0x995dc9bbdf1939fan);
  });

  it('matches the bitwise reference for every length 0..80 and unaligned starts, continuing from a previous CRC', () => {
    const kernel = makeKernel();
    const next = mulberry32Uint32(7);
    const data = randomBytes(next, 200);
    for (let length = 0; length <= 80; length++) {
      for (const start of [0, 1, 3, 5]) {
        const previous = randomCrc(next);
        const slice = data.subarray(start, start + length);
        expect(kernelCrc(kernel, slice, previous), `length ${length}, start ${start}`).toBe(referenceCrc64(slice, previous));
      }
    }
  });

  it('matches the JavaScript loop across several windows, on an unaligned view', () => {
    const kernel = makeKernel();
    const data = randomBytes(mulberry32Uint32(11), 2 * WASM_WINDOW_BYTES + 12_345).subarray(3);
    expect(kernelCrc(kernel, data)).toBe(javascriptCrc64(data));
  });

  it('joins the four stripes of a block correctly: lengths around one and two 16 KiB blocks, unaligned, continued', () => {
    const kernel = makeKernel();
    const next = mulberry32Uint32(5);
    const data = randomBytes(next, 2 * 16_384 + 64);
    for (const length of [16_383, 16_384, 16_385, 16_384 + 8, 32_767, 32_768, 32_768 + 9]) {
      for (const start of [0, 1, 7]) {
        const previous = randomCrc(next);
        const slice = data.subarray(start, start + length);
        expect(kernelCrc(kernel, slice, previous), `length ${length}, start ${start}`).toBe(javascriptCrc64(slice, previous));
      }
    }
    // One block against the bitwise reference too, which shares no table with either implementation.
    const block = data.subarray(3, 3 + 16_384);
    expect(kernelCrc(kernel, block, 0x0123456789abcdefn)).toBe(referenceCrc64(block, 0x0123456789abcdefn));
  });

  it('refuses tables of the wrong shape', () => {
    const { lo, hi } = tables();
    expect(() => createWasmCrc64Kernel(lo.slice(0, 7), hi)).toThrow(RangeError);
    expect(() => createWasmCrc64Kernel(lo, [...hi.slice(0, 7), new Int32Array(255)])).toThrow(RangeError);
  });
});

describe('crc64 on large inputs (the kernel wired into crc64.ts)', () => {
  it('agrees with the JavaScript loop for one-shot, incremental and continued hashing', () => {
    const data = randomBytes(mulberry32Uint32(23), WASM_WINDOW_BYTES + 70_001);
    const expected = javascriptCrc64(data);
    expect(crc64(data)).toBe(expected);
    expect(new Crc64().update(data.subarray(0, 5000)).update(data.subarray(5000)).digest()).toBe(expected);
    expect(crc64(data.subarray(40_000), crc64(data.subarray(0, 40_000)))).toBe(expected);
  });
});
