// The CRC-64 word loop of crc64.ts as a tiny WebAssembly function, because every uploaded byte goes through it (issue 3
// item 4) and in JavaScript the 64-bit register has to be split into two int32 halves: each 8-byte step then costs 16
// table loads and twice the shifts. WebAssembly has native i64, so the same slice-by-8 step is 8 loads and 8 shifts.
// Measured on the 2-core dev VM (Node 20, 256 KiB chunks of a 64 MiB random pool, copy into the module's memory
// included): ~1,000-1,190 MiB/s against ~650-820 MiB/s for the JavaScript loop. In the engine's profile of a 512 MiB
// upload (bench/README.md) CRC-64 was the largest single cost on the main thread, above MD5.
//
// The module is assembled here from its instructions (no build step, no binary blob): one function `u(p, n)` that
// loads the complemented register from address 0, runs slice-by-8 over n bytes at p, then byte by byte over the tail,
// and stores the register back. Tables live at TABLES_AT (8 tables × 256 entries × 8 bytes); data is copied into a
// window after them, WINDOW_BYTES at a time. Data must be copied because WebAssembly can only read its own memory;
// the copy is a memcpy, cheap next to the hashing it replaces.

import { exportName, instantiateKernel, section, uleb, vector } from './wasm-assembly';

/** Address of the table block; the register (8 bytes) sits at address 0. */
const TABLES_AT = 64;
const TABLE_BYTES = 8 * 256 * 8;
/** Address of the data window, 64-byte aligned after the tables. */
const DATA_AT = TABLES_AT + TABLE_BYTES;
/** Bytes hashed per call: the window size. Larger inputs go through in pieces. */
export const WASM_WINDOW_BYTES = 256 * 1024;
const PAGE_BYTES = 64 * 1024;

// Opcodes (WebAssembly core spec, §5.4 "Instructions"); all small constants below fit one signed LEB128 byte.
const OP = {
  block: 0x02, loop: 0x03, br: 0x0c, brIf: 0x0d, end: 0x0b, emptyType: 0x40,
  localGet: 0x20, localSet: 0x21,
  i64Load: 0x29, i64Load8U: 0x31, i64Store: 0x37,
  i32Const: 0x41, i64Const: 0x42,
  i32Eqz: 0x45, i32GeU: 0x4f, i32Add: 0x6a, i32Sub: 0x6b, i32And: 0x71,
  i64Xor: 0x85, i64Shl: 0x86, i64ShrU: 0x88, i32WrapI64: 0xa7,
} as const;
const I32 = 0x7f;
const I64 = 0x7e;
/** Locals: parameters p (0) and n (1), then the register (2). */
const P = 0;
const N = 1;
const CRC = 2;
/** Alignment hint 2^3 for i64 loads (a hint only: unaligned loads are valid). */
const ALIGN8 = 3;

/** Table `table` at the byte `shift / 8` of the register: the address is that byte × 8, taken as (crc >> (shift − 3)) & 0x7f8. */
function lookup(shift: number, table: number): number[] {
  const scaled = shift === 0 ? [OP.i64Const, 3, OP.i64Shl] : [OP.i64Const, shift - 3, OP.i64ShrU];
  // 0x7f8 as signed LEB128 is two bytes: 0xf8 0x0f.
  return [OP.localGet, CRC, ...scaled, OP.i32WrapI64, OP.i32Const, 0xf8, 0x0f, OP.i32And, OP.i64Load, ALIGN8, ...uleb(TABLES_AT + table * 2048)];
}

function addTo(local: number, delta: number, op: number): number[] {
  return [OP.localGet, local, OP.i32Const, delta, op, OP.localSet, local];
}

/** The module's bytes: type, function, memory, exports, code (spec §5.5). */
function moduleBytes(): Uint8Array {
  const step = [lookup(0, 7), lookup(8, 6), lookup(16, 5), lookup(24, 4), lookup(32, 3), lookup(40, 2), lookup(48, 1), lookup(56, 0)];
  const words = [
    OP.block, OP.emptyType, OP.loop, OP.emptyType,
    OP.localGet, N, OP.i32Const, 8, OP.i32GeU, OP.i32Eqz, OP.brIf, 1,
    OP.localGet, CRC, OP.localGet, P, OP.i64Load, 0, 0, OP.i64Xor, OP.localSet, CRC,
    ...step[0]!, ...step.slice(1).flatMap((lookupCode) => [...lookupCode, OP.i64Xor]),
    OP.localSet, CRC,
    ...addTo(P, 8, OP.i32Add), ...addTo(N, 8, OP.i32Sub),
    OP.br, 0, OP.end, OP.end,
  ];
  const bytes = [
    OP.block, OP.emptyType, OP.loop, OP.emptyType,
    OP.localGet, N, OP.i32Eqz, OP.brIf, 1,
    // crc = T0[(crc ^ byte) & 0xff] ^ (crc >> 8)
    OP.localGet, CRC, OP.localGet, P, OP.i64Load8U, 0, 0, OP.i64Xor, OP.i64Const, 3, OP.i64Shl, OP.i32WrapI64,
    OP.i32Const, 0xf8, 0x0f, OP.i32And, OP.i64Load, ALIGN8, ...uleb(TABLES_AT),
    OP.localGet, CRC, OP.i64Const, 8, OP.i64ShrU, OP.i64Xor, OP.localSet, CRC,
    ...addTo(P, 1, OP.i32Add), ...addTo(N, 1, OP.i32Sub),
    OP.br, 0, OP.end, OP.end,
  ];
  const load = [OP.i32Const, 0, OP.i64Load, ALIGN8, 0, OP.localSet, CRC];
  const store = [OP.i32Const, 0, OP.localGet, CRC, OP.i64Store, ALIGN8, 0];
  const body = [...vector([[1, I64]]), ...load, ...words, ...bytes, ...store, OP.end];
  const pages = Math.ceil((DATA_AT + WASM_WINDOW_BYTES) / PAGE_BYTES);
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
    ...section(1, vector([[0x60, 2, I32, I32, 0]])), // type 0: (i32, i32) -> ()
    ...section(3, vector([[0]])), // function 0 has type 0
    ...section(5, vector([[0x00, ...uleb(pages)]])), // one memory, minimum `pages`, no maximum
    ...section(7, vector([[...exportName('u'), 0x00, 0], [...exportName('m'), 0x02, 0]])), // export func 0 and memory 0
    ...section(10, vector([[...uleb(body.length), ...body]])),
  ]);
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
  // The memory never grows, so these views stay valid. Little-endian: an i64 is its lo word then its hi word.
  const words = new Int32Array(memory);
  const bytes = new Uint8Array(memory);
  for (let table = 0; table < 8; table++) {
    const tableLo = lo[table];
    const tableHi = hi[table];
    if (tableLo?.length !== 256 || tableHi?.length !== 256) throw new RangeError('CRC-64 kernel needs 8 tables of 256 entries');
    const base = (TABLES_AT + table * 2048) / 4;
    for (let b = 0; b < 256; b++) {
      words[base + 2 * b] = tableLo[b]!; // b < 256 = length
      words[base + 2 * b + 1] = tableHi[b]!;
    }
  }
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
