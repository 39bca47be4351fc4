// CRC-64 as OSS computes it for `x-oss-hash-crc64ecma` and `<HashCrc64ecma>` (../shared/oss-protocol.md §9):
// Go `hash/crc64` with the ECMA table, i.e. CRC-64/XZ — reflected polynomial 0xC96C5795D7870F42, init and final
// XOR all ones. The wire form is the unsigned 64-bit value in decimal.
//
// Why hand-written: every uploaded byte goes through this code (issue 3 item 4: MD5 and CRC-64 are computed as the
// bytes go out), so it must not be the bottleneck. The npm crc64 packages are either BigInt per byte (a table-driven
// BigInt loop measured ~9 MiB/s here, two orders of magnitude too slow) or native addons that need a build step for
// every Electron/Node ABI.
//
// How it is fast: the 64-bit register is kept as two int32 halves, and the data is read as aligned little-endian
// 32-bit words through an Int32Array view, 8 bytes per step, with slice-by-8 tables (table k holds the CRC of a byte
// followed by k zero bytes; 8 tables × 256 entries × lo/hi halves = 16 KiB, fits in L1). BigInt appears only at the
// API boundary (digest, previous). Measured with `npm run bench:hash` and side-by-side prototypes on the 2-core
// dev VM (AMD EPYC, Node 20, 1 MiB and 64 KiB chunks): ~1,100 MiB/s against ~635 MiB/s for node:crypto MD5 in the
// same process (ratio ~1.7; the goal is ≥ 1.2). Rejected in the same measurements: this loop reading single bytes
// instead of words (~750 MiB/s, ratio 1.17), one flat table array indexed with offsets (~920), lo/hi entries
// interleaved in one array (~820), slice-by-16 (~1,000: more loads per byte outweigh the shorter dependency chain).
// Int32Array rather than Uint32Array for the tables: the same speed, and every load is already the int32 that the
// bitwise operators work on.
//
// Inputs of 4 KiB and more (every upload chunk) go through the same loop in WebAssembly instead (crc64-wasm.ts),
// which has native 64-bit words: a CPU profile of the engine uploading 512 MiB on loopback showed CRC-64 as the
// largest single cost on its main thread (more than MD5); with the kernel the engine's CPU fell from ~7.2 to ~5.6 s/GiB.
// The kernel now runs four stripes of each 16 KiB block side by side (~1,900 MiB/s).

import { createWasmCrc64Kernel } from './crc64-wasm';

/** Reflected ECMA-182 polynomial, as its low and high 32-bit halves (0xC96C5795_D7870F42). */
const POLY_LO = 0xd7870f42 | 0;
const POLY_HI = 0xc96c5795 | 0;

/** Largest value a CRC-64 can take (2^64 − 1). */
export const CRC64_MAX = (1n << 64n) - 1n;

/** True on little-endian hosts (every platform Node and Electron ship for); the word path assumes it. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Below this the word path's setup costs more than it saves (measured: the byte loop wins under ~48 bytes). */
const WORD_PATH_MIN_BYTES = 64;

/** Table 0: CRC register after one byte b, starting from b in the low bits (Sarwate's byte table). */
function buildByteTable(): [Int32Array, Int32Array] {
  const lo = new Int32Array(256);
  const hi = new Int32Array(256);
  for (let b = 0; b < 256; b++) {
    let l = b;
    let h = 0;
    for (let bit = 0; bit < 8; bit++) {
      const mask = -(l & 1); // all ones when the bit shifted out is set
      l = ((l >>> 1) | (h << 31)) ^ (POLY_LO & mask);
      h = (h >>> 1) ^ (POLY_HI & mask);
    }
    lo[b] = l;
    hi[b] = h;
  }
  return [lo, hi];
}

/** Table k+1 from table k: the entry for b pushed through one more zero byte. */
function buildNextTable(prevLo: Int32Array, prevHi: Int32Array): [Int32Array, Int32Array] {
  const lo = new Int32Array(256);
  const hi = new Int32Array(256);
  for (let b = 0; b < 256; b++) {
    // Both indexes are in 0..255 on 256-entry tables.
    const l = prevLo[b]!;
    const h = prevHi[b]!;
    const x = l & 0xff;
    lo[b] = L0[x]! ^ ((l >>> 8) | (h << 24));
    hi[b] = H0[x]! ^ (h >>> 8);
  }
  return [lo, hi];
}

