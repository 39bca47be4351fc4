import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BandwidthLimiter, MIN_BURST_BYTES } from './bandwidth-limiter';

const KiB = 1024;
const MiB = 1024 * KiB;

// Time is virtual: vitest's fake setTimeout and Date drive both the limiter's clock and its sleeps.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

function fakeSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function limiter(bytesPerSecond: number | undefined): BandwidthLimiter {
  return new BandwidthLimiter({ bytesPerSecond, now: () => Date.now(), sleep: fakeSleep });
}

/** Starts take() and records the virtual time at which it resolved. */
function timed(promise: Promise<void>): { doneAtMs: number | undefined; error: unknown } {
  const result: { doneAtMs: number | undefined; error: unknown } = { doneAtMs: undefined, error: undefined };
  promise.then(
    () => (result.doneAtMs = Date.now()),
    (error: unknown) => (result.error = error),
  );
  return result;
}

describe('BandwidthLimiter', () => {
  it('is off for 0 or undefined and then never waits', async () => {
    for (const rate of [0, undefined]) {
      const off = limiter(rate);
      expect(off.enabled).toBe(false);
      const take = timed(off.take(10 * MiB));
      await vi.advanceTimersByTimeAsync(0);
      expect(take.doneAtMs).toBe(0);
    }
  });

  it('sizes the bucket to one second of traffic but at least 256 KiB', () => {
    expect(limiter(10 * KiB).burstBytes).toBe(MIN_BURST_BYTES);
    expect(limiter(4 * MiB).burstBytes).toBe(4 * MiB);
  });

  it('passes a full bucket at once, then paces at the rate', async () => {
    const bucket = limiter(1 * MiB);
    const first = timed(bucket.take(1 * MiB));
    const second = timed(bucket.take(512 * KiB));
    await vi.advanceTimersByTimeAsync(499);
    expect(first.doneAtMs).toBe(0);
    expect(second.doneAtMs).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(second.doneAtMs).toBe(500);
  });

  it('serves concurrent takers in arrival order at the configured rate', async () => {
    const bucket = limiter(256 * KiB);
    const takes = Array.from({ length: 10 }, () => timed(bucket.take(256 * KiB)));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(takes.map((take) => take.doneAtMs)).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000]);
  });

  it('holds the long-run rate for chunks larger than the bucket', async () => {
    const bucket = limiter(100 * KiB);
    const takes = Array.from({ length: 4 }, () => timed(bucket.take(1 * MiB)));
    await vi.advanceTimersByTimeAsync(60_000);
    const last = takes.at(-1)?.doneAtMs ?? Number.NaN;
    // 4 MiB at 100 KiB/s is 40.96 s; the first chunk rides on the initial bucket, so ≥ 3 MiB of waiting.
    expect(last).toBeGreaterThanOrEqual(((3 * MiB) / (100 * KiB)) * 1000 - 1);
    expect(last).toBeLessThanOrEqual(((4 * MiB) / (100 * KiB)) * 1000);
  });

  it('rejects an aborted taker, which then consumes nothing', async () => {
    const bucket = limiter(256 * KiB);
    await bucket.take(256 * KiB); // empty the bucket
    const controller = new AbortController();
    const aborted = timed(bucket.take(256 * KiB, controller.signal));
    const next = timed(bucket.take(256 * KiB));
    await vi.advanceTimersByTimeAsync(300);
    controller.abort(new Error('paused'));
    await vi.advanceTimersByTimeAsync(0);
    expect(aborted.error).toEqual(new Error('paused'));
    await vi.advanceTimersByTimeAsync(700);
    expect(next.doneAtMs).toBe(1000); // as if the aborted taker had never been there
    await expect(bucket.take(1, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('applies a new rate to takers already waiting', async () => {
    const bucket = limiter(1 * KiB);
    await bucket.take(MIN_BURST_BYTES);
    const slow = timed(bucket.take(100 * KiB)); // 100 s at 1 KiB/s
    await vi.advanceTimersByTimeAsync(1000);
    bucket.setBytesPerSecond(1 * MiB);
    await vi.advanceTimersByTimeAsync(100);
    expect(slow.doneAtMs).toBeGreaterThan(1000);
    expect(slow.doneAtMs).toBeLessThanOrEqual(1100);

  });

  it('releases every waiting taker when the limit is turned off', async () => {
    const bucket = limiter(1 * KiB);
    await bucket.take(MIN_BURST_BYTES);
    const takes = [timed(bucket.take(100 * KiB)), timed(bucket.take(100 * KiB))];
    await vi.advanceTimersByTimeAsync(10);
    bucket.setBytesPerSecond(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(takes.map((take) => take.doneAtMs)).toEqual([10, 10]);
    expect(bucket.enabled).toBe(false);
    expect(() => bucket.setBytesPerSecond(-5)).toThrow(RangeError);
  });
});
