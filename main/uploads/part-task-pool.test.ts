import { describe, expect, it } from 'vitest';
import { runPartTasks, type RequestShare } from './part-task-pool';

/** A part task the test drives by hand: its request ends on `answer()`, the task on `finish()` / `fail()`. */
interface ManualTask {
  readonly partNumber: number;
  readonly share: RequestShare;
  readonly signal: AbortSignal;
  finish(): void;
  fail(error: unknown): void;
}

function manualPool(partCount: number, limit: () => number) {
  const started: ManualTask[] = [];
  let next = 1;
  const signalSource = new AbortController();
  const done = runPartTasks({
    limit,
    claimNext: () => (next <= partCount ? next++ : undefined),
    runPart: (partNumber, share, signal) =>
      new Promise<void>((resolve, reject) => {
        started.push({ partNumber, share, signal, finish: resolve, fail: reject });
      }),
    signal: signalSource.signal,
  });
  const task = (partNumber: number): ManualTask => {
    const found = started.find((t) => t.partNumber === partNumber);
    if (found === undefined) throw new Error(`part ${partNumber} has not started`);
    return found;
  };
  return { started, done, task, abort: (reason: unknown) => signalSource.abort(reason) };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('runPartTasks', () => {
  it('starts the next part as soon as a request is over, while the finished part is still being checked', async () => {
    const pool = manualPool(5, () => 2);
    expect(pool.started.map((t) => t.partNumber)).toEqual([1, 2]);
    pool.task(1).share.letGo(); // part 1's answer is in; its checks still run
    expect(pool.started.map((t) => t.partNumber)).toEqual([1, 2, 3]);
    pool.task(1).share.letGo(); // idempotent: no second part for one answer
    expect(pool.started).toHaveLength(3);
    pool.task(1).finish();
    await tick();
    expect(pool.started).toHaveLength(3); // finishing after letGo frees nothing more
    pool.task(2).finish(); // a task that ends without letGo (e.g. a failed request that was retried and won) frees its place
    await tick();
    expect(pool.started.map((t) => t.partNumber)).toEqual([1, 2, 3, 4]);
    for (const n of [3, 4]) pool.task(n).finish();
    await tick();
    pool.task(5).finish();
    await expect(pool.done).resolves.toBeUndefined();
  });

  it('counts a retry that sends again: hold() takes the place back until the next letGo()', async () => {
    const pool = manualPool(4, () => 2);
    pool.task(1).share.letGo();
    expect(pool.started).toHaveLength(3); // parts 1 (checking), 2, 3
    pool.task(1).share.hold(); // part 1's check failed: it sends again
    pool.task(2).share.letGo(); // back to two requests (1 and 3): nothing new may start
    expect(pool.started).toHaveLength(3);
    pool.task(3).share.letGo();
    expect(pool.started.map((t) => t.partNumber)).toEqual([1, 2, 3, 4]);
    for (const n of [1, 2, 3, 4]) pool.task(n).finish();
    await expect(pool.done).resolves.toBeUndefined();
  });

  it('reads the limit whenever a request ends', async () => {
    let limit = 1;
    const pool = manualPool(4, () => limit);
    expect(pool.started).toHaveLength(1);
    limit = 3;
    pool.task(1).share.letGo();
    expect(pool.started.map((t) => t.partNumber)).toEqual([1, 2, 3, 4]);
    for (const n of [1, 2, 3, 4]) pool.task(n).finish();
    await pool.done;
  });

  it('aborts the other tasks on the first failure and throws it once every task has settled', async () => {
    const pool = manualPool(5, () => 3);
    const failure = new Error('part 2 gave up');
    pool.task(2).fail(failure);
    await tick();
    expect(pool.task(1).signal.aborted).toBe(true);
    expect(pool.started).toHaveLength(3); // nothing new after a failure
    let settled = false;
    void pool.done.catch(() => (settled = true));
    await tick();
    expect(settled).toBe(false); // parts 1 and 3 still settling
    pool.task(1).fail(new Error('aborted'));
    pool.task(3).finish();
    await expect(pool.done).rejects.toBe(failure);
  });

  it('rejects with the abort reason when the run is interrupted, after the tasks settled', async () => {
    const pool = manualPool(3, () => 2);
    const reason = new DOMException('paused', 'AbortError');
    pool.abort(reason);
    expect(pool.task(1).signal.aborted).toBe(true);
    pool.task(1).fail(reason);
    pool.task(2).fail(reason);
    await expect(pool.done).rejects.toBe(reason);
    expect(pool.started).toHaveLength(2);
  });

  it('starts nothing when the signal is aborted before it runs', async () => {
    const signal = AbortSignal.abort(new Error('stopped'));
    let runs = 0;
    await expect(
      runPartTasks({ limit: () => 4, claimNext: () => 1, runPart: () => Promise.resolve(void runs++), signal }),
    ).rejects.toThrow('stopped');
    expect(runs).toBe(0);
  });
});
