// Four MD5 + CRC-64 streams at once in WebAssembly: MD5 with one stream per 32-bit lane of a v128 (SIMD), and each
// stream's CRC-64 alongside in scalar i64 code (issue 3, engine CPU).
// MD5 is serial within one stream, but the engine hashes several parts at once; with one stream per lane, the same
// vector instructions advance four streams. Measured on the 2-core dev VM (AMD EPYC, Node 20, random data from a
// 32 MiB pool): ~1,750-1,800 MiB/s aggregate with the data already in the windows and ~1,450-1,500 MiB/s with the copy
// into them, against ~580 MiB/s for node:crypto's MD5 (OpenSSL) in the same process.
// Rejected in the same measurements: the textbook order `b + rotl(a + F + K + M)` (~16 % slower: F, on the critical
// path, then waits for two adds instead of one); v128.bitselect for F and G (~3 % slower than the explicit forms
// below); K as v128.const or i32x4.splat (~5 % slower than a load); message vectors gathered with load32_zero +
// load32_lane (as fast as the transpose below, within noise); two interleaved groups of four lanes (8 streams: no
// faster per byte; the step is then bound by instruction throughput rather than latency); windows of 8 KiB to 256 KiB
// (all within noise; 64 KiB keeps the four windows in L2). Loading each row once in the transpose gained ~2 %.
//
// CRC-64 rides along (issue 3 item 4 wants both hashes of every byte): each lane also runs crc64.ts's slice-by-8
// step over its own blocks, one 8-byte word after every second MD5 step. An MD5 step waits on the one before it, and
// the CRC's independent table loads fill the issue slots it leaves idle. 1 GiB over the four lanes on the dev VM,
// three rounds: MD5 alone ~580-600 ms, MD5 then crc64-wasm.ts's four-stripe CRC over the same bytes ~1,075 ms, both
// in this kernel ~775 ms; and the CRC no longer needs its own copy of the bytes. Each lane's CRC takes only the
// first crcBlockCounts[lane] blocks of a call (a select per block), so MD5 padding stays out of it.
//
// The module is assembled here from its instructions (no build step, no binary blob), as crc64-wasm.ts does, and its
// 64 steps are generated from the tables of RFC 1321 §3.4. One function `b(n)`: for block k = 0..n−1, every lane
// whose count (COUNTS_AT) is above k hashes the 64 bytes at offset 64·k of its window; lanes whose count is reached
// compute on whatever bytes are there and keep their state (a mask), so each lane can take a different number of
// blocks in one call. States are four v128 at STATE_AT (A, B, C, D: word r·4 + lane), so one call loads and stores
// them once, not per block; the CRC registers are four i64 at CRC_AT, the slice-by-8 tables after the windows.

import { CRC64_SLICE_TABLES } from './crc64';
import { sliceBy8, writeSliceTables } from './crc64-wasm';
import { I32, I64, instantiateKernel, OP, singleFunctionModule, sleb, uleb, V128 } from './wasm-assembly';

/** One MD5 stream per 32-bit lane of a v128. */
export const MD5_LANES = 4;
/** Bytes of each lane's input window; a call hashes at most this much per lane. */
export const MD5_LANE_WINDOW_BYTES = 64 * 1024;
const BLOCK_BYTES = 64;
const MAX_BLOCKS = MD5_LANE_WINDOW_BYTES / BLOCK_BYTES;

/** Memory layout: states, per-lane block counts, the K table (one v128 per step), one transposed block, windows. */
const STATE_AT = 0;
const COUNTS_AT = 64;
const K_AT = 128;
const SCRATCH_AT = K_AT + 64 * 16;
const WINDOWS_AT = 4096;
/** CRC-64 registers (complemented, one i64 per lane) after the scratch block, per-lane CRC block counts, the tables. */
const CRC_AT = SCRATCH_AT + 16 * 16;
const CRC_COUNTS_AT = CRC_AT + 8 * MD5_LANES; // ends well before WINDOWS_AT
const CRC_TABLES_AT = WINDOWS_AT + MD5_LANES * MD5_LANE_WINDOW_BYTES;
const CRC_TABLES_BYTES = 8 * 256 * 8;

/** RFC 1321 §3.4: per-round shift amounts, K[i] = floor(|sin(i + 1)| · 2^32), and the message word of step i. */
const SHIFTS = [[7, 12, 17, 22], [5, 9, 14, 20], [4, 11, 16, 23], [6, 10, 15, 21]] as const;
/** The K table, exported for the tests and the pool's self-check against node:crypto. */
export const MD5_K: readonly number[] = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);
function messageWord(step: number): number {
  const round = step >> 4;
  const multiplier = [1, 5, 3, 7][round] ?? 0;
  const offset = [0, 1, 5, 0][round] ?? 0;
  return (multiplier * step + offset) % 16;
}

