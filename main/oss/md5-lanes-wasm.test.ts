import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { mulberry32Uint32 } from '../emulator/faults/mulberry32';
import { randomBytes } from './test-support/random-data';
import { createMd5LanesKernel, MD5_K, MD5_LANES, MD5_LANE_WINDOW_BYTES, type Md5LanesKernel } from './md5-lanes-wasm';
import { md5Padding } from './md5-padding';

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

  it('refuses lanes and block counts out of range', () => {
    const kernel = makeKernel();
    const state = new Int32Array(4);
    expect(() => kernel.setState(4, state)).toThrow(RangeError);
    expect(() => kernel.getState(-1, state)).toThrow(RangeError);
    expect(() => kernel.run([MD5_LANE_WINDOW_BYTES / 64 + 1])).toThrow(RangeError);
    expect(() => kernel.run([1.5])).toThrow(RangeError);
    expect(() => kernel.run([1, 1, 1, 1, 1])).toThrow(RangeError);
  });
});
