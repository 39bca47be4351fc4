import { DEFAULT_PART_SIZE_BYTES, MAX_PART_SIZE_BYTES, MIN_PART_SIZE_BYTES } from '../../shared/limits';
import { DEFAULT_MAX_FILES, DEFAULT_MAX_REQUESTS } from './request-scheduler';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';

// Issue 3 items 2, 3, 5 and 9: the settings the engine reads at run time. Every field can change while uploads run
// (updateSettings): limits and bandwidth apply at once, the retry policy from the next decision on, and the part
// size only to jobs added afterwards (a job keeps the part size its journal record was planned with).

/** The engine's settings. */
export interface EngineSettings {
  /** Part size for new jobs (100 KB … 5 GB); raised per file when it would need more than 10,000 parts. */
  readonly partSizeBytes: number;
  /** Requests in flight over all jobs (the scheduler lowers it temporarily on throttling). */
  readonly maxRequests: number;
  /** Files between preparing and verifying at once. */
  readonly maxFiles: number;
  readonly retry: RetryPolicy;
  /** Global upload limit in bytes per second; 0 = off. */
  readonly bandwidthBytesPerSecond: number;
  /** Jobs that were running when the engine stopped resume at start instead of coming back paused. */
  readonly resumeOnStart: boolean;
}

/** A change of some settings; `retry` may name only some of its fields. */
export type EngineSettingsUpdate = Partial<Omit<EngineSettings, 'retry'>> & { readonly retry?: Partial<RetryPolicy> };

/** Issue 3 defaults: 8 MiB parts, 8 requests, 3 files, 8 attempts with 500 ms … 30 s backoff, no bandwidth limit. */
export const DEFAULT_ENGINE_SETTINGS: EngineSettings = {
  partSizeBytes: DEFAULT_PART_SIZE_BYTES,
  maxRequests: DEFAULT_MAX_REQUESTS,
  maxFiles: DEFAULT_MAX_FILES,
  retry: DEFAULT_RETRY_POLICY,
  bandwidthBytesPerSecond: 0,
  resumeOnStart: false,
};

/**
 * Upper bounds that keep a typo from hurting: gov1 clamps its routines to 1 … 100 (oss-protocol.md §10), and more
 * than 100 files at once only splits the same bandwidth finer. An hour is the longest sensible wait between tries.
 */
const MAX_PARALLEL = 100;
const MAX_ATTEMPTS = 100;
const MAX_DELAY_MS = 60 * 60 * 1000;

/** Thrown for a settings value outside its range; `field` names it (e.g. `retry.maxAttempts`). */
export class InvalidSettingsError extends RangeError {
  readonly code = 'InvalidSettings';
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'InvalidSettingsError';
    this.field = field;
  }
}

function requireInteger(field: string, value: number, min: number, max: number): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new InvalidSettingsError(field, `must be a whole number in ${min} … ${max}, got ${value}`);
  }
}

/** The settings after `update`, checked as a whole; throws InvalidSettingsError and leaves `base` as it was. */
export function resolveEngineSettings(base: EngineSettings, update: EngineSettingsUpdate = {}): EngineSettings {
  const next: EngineSettings = {
    partSizeBytes: update.partSizeBytes ?? base.partSizeBytes,
    maxRequests: update.maxRequests ?? base.maxRequests,
    maxFiles: update.maxFiles ?? base.maxFiles,
    retry: { ...base.retry, ...update.retry },
    bandwidthBytesPerSecond: update.bandwidthBytesPerSecond ?? base.bandwidthBytesPerSecond,
    resumeOnStart: update.resumeOnStart ?? base.resumeOnStart,
  };
  requireInteger('partSizeBytes', next.partSizeBytes, MIN_PART_SIZE_BYTES, MAX_PART_SIZE_BYTES);
  requireInteger('maxRequests', next.maxRequests, 1, MAX_PARALLEL);
  requireInteger('maxFiles', next.maxFiles, 1, MAX_PARALLEL);
  requireInteger('retry.maxAttempts', next.retry.maxAttempts, 1, MAX_ATTEMPTS);
  requireInteger('retry.baseDelayMs', next.retry.baseDelayMs, 0, MAX_DELAY_MS);
  requireInteger('retry.maxDelayMs', next.retry.maxDelayMs, next.retry.baseDelayMs, MAX_DELAY_MS);
  const rate = next.bandwidthBytesPerSecond;
  if (!Number.isFinite(rate) || rate < 0) {
    throw new InvalidSettingsError('bandwidthBytesPerSecond', `must be 0 (off) or a positive number, got ${rate}`);
  }
  if (typeof next.resumeOnStart !== 'boolean') throw new InvalidSettingsError('resumeOnStart', 'must be true or false');
  return next;
}
