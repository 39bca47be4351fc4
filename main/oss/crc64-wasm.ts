// The CRC-64 word loop of crc64.ts as a tiny WebAssembly function, because every uploaded byte goes through it (issue 3
// item 4) and in JavaScript the 64-bit register has to be split into two int32 halves: each 8-byte step then costs 16
// table loads and twice the shifts. WebAssembly has native i64, so the same slice-by-8 step is 8 loads and 8 shifts.
//
// One slice-by-8 chain is bound by latency: each step waits for the eight table loads of the step before. So whole
// 16 KiB blocks run as four 4 KiB stripes side by side, four independent chains the CPU overlaps, joined at the end
// of the block with tables that push a register through 4 KiB of zero bytes (see blockLoop). Measured with
// `npm run bench:hash` on the 2-core dev VM (Node 20, 1 MiB chunks, copy into the module's memory included), three
// alternating runs each: 1,894-1,932 MiB/s against 1,308-1,353 for the single chain (~1.43×), itself ~1.5× the
// JavaScript loop. Eight stripes, or 2 KiB and 16 KiB stripes, measured within the noise of four 4 KiB stripes: the
// loop is then bound by its instruction count (five per table load), not by latency. In the engine's profile of an
// upload (bench/README.md) CRC-64 was the largest single cost on the main thread after MD5.
//
// The module is assembled here from its instructions (no build step, no binary blob): one function `u(p, n)` that
// loads the complemented register from address 0, runs the blocks, then slice-by-8 over the rest, then byte by byte
// over the tail, and stores the register back. The slice-by-8 tables live at TABLES_AT and the shift tables at
// SHIFT_AT (each 8 tables × 256 entries × 8 bytes); data is copied into a window after them, WINDOW_BYTES at a time.
// Data must be copied because WebAssembly can only read its own memory; the copy is a memcpy, cheap next to hashing.

import { I32, I64, instantiateKernel, OP, singleFunctionModule, sleb, uleb } from './wasm-assembly';

/** Address of the slice-by-8 tables; the register (8 bytes) sits at address 0. */
const TABLES_AT = 64;
const TABLE_BYTES = 8 * 256 * 8;
/** Address of the eight "push through STRIPE_BYTES zero bytes" tables, one per byte of the register. */
const SHIFT_AT = TABLES_AT + TABLE_BYTES;
/** Address of the data window, 64-byte aligned after the tables. */
const DATA_AT = SHIFT_AT + TABLE_BYTES;
/** Bytes hashed per call: the window size. Larger inputs go through in pieces. */
export const WASM_WINDOW_BYTES = 256 * 1024;
/** Stripes per block and their length: a block is 16 KiB, a window holds 16 blocks. */
const STRIPES = 4;
const STRIPE_BYTES = 4096;
const BLOCK_BYTES = STRIPES * STRIPE_BYTES;

/** Locals: parameters p (0) and n (1); the register (2) and the registers of stripes 1-3 (3-5); q and its end (6, 7). */
const P = 0;
const N = 1;
const CRC = 2;
const STRIPE_REGISTERS = [CRC, ...Array.from({ length: STRIPES - 1 }, (_, i) => 3 + i)];
const Q = 2 + STRIPES;
const Q_END = 3 + STRIPES;
/** Alignment hint 2^3 for i64 loads (a hint only: unaligned loads are valid). */
const ALIGN8 = 3;

/** The 8-byte table entry at `tableAt` for the byte `shift / 8` of `local`: address byte × 8, i.e. (x >> (shift − 3)) & 0x7f8. */
function lookup(local: number, shift: number, tableAt: number): number[] {
  const scaled = shift === 0 ? [OP.i64Const, 3, OP.i64Shl] : [OP.i64Const, shift - 3, OP.i64ShrU];
  // 0x7f8 as signed LEB128 is two bytes: 0xf8 0x0f.
  return [OP.localGet, local, ...scaled, OP.i32WrapI64, OP.i32Const, 0xf8, 0x0f, OP.i32And, OP.i64Load, ALIGN8, ...uleb(tableAt)];
}

/**
 * Pushes the value of the slice-by-8 step for `local` (byte k of the register indexes table 7 − k), with the eight
 * tables at `tablesAt` (md5-lanes-wasm.ts runs the same step on its own copy of the tables).
 */