// SIMD instructions (prefix 0xfd, spec §5.4.8); the core opcodes are wasm-assembly.ts's OP.
const SIMD = {
  load: 0x00, store: 0x0b, shuffle: 0x0d, i32x4Splat: 0x11, i32x4GtS: 0x3b, not: 0x4d, and: 0x4e, andNot: 0x4f, or: 0x50,
  xor: 0x51, bitselect: 0x52, i32x4Shl: 0xab, i32x4ShrU: 0xad, i32x4Add: 0xae,
} as const;
/** Alignment hint 2^4 for v128 accesses (a hint only). */
const ALIGN16 = 4;

function simd(op: number): number[] {
  return [0xfd, ...uleb(op)];
}
/** v128.load or .store at a constant address (base 0 plus the memarg offset). */
function loadAt(address: number): number[] {
  return [OP.i32Const, 0, ...simd(SIMD.load), ALIGN16, ...uleb(address)];
}

// Locals: parameter n (0); block index k and byte offset p (i32); then v128: the state, its copy at block start,
// a temporary, the counts, the active-lane mask, and for the transpose four rows and four temporaries.
const N = 0;
const K = 1;
const P = 2;
const STATE = [3, 4, 5, 6] as const;
const SAVED = [7, 8, 9, 10] as const;
const TEMP = 11;
const COUNTS = 12;
const ACTIVE = 13;
const T = [14, 15, 16, 17] as const;
const ROWS = [18, 19, 20, 21] as const;
const CRC = [22, 23, 24, 25] as const;
const CRC_SAVED = [26, 27, 28, 29] as const;
const ALIGN8 = 3;
const ALIGN4 = 2;

/**
 * CRC-64 word j of the block (0..31): lane j % 4, word ⌊j / 4⌋. Interleaved with the MD5 steps: each MD5 step waits
 * on the one before it, and the CRC's independent table loads fill the idle issue slots.
 */
function crcWord(j: number): number[] {
  const lane = j % MD5_LANES;
  const word = j >> 2;
  const register = CRC[lane] ?? 0;
  return [
    OP.localGet, register, OP.localGet, P, OP.i64Load, ALIGN8, ...uleb(WINDOWS_AT + lane * MD5_LANE_WINDOW_BYTES + 8 * word), OP.i64Xor,
    OP.localSet, register, ...sliceBy8(register, CRC_TABLES_AT), OP.localSet, register,
  ];
}

/** i8x16.shuffle lane patterns: interleave the low/high 32-bit halves of two vectors, then their 64-bit halves. */
const LO32 = [0, 1, 2, 3, 16, 17, 18, 19, 4, 5, 6, 7, 20, 21, 22, 23];
const HI32 = [8, 9, 10, 11, 24, 25, 26, 27, 12, 13, 14, 15, 28, 29, 30, 31];
const LO64 = [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23];
const HI64 = [8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31];

/** Transposes the current block of the four windows into SCRATCH_AT: vector j holds word j of every lane. */
function transposeBlock(): number[] {
  const code: number[] = [];
  const shuffle = (x: readonly number[], y: readonly number[], lanes: readonly number[]): number[] =>
    [...x, ...y, ...simd(SIMD.shuffle), ...lanes];
  for (let quad = 0; quad < 4; quad++) {
    ROWS.forEach((local, lane) =>
      code.push(OP.localGet, P, ...simd(SIMD.load), 0, ...uleb(WINDOWS_AT + lane * MD5_LANE_WINDOW_BYTES + 16 * quad), OP.localSet, local));
    const row = (lane: number): number[] => [OP.localGet, ROWS[lane] ?? 0];
    const [t0, t1, t2, t3] = T;
    code.push(...shuffle(row(0), row(1), LO32), OP.localSet, t0, ...shuffle(row(0), row(1), HI32), OP.localSet, t1);
    code.push(...shuffle(row(2), row(3), LO32), OP.localSet, t2, ...shuffle(row(2), row(3), HI32), OP.localSet, t3);
    const out = (word: number, x: number, y: number, lanes: readonly number[]): number[] =>
      [OP.i32Const, 0, ...shuffle([OP.localGet, x], [OP.localGet, y], lanes), ...simd(SIMD.store), ALIGN16, ...uleb(SCRATCH_AT + 16 * (4 * quad + word))];
    code.push(...out(0, t0, t2, LO64), ...out(1, t0, t2, HI64), ...out(2, t1, t3, LO64), ...out(3, t1, t3, HI64));
  }
  return code;
}

/**
 * Step i: a ← b + rotl(a + M[g] + K[i] + f(b, c, d), s). The sum a + M + K does not depend on the previous step, so
 * it comes first and only f, one add, the rotation and the last add sit on the chain from b. G = (b∧d) ∨ (c∧¬d) is
 * written (c∧¬d) + (d∧b) (the two terms share no bit) so that c∧¬d joins the early sum too.
 */
