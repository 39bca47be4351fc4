import { describe, expect, it } from 'vitest';
import { serverError } from './test-support/fake-client';
import { withRetry } from './with-retry';

function options(sleeps: number[]) {
  return {
    policy: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000 },
    sleep: (ms: number): Promise<void> => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: (): number => 0.5,
  };
}

describe('withRetry', () => {
  it('retries a transient error with backoff and returns the first success', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const value = await withRetry(async (attempt) => {
      calls += 1;
      if (attempt < 3) throw serverError('ServiceUnavailable', 503);
      return 'ok';
    }, options(sleeps));
    expect(value).toBe('ok');
    expect(calls).toBe(3);
    expect(sleeps).toEqual([50, 100]); // half of 100, then half of 200 (full jitter with random 0.5)
  });

  it('gives up after maxAttempts and rethrows the last error', async () => {
    let calls = 0;
    const run = withRetry(() => {
      calls += 1;
      return Promise.reject(serverError('InternalError', 500));
    }, options([]));
    await expect(run).rejects.toMatchObject({ code: 'InternalError' });
    expect(calls).toBe(4);
  });

  it('does not retry a permanent error', async () => {
    let calls = 0;
    const run = withRetry(() => {
      calls += 1;
      return Promise.reject(serverError('NoSuchUpload', 404));
    }, options([]));
    await expect(run).rejects.toMatchObject({ code: 'NoSuchUpload' });
    expect(calls).toBe(1);
  });

  it('retries at once after a clock-skew error (the client has corrected its clock by then)', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const skew = Object.assign(serverError('RequestTimeTooSkewed', 403), { serverTimeMs: 1_000 });
    const value = await withRetry(async () => {
      calls += 1;
      if (calls === 1) throw skew;
      return 'signed right';
    }, options(sleeps));
    expect(value).toBe('signed right');
    expect(sleeps).toEqual([]);
  });

  it('stops once the signal is aborted', async () => {
    const controller = new AbortController();
    let calls = 0;
    const run = withRetry(() => {
      calls += 1;
      controller.abort();
      return Promise.reject(serverError('InternalError', 500));
    }, { ...options([]), signal: controller.signal });
    await expect(run).rejects.toMatchObject({ code: 'InternalError' });
    expect(calls).toBe(1);
  });
});