const [L0, H0] = buildByteTable();
const [L1, H1] = buildNextTable(L0, H0);
const [L2, H2] = buildNextTable(L1, H1);
const [L3, H3] = buildNextTable(L2, H2);
const [L4, H4] = buildNextTable(L3, H3);
const [L5, H5] = buildNextTable(L4, H4);
const [L6, H6] = buildNextTable(L5, H5);
const [L7, H7] = buildNextTable(L6, H6);

/** The eight slice-by-8 tables as int32 halves (table k: a byte pushed through k more zero bytes), for WebAssembly kernels. */
export const CRC64_SLICE_TABLES: { readonly lo: readonly Int32Array[]; readonly hi: readonly Int32Array[] } = {
  lo: [L0, L1, L2, L3, L4, L5, L6, L7],
  hi: [H0, H1, H2, H3, H4, H5, H6, H7],
};

/** Longest run the word loop takes in one go, so that its index arithmetic (`>>> 3`) stays in 32 bits. */
const MAX_RUN_BYTES = 64 * 1024 * 1024;

// Every `!` below reads a 256-entry table at an index masked to 0..255 (or `>>> 24`, also ≤ 255), a byte of `data`
// below its length, or a word of `words` below its length, or one of the two halves of a register: all in bounds.

/**
 * The same slice-by-8 loop in WebAssembly with native 64-bit words, four chains side by side (crc64-wasm.ts: ~2×
 * this file's loop), used for inputs of at least WASM_MIN_BYTES, where its fixed cost per call (a copy into its
 * memory) is lost in the hashing.
 */
const wasmKernel = LITTLE_ENDIAN ? createWasmCrc64Kernel(CRC64_SLICE_TABLES.lo, CRC64_SLICE_TABLES.hi) : undefined;
const WASM_MIN_BYTES = 4096;

/** Feeds `data` into a register: [lo, hi] int32 halves of the complemented CRC, as Go's Update keeps it. */
function updateRegister(register: Int32Array, data: Uint8Array): void {
  if (wasmKernel !== undefined && data.length >= WASM_MIN_BYTES) {
    wasmKernel(register, data);
    return;
  }
  if (data.length <= MAX_RUN_BYTES) {
    updateRun(register, data);
    return;
  }
  for (let at = 0; at < data.length; at += MAX_RUN_BYTES) updateRun(register, data.subarray(at, at + MAX_RUN_BYTES));
}

/** Sarwate's byte-at-a-time loop over data[from..to): short inputs, unaligned heads and tails. */
function updateBytes(register: Int32Array, data: Uint8Array, from: number, to: number): void {
  let lo = register[0]!;
  let hi = register[1]!;
  for (let i = from; i < to; i++) {
    const x = (lo ^ data[i]!) & 0xff;
    lo = L0[x]! ^ ((lo >>> 8) | (hi << 24));
    hi = H0[x]! ^ (hi >>> 8);
  }
  register[0] = lo;
  register[1] = hi;
}

/**
 * Slice-by-8 over aligned 32-bit words. The shape is measured, not incidental (V8 in Node 20): keeping the word loop
 * in this function and the byte loops in updateBytes runs at ~1,100 MiB/s; with a byte loop in the same function,
 * or the word loop moved to its own function, ~970; deriving the step count with Math.floor instead of `>>> 3`, ~960.
 */
