import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { mulberry32Uint32 } from '../emulator/faults/mulberry32';
import { randomBytes } from './test-support/random-data';
import { createMd5LanesKernel, MD5_K, MD5_LANES, MD5_LANE_WINDOW_BYTES, type Md5LanesKernel } from './md5-lanes-wasm';
import { md5Padding } from './md5-padding';
import { crc64, crc64OfRegister, crc64Register } from './crc64';

const INITIAL_STATE = Int32Array.from([0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476]);

function makeKernel(): Md5LanesKernel {
  const kernel = createMd5LanesKernel();
  if (kernel === undefined) throw new Error('WebAssembly SIMD is available in Node 20; the kernel must build');
  return kernel;
}

function padded(message: Uint8Array): Uint8Array {
  const padding = md5Padding(message.length);
  const out = new Uint8Array(message.length + padding.length);
  out.set(message);
  out.set(padding, message.length);
  return out;
}

function hexOf(state: Int32Array): string {
  return Buffer.from(state.buffer, state.byteOffset, 16).toString('hex');
}

function md5Hex(data: Uint8Array): string {
  return createHash('md5').update(data).digest('hex');
}

describe('MD5_K', () => {
  it('matches the table printed in RFC 1321 §3.4', () => {
    const printed: Record<number, number> = {
      0: 0xd76aa478, 1: 0xe8c7b756, 15: 0x49b40821, 16: 0xf61e2562, 31: 0x8d2a4c8a,
      32: 0xfffa3942, 47: 0xc4ac5665, 48: 0xf4292244, 62: 0x2ad7d2bb, 63: 0xeb86d391,
    };
    for (const [index, value] of Object.entries(printed)) expect(MD5_K[Number(index)], `K[${index}]`).toBe(value);
    expect(MD5_K).toHaveLength(64);
  });
});

describe('createMd5LanesKernel', () => {
  it('hashes four different messages, one per lane, each with its own block count', () => {
    const kernel = makeKernel();
    const next = mulberry32Uint32(3);
    const messages = [randomBytes(next, 1000), randomBytes(next, 0), randomBytes(next, 55), randomBytes(next, 5000)];
    const counts = messages.map((message, lane) => {
      const blocks = padded(message);
      kernel.windows[lane]?.set(blocks);
      kernel.setState(lane, INITIAL_STATE);
      return blocks.length / 64;
    });
    kernel.run(counts);
    messages.forEach((message, lane) => {
      const state = new Int32Array(4);
      kernel.getState(lane, state);
      expect(hexOf(state), `lane ${lane}`).toBe(md5Hex(message));
    });
  });

  it('carries each lane state across calls and full windows, and leaves lanes with no blocks untouched', () => {
    const kernel = makeKernel();
    const next = mulberry32Uint32(5);
    // Lane 0: three windows' worth plus padding over three calls; lane 2 joins only in the last call; 1 and 3 idle.
    const long = padded(randomBytes(next, 3 * MD5_LANE_WINDOW_BYTES - 100));
    const short = padded(randomBytes(next, 200));
    const idle = Int32Array.from([1, 2, 3, 4]);
    for (let lane = 0; lane < MD5_LANES; lane++) kernel.setState(lane, lane % 2 === 0 ? INITIAL_STATE : idle);
    for (let at = 0; at < long.length; at += MD5_LANE_WINDOW_BYTES) {
      const piece = long.subarray(at, at + MD5_LANE_WINDOW_BYTES);
      kernel.windows[0]?.set(piece);
      const last = at + MD5_LANE_WINDOW_BYTES >= long.length;
      if (last) kernel.windows[2]?.set(short);
      kernel.run([piece.length / 64, 0, last ? short.length / 64 : 0]);
    }
    const state = new Int32Array(4);
    kernel.getState(0, state);
    expect(hexOf(state)).toBe(md5Hex(long.subarray(0, 3 * MD5_LANE_WINDOW_BYTES - 100)));
    kernel.getState(2, state);
    expect(hexOf(state)).toBe(md5Hex(short.subarray(0, 200)));
    for (const lane of [1, 3]) {
      kernel.getState(lane, state);
      expect([...state], `lane ${lane}`).toEqual([1, 2, 3, 4]);
    }
  });

  it('runs each lane\'s CRC-64 over the first crcBlockCounts[lane] of its blocks only, across calls', () => {
    const kernel = makeKernel();
    const next = mulberry32Uint32(7);
    const data = [0, 1, 2, 3].map(() => randomBytes(next, 2 * MD5_LANE_WINDOW_BYTES));
    // Lane 0: all blocks; lane 1: CRC stops 5 blocks short (as before padding); lane 2: none; lane 3 starts from an
    // earlier CRC and takes one block.
    const crcBlocks = [2048, 2043, 0, 1];
    const registers = [crc64Register(), crc64Register(), crc64Register(), crc64Register(crc64(Buffer.from('earlier')))];
    registers.forEach((register, lane) => kernel.setCrc(lane, register));
    for (let call = 0; call < 2; call++) {
      const window = (lane: number): Uint8Array => data[lane]!.subarray(call * MD5_LANE_WINDOW_BYTES, (call + 1) * MD5_LANE_WINDOW_BYTES);
      for (let lane = 0; lane < MD5_LANES; lane++) kernel.windows[lane]?.set(window(lane));
      const left = crcBlocks.map((blocks) => Math.max(0, Math.min(1024, blocks - call * 1024)));
      // The second call names lanes 0 and 1 only: lanes 2 and 3 (whose CRCs are done) take no CRC blocks.
      kernel.run([1024, 1024, 1024, 1024], call === 0 ? left : left.slice(0, 2));
    }
    const crcOf = (lane: number): bigint => {
      const register = new Int32Array(2);
      kernel.getCrc(lane, register);
      return crc64OfRegister(register);
    };
    expect(crcOf(0)).toBe(crc64(data[0]!));
    expect(crcOf(1)).toBe(crc64(data[1]!.subarray(0, 2043 * 64)));
    expect(crcOf(2)).toBe(0n);
    expect(crcOf(3)).toBe(crc64(data[3]!.subarray(0, 64), crc64(Buffer.from('earlier'))));
  });

  it('refuses lanes and block counts out of range', () => {
    const kernel = makeKernel();
    const state = new Int32Array(4);
    expect(() => kernel.setState(4, state)).toThrow(RangeError);
    expect(() => kernel.getState(-1, state)).toThrow(RangeError);
    expect(() => kernel.setCrc(4, new Int32Array(2))).toThrow(RangeError);
    expect(() => kernel.run([MD5_LANE_WINDOW_BYTES / 64 + 1])).toThrow(RangeError);
    expect(() => kernel.run([1.5])).toThrow(RangeError);
    expect(() => kernel.run([1, 1, 1, 1, 1])).toThrow(RangeError);
  });
});
