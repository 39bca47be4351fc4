import { describe, expect, it } from 'vitest';
import { BandwidthLimiter, MIN_WAIT_MS, SLACK_MS } from './bandwidth-limiter';

// The link model against a fake clock: the waits it asks for are what a real link of that rate would take.

const KiB = 1024;
const RATE = 1024 * KiB; // 1 MiB/s: 64 KiB take 62.5 ms

/** A limiter on a fake clock whose waits advance the clock; `busy` advances it as the server's own work would. */
function fakeLink(rate: number | (() => number) = RATE): { limiter: BandwidthLimiter; waits: number[]; now: () => number; busy: (ms: number) => void } {
  let clock = 1_000;
  const waits: number[] = [];
  const limiter = new BandwidthLimiter(
    typeof rate === 'number' ? () => rate : rate,
    () => clock,
    (ms) => {
      waits.push(ms);
      clock += ms;
      return Promise.resolve();
    },
  );
  return { limiter, waits, now: () => clock, busy: (ms) => (clock += ms) };
}

describe('emulator BandwidthLimiter (per-connection link model)', () => {
  it('never waits without a rate', async () => {
    const link = fakeLink(0);
    for (let i = 0; i < 10; i++) await link.limiter.consume(64 * KiB);
    expect(link.waits).toEqual([]);
  });

  it('paces a transfer at the rate, with coarse sleeps', async () => {
    const link = fakeLink();
    const start = link.now();
    for (let i = 0; i < 32; i++) await link.limiter.consume(64 * KiB); // 2 MiB
    expect(link.now() - start).toBeCloseTo(2_000, 6);
    expect(link.waits.every((ms) => ms >= MIN_WAIT_MS)).toBe(true);
  });

  it('does not lose the time the server spends on each chunk (within the slack)', async () => {
    const link = fakeLink();
    const start = link.now();
    for (let i = 0; i < 32; i++) {
      await link.limiter.consume(64 * KiB);
      link.busy(SLACK_MS / 2); // writing the chunk to disk, say; the old model added this to every chunk
    }
    // 2 MiB at 1 MiB/s take 2 s; the per-chunk work overlaps the transfer instead of adding 32 × 12.5 ms.
    expect(link.now() - start).toBeLessThan(2_000 + SLACK_MS);
  });

  it('gives an idle connection no credit: after a pause it starts again at the rate', async () => {
    const link = fakeLink();
    await link.limiter.consume(64 * KiB);
    link.busy(5_000); // idle between two requests
    const start = link.now();
    for (let i = 0; i < 16; i++) await link.limiter.consume(64 * KiB); // 1 MiB
    expect(link.now() - start).toBeCloseTo(1_000, 6);
  });

  it('applies a rate change to the next chunk', async () => {
    let rate = RATE;
    const { limiter, waits } = fakeLink(() => rate);
    await limiter.consume(RATE); // one second's worth
    expect(waits).toEqual([1_000]);
    rate = 0;
    await limiter.consume(RATE);
    expect(waits).toEqual([1_000]);
  });

  it('slices response bodies to about 20 writes a second, 1 B to 64 KiB', () => {
    expect(new BandwidthLimiter(() => 0).sliceBytes()).toBe(64 * KiB);
    expect(new BandwidthLimiter(() => 20 * KiB).sliceBytes()).toBe(1024);
    expect(new BandwidthLimiter(() => 16 * 1024 * KiB).sliceBytes()).toBe(64 * KiB);
    expect(new BandwidthLimiter(() => 10).sliceBytes()).toBe(1);
  });
});