function step(i: number): number[] {
  // Roles rotate instead of values: after step i the new value sits where `a` was, and becomes the next step's b.
  const local = (role: number): number => STATE[(role - (i % 4) + 4) % 4] ?? 0;
  const [a, b, c, d] = [local(0), local(1), local(2), local(3)];
  const get = (x: number): number[] => [OP.localGet, x];
  const op = (o: number): number[] => simd(o);
  const round = i >> 4;
  const shift = SHIFTS[round]?.[i % 4] ?? 0;
  const code = [...get(b), ...get(a), ...loadAt(SCRATCH_AT + 16 * messageWord(i)), ...op(SIMD.i32x4Add), ...loadAt(K_AT + 16 * i), ...op(SIMD.i32x4Add)];
  if (round === 0) code.push(...get(c), ...get(d), ...op(SIMD.xor), ...get(b), ...op(SIMD.and), ...get(d), ...op(SIMD.xor)); // d ^ (b & (c ^ d))
  else if (round === 1) code.push(...get(c), ...get(d), ...op(SIMD.andNot), ...op(SIMD.i32x4Add), ...get(d), ...get(b), ...op(SIMD.and));
  else if (round === 2) code.push(...get(c), ...get(d), ...op(SIMD.xor), ...get(b), ...op(SIMD.xor)); // b ^ c ^ d
  else code.push(...get(c), ...get(d), ...op(SIMD.not), ...get(b), ...op(SIMD.or), ...op(SIMD.xor)); // c ^ (b | ~d)
  code.push(...op(SIMD.i32x4Add));
  code.push(OP.localTee, TEMP, OP.i32Const, shift, ...op(SIMD.i32x4Shl), OP.localGet, TEMP, OP.i32Const, 32 - shift, ...op(SIMD.i32x4ShrU), ...op(SIMD.or));
  code.push(...op(SIMD.i32x4Add), OP.localSet, a);
  return code;
}

/** The module's bytes: type, function, memory, exports, code (spec §5.5). */
function moduleBytes(): Uint8Array {
  const code: number[] = [];
  for (let r = 0; r < 4; r++) code.push(...loadAt(STATE_AT + 16 * r), OP.localSet, STATE[r] ?? 0);
  code.push(...loadAt(COUNTS_AT), OP.localSet, COUNTS);
  CRC.forEach((register, lane) => code.push(OP.i32Const, 0, OP.i64Load, ALIGN8, ...uleb(CRC_AT + 8 * lane), OP.localSet, register));
  code.push(OP.block, OP.emptyType, OP.loop, OP.emptyType, OP.localGet, K, OP.localGet, N, OP.i32GeU, OP.brIf, 1);
  code.push(...transposeBlock());
  for (let r = 0; r < 4; r++) code.push(OP.localGet, STATE[r] ?? 0, OP.localSet, SAVED[r] ?? 0);
  CRC.forEach((register, lane) => code.push(OP.localGet, register, OP.localSet, CRC_SAVED[lane] ?? 0));
  for (let i = 0; i < 64; i++) {
    code.push(...step(i));
    if (i % 2 === 1) code.push(...crcWord(i >> 1));
  }
  // A lane's CRC takes the block only while k is below its CRC count (padding blocks are not data).
  CRC.forEach((register, lane) =>
    code.push(OP.localGet, register, OP.localGet, CRC_SAVED[lane] ?? 0, OP.localGet, K, OP.i32Const, 0, OP.i32Load, ALIGN4,
      ...uleb(CRC_COUNTS_AT + 4 * lane), OP.i32LtU, OP.select, OP.localSet, register));
  // active = lanes whose count is above k; they take state + saved, the others keep saved.
  code.push(OP.localGet, COUNTS, OP.localGet, K, ...simd(SIMD.i32x4Splat), ...simd(SIMD.i32x4GtS), OP.localSet, ACTIVE);
  for (let r = 0; r < 4; r++) {
    const [state, saved] = [STATE[r] ?? 0, SAVED[r] ?? 0];
    code.push(OP.localGet, state, OP.localGet, saved, ...simd(SIMD.i32x4Add), OP.localGet, saved, OP.localGet, ACTIVE, ...simd(SIMD.bitselect), OP.localSet, state);
  }
  code.push(OP.localGet, K, OP.i32Const, 1, OP.i32Add, OP.localSet, K);
  code.push(OP.localGet, P, OP.i32Const, ...sleb(BLOCK_BYTES), OP.i32Add, OP.localSet, P);
  code.push(OP.br, 0, OP.end, OP.end);
  for (let r = 0; r < 4; r++) code.push(OP.i32Const, 0, OP.localGet, STATE[r] ?? 0, ...simd(SIMD.store), ALIGN16, ...uleb(STATE_AT + 16 * r));
  CRC.forEach((register, lane) => code.push(OP.i32Const, 0, OP.localGet, register, OP.i64Store, ALIGN8, ...uleb(CRC_AT + 8 * lane)));
  return singleFunctionModule({
    functionName: 'b',
    params: [I32],
    locals: [[2, I32], [19, V128], [8, I64]],
    code,
    memoryBytes: CRC_TABLES_AT + CRC_TABLES_BYTES,
  });
}

