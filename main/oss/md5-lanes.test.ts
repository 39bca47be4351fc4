import { describe, it, expect } from 'vitest';
import { createHash, type Hash } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { mulberry32Uint32 } from '../emulator/faults/mulberry32';
import { Crc64, crc64 } from './crc64';
import { randomBytes } from './test-support/random-data';
import { createMd5LanePool, type LaneDigest, type LaneHash, type Md5LanePool, type Md5LanePoolOptions } from './md5-lanes';

const KiB = 1024;
const MiB = 1024 * KiB;

function makePool(options?: Md5LanePoolOptions): Md5LanePool {
  const pool = createMd5LanePool(options);
  if (pool === undefined) throw new Error('WebAssembly SIMD is available in Node 20; the pool must build');
  return pool;
}

function md5(data: Uint8Array): Buffer {
  return createHash('md5').update(data).digest();
}

/** Checks a lane digest against node:crypto's MD5 and crc64.ts's CRC-64 of `data`. */
function expectHashesOf(digest: LaneDigest, data: Uint8Array, message?: string): void {
  expect(digest.md5.toString('hex'), message).toBe(md5(data).toString('hex'));
  expect(digest.crc64, message).toBe(crc64(data));
}

/** Random bytes shared by the tests: slices of it at random offsets are chunks with odd byteOffsets. */
const SOURCE = randomBytes(mulberry32Uint32(1), 2 * MiB);

/** A random slice of SOURCE of `length` bytes (≤ SOURCE's length). */
function slice(next: () => number, length: number): Uint8Array {
  const start = next() % (SOURCE.length - length + 1);
  return SOURCE.subarray(start, start + length);
}

/** A random chunk length: mostly small, sometimes large, sometimes empty. */
function chunkLength(next: () => number, largest: number): number {
  const kind = next() % 4;
  if (kind === 0) return next() % 64;
  if (kind === 1) return next() % 2048;
  return next() % (largest + 1);
}

/** Full garbage collection (Node's --expose-gc, switched on from inside the test process). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  if (typeof gc !== 'function') throw new Error('gc() is not available');
  gc();
}

/** Lets the current job end, so that WeakRefs made in it may be cleared (they hold their target for the job). */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

describe('LaneHash', () => {
  it('matches node:crypto (MD5) and crc64.ts (CRC-64) for the lengths around the padding boundaries', () => {
    const pool = makePool();
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000, 4096, 100_000]) {
      const data = SOURCE.subarray(3, 3 + length);
      const stream = pool.create();
      stream.update(data);
      expectHashesOf(stream.digest(), data, `length ${length}`);
    }
  });

  it('matches node:crypto for random sizes fed in random chunks (odd offsets included)', () => {
    const next = mulberry32Uint32(11);
    for (const options of [{}, { streamFlushBytes: 64, poolFlushBytes: 64 }, { streamFlushBytes: 4096, poolFlushBytes: 10_000 }]) {
      const pool = makePool(options);
      for (let round = 0; round < 40; round++) {
        const data = slice(next, next() % (round < 30 ? 3000 : 1_500_000));
        const stream = pool.create();
        for (let at = 0; at < data.length; ) {
          const length = Math.min(chunkLength(next, 300 * KiB), data.length - at);
          stream.update(data.subarray(at, at + length));
          at += length;
        }
        expectHashesOf(stream.digest(), data, `round ${round} (${data.length} bytes), options ${JSON.stringify(options)}`);
      }
    }
  });

  it('keeps 1 to 9 streams apart while updates, digests, new and abandoned streams interleave in random order', () => {
    const next = mulberry32Uint32(29);
    for (const options of [{}, { streamFlushBytes: 512, poolFlushBytes: 2048 }, { streamFlushBytes: 64 * KiB, poolFlushBytes: 100 * KiB }]) {
      const pool = makePool(options);
      for (let round = 0; round < 12; round++) {
        const open: { lane: LaneHash; mirror: Hash; crc: Crc64; bytes: number }[] = [];
        const streams = 1 + (round % 9);
        for (let i = 0; i < streams; i++) open.push({ lane: pool.create(), mirror: createHash('md5'), crc: new Crc64(), bytes: 0 });
        let digests = 0;
        while (open.length > 0) {
          const index = next() % open.length;
          const entry = open[index];
          if (entry === undefined) break;
          const action = next() % 40;
          if (action === 0 && open.length > 1) {
            open.splice(index, 1); // abandoned: never digested, and dropped by the test
          } else if (action < 3 || entry.bytes > 3 * MiB) {
            const digest = entry.lane.digest();
            expect(digest.md5.equals(entry.mirror.digest()), `round ${round}, ${entry.bytes} bytes`).toBe(true);
            expect(digest.crc64, `round ${round}, ${entry.bytes} bytes`).toBe(entry.crc.digest());
            open.splice(index, 1);
            digests++;
            if (digests < 2 * streams) open.push({ lane: pool.create(), mirror: createHash('md5'), crc: new Crc64(), bytes: 0 });
          } else {
            const chunk = slice(next, chunkLength(next, 256 * KiB));
            entry.lane.update(chunk);
            entry.mirror.update(chunk);
            entry.crc.update(chunk);
            entry.bytes += chunk.length;
          }
        }
      }
      expect(pool.queuedBytes).toBeLessThan(options.poolFlushBytes ?? 8 * MiB);
    }
  });

  it('returns the same digest on a second digest() and refuses updates after it', () => {
    const stream = makePool().create();
    stream.update(SOURCE.subarray(0, 777));
    const first = stream.digest();
    first.md5.fill(0); // the caller's copy: changing it must not change the stream's result
    expectHashesOf(stream.digest(), SOURCE.subarray(0, 777));
    expect(() => stream.update(SOURCE.subarray(0, 1))).toThrow(/after digest/);
  });

  it('counts bit lengths past 2^32 (600 MiB, one 8 MiB buffer fed 75 times) as node:crypto does', () => {
    const buffer = randomBytes(mulberry32Uint32(41), 8 * MiB).subarray(1); // odd offset, 8 MiB − 1 bytes
    const pool = makePool();
    const stream = pool.create();
    const mirror = createHash('md5');
    const crc = new Crc64();
    for (let i = 0; i < 75; i++) {
      stream.update(buffer);
      mirror.update(buffer);
      crc.update(buffer);
    }
    expect(75 * buffer.length * 8).toBeGreaterThan(2 ** 32);
    const digest = stream.digest();
    expect(digest.md5.toString('hex')).toBe(mirror.digest('hex'));
    expect(digest.crc64).toBe(crc.digest());
  });

  it('refuses thresholds below one block', () => {
    expect(() => createMd5LanePool({ streamFlushBytes: 63 })).toThrow(RangeError);
    expect(() => createMd5LanePool({ poolFlushBytes: 1.5 })).toThrow(RangeError);
  });
});