function updateRun(register: Int32Array, data: Uint8Array): void {
  const length = data.length;
  if (!LITTLE_ENDIAN || length < WORD_PATH_MIN_BYTES) {
    updateBytes(register, data, 0, length);
    return;
  }
  // An Int32Array view must start on a 4-byte boundary: the unaligned head goes a byte at a time.
  const head = (4 - (data.byteOffset & 3)) & 3;
  updateBytes(register, data, 0, head);
  const steps = (length - head) >>> 3; // length ≤ MAX_RUN_BYTES
  const wordCount = steps * 2;
  // One small view object per call (not per byte, and no copy); reading single bytes instead is ~30% slower.
  const words = new Int32Array(data.buffer, data.byteOffset + head, wordCount);
  let lo = register[0]!;
  let hi = register[1]!;
  for (let w = 0; w < wordCount; w += 2) {
    lo ^= words[w]!;
    hi ^= words[w + 1]!;
    const b0 = lo & 0xff, b1 = (lo >>> 8) & 0xff, b2 = (lo >>> 16) & 0xff, b3 = lo >>> 24;
    const b4 = hi & 0xff, b5 = (hi >>> 8) & 0xff, b6 = (hi >>> 16) & 0xff, b7 = hi >>> 24;
    lo = L7[b0]! ^ L6[b1]! ^ L5[b2]! ^ L4[b3]! ^ L3[b4]! ^ L2[b5]! ^ L1[b6]! ^ L0[b7]!;
    hi = H7[b0]! ^ H6[b1]! ^ H5[b2]! ^ H4[b3]! ^ H3[b4]! ^ H2[b5]! ^ H1[b6]! ^ H0[b7]!;
  }
  register[0] = lo;
  register[1] = hi;
  updateBytes(register, data, head + steps * 8, length);
}

function assertCrc64(value: bigint, name: string): void {
  if (value < 0n || value > CRC64_MAX) throw new RangeError(`${name} is not an unsigned 64-bit CRC: ${value}`);
}

/** A register ([lo, hi] int32 halves of the complemented CRC) holding `previous`, for kernels that keep their own. */
export function crc64Register(previous = 0n): Int32Array {
  assertCrc64(previous, 'previous');
  const register = new Int32Array(2);
  loadRegister(register, previous);
  return register;
}

/** Feeds `data` into a register made by {@link crc64Register}. */
export function updateCrc64Register(register: Int32Array, data: Uint8Array): void {
  updateRegister(register, data);
}

/** The CRC value a register holds. */
export function crc64OfRegister(register: Int32Array): bigint {
  return readRegister(register);
}

/** Loads a CRC value into a register as complemented halves (Go's `crc = ^crc` before updating). */
function loadRegister(register: Int32Array, crc: bigint): void {
  register[0] = ~Number(crc & 0xffffffffn);
  register[1] = ~Number(crc >> 32n);
}

/** Reads the CRC value back from a register (Go's `return ^crc`). */
function readRegister(register: Int32Array): bigint {
  // Indexes 0 and 1 of a 2-element register.
  return (BigInt(~register[1]! >>> 0) << 32n) | BigInt(~register[0]! >>> 0);
}

/** Scratch register for the one-shot function (synchronous, so never shared between two calls). */
const oneShotRegister = new Int32Array(2);

/** CRC-64/ECMA of `data`, continuing from `previous`, the CRC of the bytes before it (so crc64(B, crc64(A)) is the CRC of A‖B). */
export function crc64(data: Uint8Array, previous = 0n): bigint {
  assertCrc64(previous, 'previous');
  loadRegister(oneShotRegister, previous);
  updateRegister(oneShotRegister, data);
  return readRegister(oneShotRegister);
}

/** Incremental CRC-64/ECMA: update() allocates nothing per byte and copies nothing; digest() is cheap and repeatable. */
export class Crc64 {
  private readonly register = new Int32Array(2);

  /** Starts from `previous`, the CRC of bytes already hashed elsewhere (0n for a fresh hash). */
  constructor(previous = 0n) {
    this.reset(previous);
  }

  /** Adds the next bytes. */
  update(chunk: Uint8Array): this {
    updateRegister(this.register, chunk);
    return this;
  }

  /** The CRC of every byte so far; the hash can go on being updated afterwards. */
  digest(): bigint {
    return readRegister(this.register);
  }

  /** Starts again from `previous` (0n by default). */
  reset(previous = 0n): this {
    assertCrc64(previous, 'previous');
    loadRegister(this.register, previous);
    return this;
  }
}

// ---- combine ------------------------------------------------------------------------------------------------
// zlib's crc32_combine (the multmodp/x2nmodp form of zlib ≥ 1.2.12) ported to 64 bits. It gives the same result as
// the operator-matrix form gov2 `CRC64Combine` uses (§9) with 64 steps per multiplication instead of 64×64 matrix
// squarings. Values are polynomials over GF(2) in the reflected bit order of the register: bit 63 is x^0.
// Not on the per-byte path (once per part), but kept in int32 halves: ~3 µs per call, so folding 10,000 parts
// takes ~30 ms (measured; with BigInt arithmetic each step would cost an allocation).