export function sliceBy8(local: number, tablesAt = TABLES_AT): number[] {
  const loads = Array.from({ length: 8 }, (_, k) => lookup(local, 8 * k, tablesAt + (7 - k) * 2048));
  return [...loads[0]!, ...loads.slice(1).flatMap((code) => [...code, OP.i64Xor])];
}

/** Pushes `local` pushed through STRIPE_BYTES zero bytes (byte k of the register indexes shift table k). */
function shiftedByStripe(local: number): number[] {
  const loads = Array.from({ length: 8 }, (_, k) => lookup(local, 8 * k, SHIFT_AT + k * 2048));
  return [...loads[0]!, ...loads.slice(1).flatMap((code) => [...code, OP.i64Xor])];
}

function addTo(local: number, delta: number[], op: number): number[] {
  return [OP.localGet, local, OP.i32Const, ...delta, op, OP.localSet, local];
}

/**
 * Whole blocks of four stripes: the stripes run through slice-by-8 side by side, stripe 0 from the register and
 * stripes 1-3 from zero, so the four dependency chains overlap in the CPU (one chain waits on its table loads ~4× as
 * long as it computes). A CRC register is linear in its start value and its data, so the block's result is
 * ((shift(r0) ^ r1) shifted ^ r2) shifted ^ r3, where shift pushes a register through one stripe of zero bytes.
 */
function blockLoop(): number[] {
  const stripe = (register: number, index: number): number[] => [
    OP.localGet, register, OP.localGet, Q, OP.i64Load, ALIGN8, ...uleb(index * STRIPE_BYTES), OP.i64Xor, OP.localSet, register,
    ...sliceBy8(register), OP.localSet, register,
  ];
  const fold = (register: number): number[] => [...shiftedByStripe(CRC), OP.localGet, register, OP.i64Xor, OP.localSet, CRC];
  return [
    OP.block, OP.emptyType, OP.loop, OP.emptyType,
    OP.localGet, N, OP.i32Const, ...sleb(BLOCK_BYTES), OP.i32LtU, OP.brIf, 1,
    ...STRIPE_REGISTERS.slice(1).flatMap((register) => [OP.i64Const, 0, OP.localSet, register]),
    OP.localGet, P, OP.localSet, Q,
    OP.localGet, P, OP.i32Const, ...sleb(STRIPE_BYTES), OP.i32Add, OP.localSet, Q_END,
    OP.loop, OP.emptyType,
    ...STRIPE_REGISTERS.flatMap((register, index) => stripe(register, index)),
    ...addTo(Q, [8], OP.i32Add),
    OP.localGet, Q, OP.localGet, Q_END, OP.i32LtU, OP.brIf, 0,
    OP.end,
    ...STRIPE_REGISTERS.slice(1).flatMap(fold),
    ...addTo(P, sleb(BLOCK_BYTES), OP.i32Add), ...addTo(N, sleb(BLOCK_BYTES), OP.i32Sub),
    OP.br, 0, OP.end, OP.end,
  ];
}

/** The module's bytes: the function `u(p, n)` and its memory. */
function moduleBytes(): Uint8Array {
  const words = [
    OP.block, OP.emptyType, OP.loop, OP.emptyType,
    OP.localGet, N, OP.i32Const, 8, OP.i32GeU, OP.i32Eqz, OP.brIf, 1,
    OP.localGet, CRC, OP.localGet, P, OP.i64Load, 0, 0, OP.i64Xor, OP.localSet, CRC,
    ...sliceBy8(CRC), OP.localSet, CRC,
    ...addTo(P, [8], OP.i32Add), ...addTo(N, [8], OP.i32Sub),
    OP.br, 0, OP.end, OP.end,
  ];
  const bytes = [
    OP.block, OP.emptyType, OP.loop, OP.emptyType,
    OP.localGet, N, OP.i32Eqz, OP.brIf, 1,
    // crc = T0[(crc ^ byte) & 0xff] ^ (crc >> 8)
    OP.localGet, CRC, OP.localGet, P, OP.i64Load8U, 0, 0, OP.i64Xor, OP.i64Const, 3, OP.i64Shl, OP.i32WrapI64,
    OP.i32Const, 0xf8, 0x0f, OP.i32And, OP.i64Load, ALIGN8, ...uleb(TABLES_AT),
    OP.localGet, CRC, OP.i64Const, 8, OP.i64ShrU, OP.i64Xor, OP.localSet, CRC,
    ...addTo(P, [1], OP.i32Add), ...addTo(N, [1], OP.i32Sub),
    OP.br, 0, OP.end, OP.end,
  ];
  const load = [OP.i32Const, 0, OP.i64Load, ALIGN8, 0, OP.localSet, CRC];
  const store = [OP.i32Const, 0, OP.localGet, CRC, OP.i64Store, ALIGN8, 0];
  return singleFunctionModule({
    functionName: 'u',
    params: [I32, I32],
    locals: [[STRIPES, I64], [2, I32]],
    code: [...load, ...blockLoop(), ...words, ...bytes, ...store],
    memoryBytes: DATA_AT + WASM_WINDOW_BYTES,
  });
}

