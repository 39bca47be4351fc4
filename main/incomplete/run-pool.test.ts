import { describe, expect, it } from 'vitest';
import { ConcurrencyLimiter } from './concurrency-limiter';
import { LruCache } from './lru-cache';
import { runPool } from './run-pool';

/** A promise and the function that resolves it. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('runPool', () => {
  it('runs every item once, never more than `concurrency` at once', async () => {
    let running = 0;
    let peak = 0;
    const seen: number[] = [];
    await runPool(Array.from({ length: 50 }, (_, i) => i), 7, async (item) => {
      running += 1;
      peak = Math.max(peak, running);
      await tick();
      seen.push(item);
      running -= 1;
    });
    expect(peak).toBe(7);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('stops starting items after the first error, lets running ones finish, and rethrows it', async () => {
    const finished: number[] = [];
    const run = runPool([0, 1, 2, 3, 4, 5], 2, async (item) => {
      if (item === 1) throw new Error('boom 1');
      await tick();
      finished.push(item);
    });
    await expect(run).rejects.toThrow('boom 1');
    expect(finished).toEqual([0]);
  });

  it('an aborted signal stops new items without an error', async () => {
    const controller = new AbortController();
    const outcome = await runPool([0, 1, 2, 3], 1, async (item) => {
      if (item === 1) controller.abort();
      await tick();
    }, controller.signal);
    expect(outcome.started).toBe(2);
  });

  it('refuses a concurrency below 1', async () => {
    await expect(runPool([1], 0, async () => undefined)).rejects.toThrow(RangeError);
  });
});

describe('ConcurrencyLimiter', () => {
  it('queues tasks beyond the limit in arrival order', async () => {
    const limiter = new ConcurrencyLimiter(2);
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, i) =>
      limiter.run(async () => {
        started.push(i);
        await gate.promise;
        return i;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(limiter.running).toBe(2);
    gates[1]?.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates[0]?.resolve();
    gates[2]?.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect(limiter.running).toBe(0);
  });

  it('frees the slot when a task fails', async () => {
    const limiter = new ConcurrencyLimiter(1);
    await expect(limiter.run(() => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(await limiter.run(() => Promise.resolve('next'))).toBe('next');
  });
});

describe('LruCache', () => {
  it('evicts the least recently used entry', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.delete('a')).toBe(true);
    expect(cache.size).toBe(1);
  });
});