/** Four MD5 compression pipelines in one WebAssembly instance: callers copy whole blocks into the windows and run. */
export interface Md5LanesKernel {
  /** Each lane's input window in the module's memory, MD5_LANE_WINDOW_BYTES long (the memory never grows, so they stay valid). */
  readonly windows: readonly Uint8Array[];
  /** Loads an MD5 state (A, B, C, D as int32, RFC 1321 §3.3) into `lane`. */
  setState(lane: number, state: Int32Array): void;
  /** Copies the state of `lane` into `state`. */
  getState(lane: number, state: Int32Array): void;
  /** Loads a CRC-64 register ([lo, hi] int32 halves of the complemented CRC, as crc64.ts keeps it) into `lane`. */
  setCrc(lane: number, register: Int32Array): void;
  /** Copies the CRC-64 register of `lane` into `register`. */
  getCrc(lane: number, register: Int32Array): void;
  /**
   * Hashes blockCounts[lane] 64-byte blocks from the start of each lane's window; lanes beyond the array take none.
   * The CRC-64 of a lane takes the first crcBlockCounts[lane] of them (none where undefined): MD5 padding is not data.
   */
  run(blockCounts: readonly number[], crcBlockCounts?: readonly number[]): void;
}

function checkLane(lane: number): void {
  if (!Number.isInteger(lane) || lane < 0 || lane >= MD5_LANES) throw new RangeError(`MD5 lane out of range: ${lane}`);
}

/** Builds the kernel, or returns undefined where WebAssembly SIMD is unavailable (the caller then uses node:crypto). */
export function createMd5LanesKernel(): Md5LanesKernel | undefined {
  // A runtime without SIMD refuses the module at compilation: undefined, and the caller keeps node:crypto.
  const instance = instantiateKernel(moduleBytes(), 'b');
  if (instance === undefined) return undefined;
  const { call: run, memory } = instance;
  const words = new Int32Array(memory);
  // Every lane of K_AT + 16·i holds K[i]; the tests check the table against RFC 1321's printed values.
  MD5_K.forEach((k, i) => words.fill(k | 0, (K_AT + 16 * i) / 4, (K_AT + 16 * i + 16) / 4));
  writeSliceTables(words, CRC_TABLES_AT, CRC64_SLICE_TABLES.lo, CRC64_SLICE_TABLES.hi);
  const windows = Array.from({ length: MD5_LANES }, (_, lane) =>
    new Uint8Array(memory, WINDOWS_AT + lane * MD5_LANE_WINDOW_BYTES, MD5_LANE_WINDOW_BYTES));
  return {
    windows,
    setState(lane, state) {
      checkLane(lane);
      for (let r = 0; r < 4; r++) words[(STATE_AT + 16 * r) / 4 + lane] = state[r] ?? 0;
    },
    getState(lane, state) {
      checkLane(lane);
      for (let r = 0; r < 4; r++) state[r] = words[(STATE_AT + 16 * r) / 4 + lane] ?? 0;
    },
    setCrc(lane, register) {
      checkLane(lane);
      words[CRC_AT / 4 + 2 * lane] = register[0] ?? 0;
      words[CRC_AT / 4 + 2 * lane + 1] = register[1] ?? 0;
    },
    getCrc(lane, register) {
      checkLane(lane);
      register[0] = words[CRC_AT / 4 + 2 * lane] ?? 0;
      register[1] = words[CRC_AT / 4 + 2 * lane + 1] ?? 0;
    },
    run(blockCounts, crcBlockCounts = []) {
      if (blockCounts.length > MD5_LANES) throw new RangeError(`at most ${MD5_LANES} lanes, got ${blockCounts.length}`);
      let most = 0;
      for (let lane = 0; lane < MD5_LANES; lane++) {
        const count = blockCounts[lane] ?? 0;
        if (!Number.isInteger(count) || count < 0 || count > MAX_BLOCKS) throw new RangeError(`block count out of range: ${count}`);
        words[COUNTS_AT / 4 + lane] = count;
        words[CRC_COUNTS_AT / 4 + lane] = Math.min(count, crcBlockCounts[lane] ?? 0);
        most = Math.max(most, count);
      }
      if (most > 0) run(most);
    },
  };
}