/**
 * Fills the shift tables: entry b of table k is the register b·2^(8k) pushed through STRIPE_BYTES zero bytes. The
 * push is linear, so it is the XOR of its 64 single-bit results, which the kernel's own stripe-free loop computes
 * (STRIPE_BYTES is below a block) over the still-zero data window: 64 × 4 KiB, well under a millisecond.
 */
function fillShiftTables(update: (p: number, n: number) => unknown, words: Int32Array): void {
  const bitLo = new Int32Array(64);
  const bitHi = new Int32Array(64);
  for (let bit = 0; bit < 64; bit++) {
    words[0] = bit < 32 ? 1 << bit : 0;
    words[1] = bit < 32 ? 0 : 1 << (bit - 32);
    update(DATA_AT, STRIPE_BYTES);
    bitLo[bit] = words[0]!; // words covers the whole memory
    bitHi[bit] = words[1]!;
  }
  for (let table = 0; table < 8; table++) {
    const base = (SHIFT_AT + table * 2048) / 4;
    for (let b = 0; b < 256; b++) {
      let lo = 0;
      let hi = 0;
      for (let bit = 0; bit < 8; bit++) {
        if ((b >>> bit) & 1) {
          lo ^= bitLo[8 * table + bit]!; // 8 × 8 = 64 entries
          hi ^= bitHi[8 * table + bit]!;
        }
      }
      words[base + 2 * b] = lo;
      words[base + 2 * b + 1] = hi;
    }
  }
}

/**
 * Writes the eight slice-by-8 tables (table k as lo/hi int32 halves) as i64 entries at byte address `tablesAt` of a
 * kernel's memory (`words` views all of it). Little-endian: an i64 is its lo word then its hi word.
 */
export function writeSliceTables(words: Int32Array, tablesAt: number, lo: readonly Int32Array[], hi: readonly Int32Array[]): void {
  for (let table = 0; table < 8; table++) {
    const tableLo = lo[table];
    const tableHi = hi[table];
    if (tableLo?.length !== 256 || tableHi?.length !== 256) throw new RangeError('CRC-64 kernel needs 8 tables of 256 entries');
    const base = (tablesAt + table * 2048) / 4;
    for (let b = 0; b < 256; b++) {
      words[base + 2 * b] = tableLo[b]!; // b < 256 = length
      words[base + 2 * b + 1] = tableHi[b]!;
    }
  }
}

/** Feeds `data` into a register of two complemented int32 halves [lo, hi], exactly as crc64.ts's word loop does. */
export type Crc64Kernel = (register: Int32Array, data: Uint8Array) => void;

/**
 * Builds the WebAssembly kernel over the slice-by-8 tables of crc64.ts (table k as lo/hi int32 halves), or returns
 * undefined where WebAssembly is unavailable (e.g. `--jitless`): the caller then keeps its JavaScript loop.
 */
export function createWasmCrc64Kernel(lo: readonly Int32Array[], hi: readonly Int32Array[]): Crc64Kernel | undefined {
  const instance = instantiateKernel(moduleBytes(), 'u');
  if (instance === undefined) return undefined;
  const { call: update, memory } = instance;
  // The memory never grows, so these views stay valid.
  const words = new Int32Array(memory);
  const bytes = new Uint8Array(memory);
  writeSliceTables(words, TABLES_AT, lo, hi);
  fillShiftTables(update, words);
  return (register, data) => {
    words[0] = register[0]!; // a register has two elements
    words[1] = register[1]!;
    for (let at = 0; at < data.length; at += WASM_WINDOW_BYTES) {
      const piece = data.subarray(at, at + WASM_WINDOW_BYTES);
      bytes.set(piece, DATA_AT);
      update(DATA_AT, piece.length);
    }
    register[0] = words[0]!; // words covers the whole memory
    register[1] = words[1]!;
  };
}
