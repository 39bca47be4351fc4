// Retries for the manager's requests, decided by the engine's retry policy (main/uploads/retry-policy.ts) so both
// sides agree on what is transient (oss-protocol.md §8.3). The manager's calls are small control requests a person
// is waiting for, so its default policy is shorter than the engine's: a few attempts, short waits.
import { setTimeout as delay } from 'node:timers/promises';
import { decideRetry, type RetryPolicy } from '../uploads/retry-policy';

/** 4 attempts, waits of at most 0.25 s, 0.5 s, 1 s (full jitter): "a few times with backoff" (issue 4 item 4). */
export const INCOMPLETE_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 5_000 };

/** Waits `ms`, or rejects when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The real timer. */
export const systemSleep: Sleep = (ms, signal) => delay(ms, undefined, { signal });

/** How {@link withRetry} waits and decides. */
export interface RetryOptions {
  readonly policy: RetryPolicy;
  readonly sleep: Sleep;
  readonly random: () => number;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Runs `task` until it succeeds or the policy says stop; rethrows the last error. The OSS client has already
 * corrected its clock after RequestTimeTooSkewed and refreshed STS credentials after SecurityTokenExpired by the
 * time the error arrives (main/oss/oss-client.ts), so those decisions simply retry at once.
 */
export async function withRetry<T>(task: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await task(attempt);
    } catch (error) {
      if (options.signal?.aborted === true) throw error;
      const decision = decideRetry(error, attempt, options.policy, options.random);
      if (decision.action === 'fail') throw error;
      if (decision.action === 'retry') await options.sleep(decision.delayMs, options.signal);
    }
  }
}