/** a·b mod P for reflected 64-bit polynomials given as int32 halves; returns [lo, hi]. */
function multiplyModP(aLo: number, aHi: number, bLo: number, bHi: number): [number, number] {
  let pLo = 0;
  let pHi = 0;
  for (let i = 0; i < 64; i++) {
    // Coefficient of x^i in a sits at bit 63 − i.
    const bit = i < 32 ? (aHi >>> (31 - i)) & 1 : (aLo >>> (63 - i)) & 1;
    if (bit !== 0) {
      pLo ^= bLo;
      pHi ^= bHi;
    }
    // b ← b·x mod P: a right shift in reflected order, folding the polynomial back in when x^63 overflows.
    const mask = -(bLo & 1);
    bLo = ((bLo >>> 1) | (bHi << 31)) ^ (POLY_LO & mask);
    bHi = (bHi >>> 1) ^ (POLY_HI & mask);
  }
  return [pLo, pHi];
}

/** X2N[k] = x^(2^k) mod P; 64 entries cover 8 × 2^53 bits, every safe-integer byte count. */
const X2N_LO = new Int32Array(64);
const X2N_HI = new Int32Array(64);
{
  let lo = 0;
  let hi = 1 << 30; // x^1 is bit 62
  for (let k = 0; k < 64; k++) {
    X2N_LO[k] = lo;
    X2N_HI[k] = hi;
    [lo, hi] = multiplyModP(lo, hi, lo, hi);
  }
}

/** x^(8·byteCount) mod P: the operator that pushes a CRC through `byteCount` zero bytes. */
function zeroBytesOperator(byteCount: number): [number, number] {
  let lo = 0;
  let hi = 1 << 31; // x^0 is bit 63
  let n = byteCount;
  let k = 3; // 8 bits per byte = 2^3
  while (n > 0) {
    // Arithmetic, not bitwise, because byte counts go past 2^32 (a 5 GiB part).
    if (n % 2 === 1) [lo, hi] = multiplyModP(X2N_LO[k]!, X2N_HI[k]!, lo, hi); // k ≤ 3 + 53 < 64
    n = Math.floor(n / 2);
    k++;
  }
  return [lo, hi];
}

/** CRC of A‖B from crcA, crcB and B's length in bytes (any safe integer, 5 GiB and beyond); combine(x, y, 0) = x. */
export function crc64Combine(crcA: bigint, crcB: bigint, lengthB: number): bigint {
  assertCrc64(crcA, 'crcA');
  assertCrc64(crcB, 'crcB');
  if (!Number.isSafeInteger(lengthB) || lengthB < 0) throw new RangeError(`lengthB is not a byte count: ${lengthB}`);
  if (lengthB === 0) return crcA; // zlib returns crc1 too; crcB of no bytes is 0 in any case
  const [opLo, opHi] = zeroBytesOperator(lengthB);
  const [lo, hi] = multiplyModP(opLo, opHi, Number(crcA & 0xffffffffn) | 0, Number(crcA >> 32n) | 0);
  return ((BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0)) ^ crcB;
}

// ---- wire form ----------------------------------------------------------------------------------------------

/** Canonical unsigned decimal as Go's strconv.FormatUint writes it: no sign, no spaces, no leading zeros. */
const DECIMAL_U64 = /^(?:0|[1-9][0-9]{0,19})$/;

/** Parses an `x-oss-hash-crc64ecma` / `<HashCrc64ecma>` value; undefined unless it is a canonical decimal ≤ 2^64 − 1. */
export function parseCrc64(value: string): bigint | undefined {
  if (!DECIMAL_U64.test(value)) return undefined;
  const parsed = BigInt(value);
  return parsed <= CRC64_MAX ? parsed : undefined;
}

/** The wire form of a CRC-64: unsigned decimal. */
export function formatCrc64(value: bigint): string {
  assertCrc64(value, 'value');
  return value.toString(10);
}
