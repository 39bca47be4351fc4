// A fixed set of workers over a known list: what bulk abort and resume need. The first worker error stops new items
// from starting, lets those in flight finish, and is rethrown; an aborted signal stops new items the same way but
// is not an error (the caller reports what was not attempted).

/** How a pool run ended. */
export interface PoolOutcome {
  /** Items handed to the worker. */
  readonly started: number;
}

/**
 * Calls `worker` for each item, at most `concurrency` at once, in list order. Resolves when every started item has
 * settled; rejects with the first worker error.
 */
export async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  worker: (item: T, index: number) => Promise<void>,
  signal?: AbortSignal,
): Promise<PoolOutcome> {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a whole number ≥ 1, got ${concurrency}`);
  }
  let next = 0;
  let failed = false;
  let firstError: unknown;
  const lane = async (): Promise<void> => {
    while (!failed && signal?.aborted !== true && next < items.length) {
      const index = next;
      next += 1;
      try {
        // index < items.length was checked just above.
        await worker(items[index] as T, index);
      } catch (error) {
        if (!failed) firstError = error;
        failed = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  if (failed) throw firstError;
  return { started: next };
}
