import { isOssError } from '../oss/oss-error';

// Issue 3 item 5: retries that know the error. The classification follows the issue, which is stricter than the
// official SDKs where it matters (oss-protocol.md §8.3): gov2 retries 3 times (base 200 ms, cap 20 s), ali-oss only
// network errors, ossutil restarts the whole file. Here each request gets up to 8 attempts with full-jitter
// exponential backoff (base 500 ms, cap 30 s), and errors no retry can fix end the job at once.

/** How many times one request is tried and how long to wait in between. */
export interface RetryPolicy {
  /** Attempts per request, the first one included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** Issue 3 item 5: 8 attempts, base 500 ms, cap 30 s. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 500, maxDelayMs: 30_000 };

/** What to do after attempt number `attempt` of a request failed. */
export type RetryDecision =
  | { readonly action: 'retry'; readonly delayMs: number }
  /** RequestTimeTooSkewed: adopt the server's clock (§8.4), re-sign and retry at once. */
  | { readonly action: 'correctClockAndRetry'; readonly serverTimeMs: number }
  /** SecurityTokenExpired: ask the credential provider for fresh STS credentials, then retry at once. */
  | { readonly action: 'refreshCredentialsAndRetry' }
  /** permanent: no retry can help; exhausted: out of attempts; aborted: paused or canceled, not a failure. */
  | { readonly action: 'fail'; readonly reason: 'permanent' | 'exhausted' | 'aborted' };

/** What kind of error this is, independent of how many attempts were made. */
export type ErrorClass = 'aborted' | 'transient' | 'clockSkew' | 'tokenExpired' | 'permanent';

/** Codes the OSS client produces for failures of the connection itself (main/oss/oss-error.ts ClientErrorCode). */
const TRANSIENT_CLIENT_CODES = new Set([
  'NetworkError',
  'ConnectTimeout',
  'HeadersTimeout',
  'BodyTimeout',
  // A part whose returned ETag/CRC-64 disagrees with what was sent is sent again (issue 3 item 4); the same part
  // number overwrites it (§7). A whole-object CRC-64 mismatch after Complete is decided by the job, not here.
  'IntegrityMismatch',
]);

/** OSS codes a retry can fix even when the status alone would not say so (RequestTimeout is a 400). */
const TRANSIENT_SERVER_CODES = new Set(['RequestTimeout', 'SlowDown', 'InternalError', 'ServiceUnavailable']);

/** Errors that say what the user must fix: retrying only burns attempts (and NoSuchUpload must never restart). */
const PERMANENT_SERVER_CODES = new Set([
  'AccessDenied',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'NoSuchBucket',
  'NoSuchUpload',
]);

/** Socket-level errors that can escape as plain Node/undici errors rather than OssError. */
const TRANSIENT_SYSTEM_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

function isAbortError(error: unknown): boolean {
  if (isOssError(error)) return error.code === 'Aborted';
  return error instanceof Error && (error.name === 'AbortError' || errorCode(error) === 'ABORT_ERR');
}

/**
 * Sorts an error into the class that decides its handling. Anything unrecognised is permanent: a file-system
 * error (ENOENT, EACCES) or a bug would not go away by trying 8 times. Callers should also treat their own aborted
 * AbortSignal as 'aborted' whatever the error, since an abort reason can be any value.
 */
export function classifyError(error: unknown): ErrorClass {
  if (isAbortError(error)) return 'aborted';
  if (isOssError(error)) {
    if (error.code === 'RequestTimeTooSkewed') return 'clockSkew';
    if (error.code === 'SecurityTokenExpired') return 'tokenExpired';
    if (PERMANENT_SERVER_CODES.has(error.code)) return 'permanent';
    if (TRANSIENT_CLIENT_CODES.has(error.code) || TRANSIENT_SERVER_CODES.has(error.code)) return 'transient';
    if (error.status >= 500 || error.status === 429 || error.status === 408) return 'transient';
    // Remaining codes: trust the client's own judgement (it sees details such as an error body behind HTTP 200).
    return error.retryable ? 'transient' : 'permanent';
  }
  const code = errorCode(error);
  return code !== undefined && TRANSIENT_SYSTEM_CODES.has(code) ? 'transient' : 'permanent';
}

/**
 * Full-jitter exponential backoff (AWS Architecture Blog, "Exponential Backoff and Jitter"; gov2 uses the same):
 * a uniform random wait in [0, min(maxDelayMs, baseDelayMs · 2^(attempt−1))], where `attempt` (1-based) is the
 * attempt that just failed. `random` returns values in [0, 1), like Math.random.
 */
export function computeBackoffMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 52); // 2^52 already dwarfs any cap; avoids Infinity
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  const draw = Math.min(Math.max(random(), 0), 1);
  return Math.min(Math.floor(draw * (ceiling + 1)), ceiling);
}

/**
 * Decides what follows the failure of attempt `attempt` (1-based) of a request. Clock correction and credential
 * refresh retry at once but still count as attempts, so a server that keeps answering the same way cannot keep a
 * request alive forever.
 */
export function decideRetry(
  error: unknown,
  attempt: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
): RetryDecision {
  const kind = classifyError(error);
  if (kind === 'aborted') return { action: 'fail', reason: 'aborted' };
  if (kind === 'permanent') return { action: 'fail', reason: 'permanent' };
  if (attempt >= policy.maxAttempts) return { action: 'fail', reason: 'exhausted' };
  if (kind === 'clockSkew') {
    const serverTimeMs = isOssError(error) ? error.serverTimeMs : undefined;
    // Without the server's time there is nothing to correct, and the same request would fail the same way.
    if (serverTimeMs === undefined || !Number.isFinite(serverTimeMs)) return { action: 'fail', reason: 'permanent' };
    return { action: 'correctClockAndRetry', serverTimeMs };
  }
  if (kind === 'tokenExpired') return { action: 'refreshCredentialsAndRetry' };
  return { action: 'retry', delayMs: computeBackoffMs(attempt, policy, random) };
}

/** The server asks us to slow down (503, 429 or SlowDown): the scheduler should lower its concurrency. */
export function isThrottle(error: unknown): boolean {
  return isOssError(error) && (error.status === 503 || error.status === 429 || error.code === 'SlowDown');
}
