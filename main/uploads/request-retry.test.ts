import { describe, expect, it } from 'vitest';
import { OssError } from '../oss/oss-error';
import { RequestScheduler } from './request-scheduler';
import { RequestFailedError, runWithRetries, type RetryNotice, type RetryRunner } from './request-retry';

function runner(overrides: Partial<RetryRunner> = {}): RetryRunner & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    scheduler: new RequestScheduler({ maxRequests: 4, now: () => 0, throttleCooldownMs: 0 }),
    policy: () => ({ maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 }),
    random: () => 0.5,
    now: () => 1_000,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    sleeps,
    ...overrides,
  };
}

const ossError = (code: string, status: number, retryable: boolean, extra: Partial<ConstructorParameters<typeof OssError>[0]> = {}): OssError =>
  new OssError({ code, status, retryable, message: `${code}!`, ...extra });

/** An attempt function that throws the given errors in turn, then succeeds. */
function failing(...errors: unknown[]): { attempt: (n: number) => Promise<string>; calls: number[] } {
  const calls: number[] = [];
  return {
    calls,
    attempt: (n) => {
      calls.push(n);
      const error = errors[n - 1];
      return error === undefined ? Promise.resolve(`ok after ${n}`) : Promise.reject(error);
    },
  };
}

describe('runWithRetries', () => {
  it('retries transient errors with full-jitter backoff and reports each retry', async () => {
    const r = runner();
    const f = failing(ossError('InternalError', 500, true), ossError('NetworkError', 0, true));
    const notices: RetryNotice[] = [];
    await expect(runWithRetries(r, 'part', new AbortController().signal, f.attempt, (n) => notices.push(n))).resolves.toBe('ok after 3');
    expect(f.calls).toEqual([1, 2, 3]);
    expect(r.sleeps).toEqual([50, 100]); // random 0.5 of 100, then of 200
    expect(notices.map((n) => [n.attempt, n.delayMs, n.nextTryAtMs])).toEqual([
      [1, 50, 1_050],
      [2, 100, 1_100],
    ]);
  });

  it('halves the scheduler\'s concurrency on 503 and gives every slot back', async () => {
    const r = runner();
    const f = failing(ossError('ServiceUnavailable', 503, true));
    await runWithRetries(r, 'part', new AbortController().signal, f.attempt);
    expect(r.scheduler.stats()).toMatchObject({ effectiveMaxRequests: 2, requestsInFlight: 0, throttleDecreases: 1 });
  });

  it('gives the request slot back when the attempt says its request is over, before the attempt ends', async () => {
    const r = runner();
    let finish: (value: string) => void = () => undefined;
    const inFlight: number[] = [];
    const result = runWithRetries(r, 'part', new AbortController().signal, (_n, requestDone) => {
      inFlight.push(r.scheduler.stats().requestsInFlight);
      requestDone();
      inFlight.push(r.scheduler.stats().requestsInFlight);
      requestDone(); // harmless twice: the slot is not given back again
      return new Promise<string>((resolve) => (finish = resolve));
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(inFlight).toEqual([1, 0]);
    expect(r.scheduler.stats().requestsInFlight).toBe(0);
    finish('checked');
    await expect(result).resolves.toBe('checked');
    expect(r.scheduler.stats().requestsInFlight).toBe(0);
  });

  it('fails at once on a permanent error, and after maxAttempts on a transient one', async () => {
    const permanent = failing(ossError('AccessDenied', 403, false));
    const error = await runWithRetries(runner(), 'control', new AbortController().signal, permanent.attempt).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestFailedError);
    expect(error).toMatchObject({ reason: 'permanent', attempts: 1, cause: { code: 'AccessDenied' } });
    const always = Array.from({ length: 4 }, () => ossError('InternalError', 500, true));
    const exhausted = await runWithRetries(runner(), 'part', new AbortController().signal, failing(...always).attempt).catch((e: unknown) => e);
    expect(exhausted).toMatchObject({ reason: 'exhausted', attempts: 4, message: 'InternalError! (gave up after 4 attempts)' });
  });

  it('retries at once after a clock correction or a credential refresh, but not when the refresh failed', async () => {
    const r = runner();
    const skew = ossError('RequestTimeTooSkewed', 403, true, { serverTimeMs: 5 });
    const expired = ossError('SecurityTokenExpired', 403, true);
    await expect(runWithRetries(r, 'part', new AbortController().signal, failing(skew, expired).attempt)).resolves.toBe('ok after 3');
    expect(r.sleeps).toEqual([]);
    const refreshFailed = ossError('SecurityTokenExpired', 403, false);
    await expect(runWithRetries(r, 'part', new AbortController().signal, failing(refreshFailed).attempt)).rejects.toMatchObject({ reason: 'permanent' });
  });

  it('stops with the abort reason when the signal aborts, during an attempt or a backoff', async () => {
    const controller = new AbortController();
    const reason = new DOMException('paused', 'AbortError');
    const r = runner({
      sleep: () => {
        controller.abort(reason);
        return Promise.reject(new Error('sleep aborted'));
      },
    });
    await expect(runWithRetries(r, 'part', controller.signal, failing(ossError('InternalError', 500, true)).attempt)).rejects.toBe(reason);
    const aborted = new AbortController();
    aborted.abort(reason);
    await expect(runWithRetries(runner(), 'part', aborted.signal, () => Promise.resolve(1))).rejects.toBe(reason);
  });
});
