import { describe, expect, it } from 'vitest';
import type { JobId } from '../../shared/models/job';
import { RequestScheduler, type Release, type RequestKind } from './request-scheduler';

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const job = (id: string): JobId => id as JobId;

function fakeClock(start = 0): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

/** Starts an acquire and records when (and in which order) it is granted. */
function track(scheduler: RequestScheduler, kind: RequestKind, order: string[], name: string, signal?: AbortSignal): Promise<Release> {
  return scheduler.acquire(kind, signal).then((release) => {
    order.push(name);
    return release;
  });
}

describe('RequestScheduler request slots', () => {
  it('refuses an already-aborted caller even when a slot is free, and keeps the slot', async () => {
    const scheduler = new RequestScheduler({ maxRequests: 2, maxFiles: 1, now: fakeClock().now });
    const aborted = AbortSignal.abort(new Error('paused'));
    await expect(scheduler.acquire('part', aborted)).rejects.toThrow('paused');
    await expect(scheduler.acquireFileSlot(job('j1'), aborted)).rejects.toThrow('paused');
    expect(scheduler.stats().requestsInFlight).toBe(0);
    // The file slot was not taken: another job gets it at once.
    const release = await scheduler.acquireFileSlot(job('j2'));
    release();
  });

  it('grants up to maxRequests at once and the next one when a slot is released', async () => {
    const scheduler = new RequestScheduler({ maxRequests: 2, now: fakeClock().now });
    const order: string[] = [];
    const first = await track(scheduler, 'part', order, 'a');
    await track(scheduler, 'part', order, 'b');
    void track(scheduler, 'part', order, 'c');
    await settle();
    expect(order).toEqual(['a', 'b']);
    expect(scheduler.stats()).toMatchObject({ requestsInFlight: 2, requestsWaiting: { part: 1 } });
    first();
    await settle();
    expect(order).toEqual(['a', 'b', 'c']);
    expect(scheduler.stats().requestsInFlight).toBe(2);
  });

  it('serves control, then parts, then initiates, FIFO within each class', async () => {
    const scheduler = new RequestScheduler({ maxRequests: 1, now: fakeClock().now });
    const order: string[] = [];
    const releases = new Map<string, Release>();
    const holder = await scheduler.acquire('part');
    const requests: [RequestKind, string][] = [
      ['initiate', 'initiate-1'],
      ['part', 'part-1'],
      ['initiate', 'initiate-2'],
      ['control', 'control-1'],
      ['part', 'part-2'],
      ['control', 'control-2'],
    ];
    for (const [kind, name] of requests) {
      void track(scheduler, kind, order, name).then((release) => releases.set(name, release));
    }
    let current: Release | undefined = holder;
    for (let i = 0; i < requests.length; i += 1) {
      current?.();
      await settle();
      current = releases.get(order.at(-1) ?? '');
    }
    expect(order).toEqual(['control-1', 'control-2', 'part-1', 'part-2', 'initiate-1', 'initiate-2']);
  });

  it('does not let a newcomer overtake waiters when a slot is free only momentarily', async () => {
    const scheduler = new RequestScheduler({ maxRequests: 1, now: fakeClock().now });
    const order: string[] = [];
    const release = await scheduler.acquire('part');
    void track(scheduler, 'control', order, 'waiting');
    release();
    void track(scheduler, 'initiate', order, 'newcomer');
    await settle();
    expect(order).toEqual(['waiting']);
  });

  it('rejects and forgets a waiter whose signal aborts', async () => {
    const scheduler = new RequestScheduler({ maxRequests: 1, now: fakeClock().now });
    const holder = await scheduler.acquire('part');
    const controller = new AbortController();
    const aborted = scheduler.acquire('part', controller.signal);
    const order: string[] = [];
    void track(scheduler, 'part', order, 'after');
    controller.abort(new Error('paused'));
    await expect(aborted).rejects.toThrow('paused');
    expect(scheduler.stats().requestsWaiting.part).toBe(1);
    holder();
    await settle();
    expect(order).toEqual(['after']);
    expect(scheduler.stats()).toMatchObject({ requestsInFlight: 1, requestsWaiting: { part: 0 } });
  });

  it('rejects at once for an already aborted signal', async () => {
    const scheduler = new RequestScheduler({ maxRequests: 1, now: fakeClock().now });
    await scheduler.acquire('part');
    await expect(scheduler.acquire('part', AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
    expect(scheduler.stats().requestsWaiting.part).toBe(0);
  });

  it('ignores a second release of the same slot', async () => {
    const scheduler = new RequestScheduler({ maxRequests: 2, now: fakeClock().now });
    const a = await scheduler.acquire('part');
    await scheduler.acquire('part');
    const order: string[] = [];
    void track(scheduler, 'part', order, 'c');
    void track(scheduler, 'part', order, 'd');
    a();
    a();
    await settle();
    expect(order).toEqual(['c']);
    expect(scheduler.stats().requestsInFlight).toBe(2);
  });

  it('releases the slot of run() whether the task succeeds or throws', async () => {
    const scheduler = new RequestScheduler({ maxRequests: 1, now: fakeClock().now });
    await expect(scheduler.run('control', undefined, () => Promise.resolve(42))).resolves.toBe(42);
    await expect(scheduler.run('control', undefined, () => Promise.reject(new Error('nope')))).rejects.toThrow('nope');
    expect(scheduler.stats().requestsInFlight).toBe(0);
  });
});

describe('RequestScheduler file slots', () => {
  it('lets maxFiles jobs in and the next one when a job leaves', async () => {
    const scheduler = new RequestScheduler({ maxFiles: 2, now: fakeClock().now });
    const releaseA = await scheduler.acquireFileSlot(job('a'));
    await scheduler.acquireFileSlot(job('b'));
    let cGranted = false;
    void scheduler.acquireFileSlot(job('c')).then(() => (cGranted = true));
    await settle();
    expect(cGranted).toBe(false);
    expect(scheduler.stats()).toMatchObject({ filesInFlight: 2, filesWaiting: 1 });
    releaseA();
    releaseA();
    await settle();
    expect(cGranted).toBe(true);
    expect(scheduler.stats()).toMatchObject({ filesInFlight: 2, filesWaiting: 0 });
  });

  it('refuses a job that already holds or awaits a slot, and drops aborted waiters', async () => {
    const scheduler = new RequestScheduler({ maxFiles: 1, now: fakeClock().now });
    const release = await scheduler.acquireFileSlot(job('a'));
    await expect(scheduler.acquireFileSlot(job('a'))).rejects.toThrow('already');
    const controller = new AbortController();
    const waiting = scheduler.acquireFileSlot(job('b'), controller.signal);
    await expect(scheduler.acquireFileSlot(job('b'))).rejects.toThrow('already');
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    release();
    expect(scheduler.stats()).toMatchObject({ filesInFlight: 0, filesWaiting: 0 });
    await expect(scheduler.acquireFileSlot(job('b'))).resolves.toBeTypeOf('function');
  });
});

describe('RequestScheduler adaptive concurrency', () => {
  it('halves on throttling at most once per cooldown, down to 1', () => {
    const clock = fakeClock(1_000);
    const scheduler = new RequestScheduler({ maxRequests: 8, now: clock.now, throttleCooldownMs: 2_000 });
    scheduler.reportThrottle();
    scheduler.reportThrottle();
    expect(scheduler.stats()).toMatchObject({ effectiveMaxRequests: 4, throttleDecreases: 1 });
    clock.advance(1_999);
    scheduler.reportThrottle();
    expect(scheduler.stats().effectiveMaxRequests).toBe(4);
    clock.advance(1);
    scheduler.reportThrottle();
    expect(scheduler.stats().effectiveMaxRequests).toBe(2);
    for (let i = 0; i < 5; i += 1) {
      clock.advance(2_000);
      scheduler.reportThrottle();
    }
    expect(scheduler.stats().effectiveMaxRequests).toBe(1);
  });

  it('climbs back by one per successesPerStep successes, up to the configured maximum', () => {
    const clock = fakeClock();
    const scheduler = new RequestScheduler({ maxRequests: 4, now: clock.now, successesPerStep: 3 });
    scheduler.reportThrottle();
    expect(scheduler.stats().effectiveMaxRequests).toBe(2);
    const limits: number[] = [];
    for (let i = 0; i < 9; i += 1) {
      scheduler.reportSuccess();
      limits.push(scheduler.stats().effectiveMaxRequests);
    }
    expect(limits).toEqual([2, 2, 3, 3, 3, 4, 4, 4, 4]);
  });

  it('does not revoke granted slots when the limit drops, but grants no more until below it', async () => {
    const scheduler = new RequestScheduler({ maxRequests: 4, now: fakeClock().now, successesPerStep: 1 });
    const releases = await Promise.all([1, 2, 3, 4].map(() => scheduler.acquire('part')));
    const order: string[] = [];
    void track(scheduler, 'part', order, 'next');
    scheduler.reportThrottle(); // limit 2, four in flight
    releases[0]?.();
    releases[1]?.();
    await settle();
    expect(order).toEqual([]);
    scheduler.reportSuccess(); // limit 3 > 2 in flight
    await settle();
    expect(order).toEqual(['next']);
  });

  it('applies new limits at run time', async () => {
    const scheduler = new RequestScheduler({ maxRequests: 1, maxFiles: 1, now: fakeClock().now });
    await scheduler.acquire('part');
    await scheduler.acquireFileSlot(job('a'));
    const order: string[] = [];
    void track(scheduler, 'part', order, 'request');
    void scheduler.acquireFileSlot(job('b')).then(() => order.push('file'));
    scheduler.setLimits({ maxRequests: 3, maxFiles: 2 });
    await settle();
    expect(order.sort()).toEqual(['file', 'request']);
    expect(scheduler.stats()).toMatchObject({ maxRequests: 3, effectiveMaxRequests: 3, maxFiles: 2 });
    scheduler.reportThrottle(); // 3 → 1
    scheduler.setLimits({ maxRequests: 8 });
    expect(scheduler.stats()).toMatchObject({ maxRequests: 8, effectiveMaxRequests: 1 });
    scheduler.setLimits({ maxRequests: 1 });
    expect(scheduler.stats().effectiveMaxRequests).toBe(1);
    expect(() => scheduler.setLimits({ maxRequests: 0 })).toThrow(RangeError);
    expect(() => new RequestScheduler({ maxFiles: 1.5, now: () => 0 })).toThrow(RangeError);
  });
});
