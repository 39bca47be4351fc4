import { isOssError } from '../oss/oss-error';
import type { Release, RequestKind, RequestScheduler } from './request-scheduler';
import { decideRetry, isThrottle, type RetryPolicy } from './retry-policy';

// Issue 3 item 5: every request the engine makes goes through here. Each attempt takes a request slot from the one
// scheduler (item 3) and gives it back before any backoff wait, so a part sleeping 30 s between tries does not hold
// a slot others could use. What follows a failure is decided by decideRetry (retry-policy.ts); the OSS client has
// already prepared the next attempt for the two errors that need it (a RequestTimeTooSkewed answer set the
// client's clock offset, a SecurityTokenExpired answer ran the credential provider's refresh), so those retry at
// once. Throttling answers lower the scheduler's concurrency; successes let it climb back.

/** What runWithRetries needs besides the attempt itself. */
export interface RetryRunner {
  readonly scheduler: RequestScheduler;
  /** Read at every decision, so a settings change applies to requests already retrying. */
  readonly policy: () => RetryPolicy;
  readonly random: () => number;
  readonly now: () => number;
  /** Resolves after `ms`; rejects (or resolves early) when `signal` aborts. */
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** A failed attempt that will be tried again. */
export interface RetryNotice {
  /** The attempt that failed (1-based). */
  readonly attempt: number;
  readonly error: unknown;
  readonly delayMs: number;
  readonly nextTryAtMs: number;
}

/** Why a request was given up: the error cannot be fixed by trying again, or the attempts ran out. */
export type GiveUpReason = 'permanent' | 'exhausted';

/** A request that will not be tried again; `cause` is the last attempt's error. */
export class RequestFailedError extends Error {
  readonly reason: GiveUpReason;
  readonly attempts: number;

  constructor(reason: GiveUpReason, attempts: number, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(reason === 'exhausted' ? `${detail} (gave up after ${attempts} attempts)` : detail, { cause });
    this.name = 'RequestFailedError';
    this.reason = reason;
    this.attempts = attempts;
  }
}

/** The abort reason of `signal` as something throwable. */
export function abortReasonOf(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted', 'AbortError');
}

/**
 * Runs `attempt` until it succeeds, a permanent error or the attempt limit. Rejects with RequestFailedError, or
 * with the signal's reason once `signal` has aborted (pause, cancel, shutdown: not a failure of the request).
 * An attempt may call `requestDone` once its request is over, to free the slot for local work that follows.
 */
export async function runWithRetries<T>(
  runner: RetryRunner,
  kind: RequestKind,
  signal: AbortSignal,
  attempt: (attemptNumber: number, requestDone: Release) => Promise<T>,
  onRetry?: (notice: RetryNotice) => void,
): Promise<T> {
  for (let attemptNumber = 1; ; attemptNumber += 1) {
    // The scheduler grants a free slot without looking at the signal; an interrupted job must not start a request.
    if (signal.aborted) throw abortReasonOf(signal);
    try {
      const result = await runner.scheduler.run(kind, signal, (release) => attempt(attemptNumber, release));
      runner.scheduler.reportSuccess();
      return result;
    } catch (error) {
      if (signal.aborted) throw abortReasonOf(signal);
      if (isThrottle(error)) runner.scheduler.reportThrottle();
      const decision = decideRetry(error, attemptNumber, runner.policy(), runner.random);
      if (decision.action === 'fail') {
        // 'aborted' with our signal still live: something else canceled the request (a closed client); no retry.
        throw new RequestFailedError(decision.reason === 'exhausted' ? 'exhausted' : 'permanent', attemptNumber, error);
      }
      let delayMs = 0;
      if (decision.action === 'retry') delayMs = decision.delayMs;
      // The provider's refresh failed (the client then marks the error final): the same request would fail again.
      if (decision.action === 'refreshCredentialsAndRetry' && isOssError(error) && !error.retryable) {
        throw new RequestFailedError('permanent', attemptNumber, error);
      }
      onRetry?.({ attempt: attemptNumber, error, delayMs, nextTryAtMs: runner.now() + delayMs });
      // An aborted sleep may reject with its own AbortError; the signal's reason is what callers expect.
      if (delayMs > 0) await runner.sleep(delayMs, signal).catch(() => undefined);
      if (signal.aborted) throw abortReasonOf(signal);
    }
  }
}