describe('Md5LanePool bounds', () => {
  it('queues small updates, then hashes once a stream or the pool passes its threshold', () => {
    const pool = makePool({ streamFlushBytes: 64 * KiB, poolFlushBytes: 200 * KiB });
    const a = pool.create();
    a.update(SOURCE.subarray(0, 60 * KiB));
    expect(pool.queuedBytes).toBe(60 * KiB);
    a.update(SOURCE.subarray(0, 10 * KiB)); // 70 KiB ≥ 64 KiB: one window (64 KiB) is hashed, back under the threshold
    expect(pool.queuedBytes).toBe(6 * KiB);
    const others = [pool.create(), pool.create(), pool.create(), pool.create()];
    for (const stream of others) stream.update(SOURCE.subarray(0, 60 * KiB));
    // 246 KiB queued passed the pool threshold: one batch took 60 KiB from each of the four fullest streams.
    expect(pool.queuedBytes).toBe(6 * KiB);
    expectHashesOf(a.digest(), Buffer.concat([SOURCE.subarray(0, 60 * KiB), SOURCE.subarray(0, 10 * KiB)]));
  });

  it('bounds what abandoned streams hold, and hashes their blocks as riders of live streams', () => {
    const pool = makePool({ streamFlushBytes: 64 * KiB, poolFlushBytes: 256 * KiB });
    for (let i = 0; i < 20; i++) pool.create().update(SOURCE.subarray(i, i + 50 * KiB)); // abandoned at once
    expect(pool.queuedBytes).toBeLessThan(256 * KiB);
    const live = pool.create();
    for (let i = 0; i < 40; i++) live.update(SOURCE.subarray(0, 32 * KiB));
    // Every batch of the live stream took the three fullest abandoned streams along, until none had a whole block.
    expect(pool.queuedBytes).toBeLessThan(64 * KiB);
    expectHashesOf(live.digest(), Buffer.concat(Array.from({ length: 40 }, () => SOURCE.subarray(0, 32 * KiB))));
  });

  it('settle() hashes a long queue in slices, letting other callbacks run in between, and digest() agrees', async () => {
    const pool = makePool({ streamFlushBytes: 4 * MiB, poolFlushBytes: 8 * MiB });
    const stream = pool.create();
    stream.update(SOURCE.subarray(0, 2 * MiB)); // below both thresholds: all of it waits
    expect(pool.queuedBytes).toBe(2 * MiB);
    let ranBetween = 0;
    const tick = (): void => {
      ranBetween += 1;
      if (pool.queuedBytes > 0) setImmediate(tick);
    };
    setImmediate(tick);
    await stream.settle();
    expect(pool.queuedBytes).toBe(0);
    expect(ranBetween).toBeGreaterThan(2); // 2 MiB is 32 windows: 8 slices of 4 batches
    expectHashesOf(stream.digest(), SOURCE.subarray(0, 2 * MiB));
  });

  it('keeps no reference to a chunk: the caller may reuse its buffer at once, and a queued chunk can be collected', async () => {
    const pool = makePool({ streamFlushBytes: 64 * KiB, poolFlushBytes: 1 * MiB });
    const reused = Buffer.alloc(40 * KiB);
    const stream = pool.create();
    const sent: Buffer[] = [];
    for (let round = 0; round < 5; round++) {
      reused.set(SOURCE.subarray(round * 1000, round * 1000 + reused.length)); // the same buffer, new bytes each time
      stream.update(reused);
      sent.push(Buffer.from(reused));
    }
    expect(pool.queuedBytes).toBeGreaterThan(0); // some of it still waits to be hashed, as copies
    expectHashesOf(stream.digest(), Buffer.concat(sent));

    const abandon = (): WeakRef<Uint8Array> => {
      const chunk = SOURCE.slice(0, 40 * KiB);
      pool.create().update(chunk);
      return new WeakRef(chunk);
    };
    const held = abandon();
    expect(pool.queuedBytes).toBe(40 * KiB); // queued below both thresholds
    await nextTurn();
    collectGarbage();
    expect(held.deref()).toBeUndefined();
  });
});
