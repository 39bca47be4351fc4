import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../emulator/faults/mulberry32';
import { OssError } from '../oss/oss-error';
import { DEFAULT_RETRY_POLICY, classifyError, computeBackoffMs, decideRetry, isThrottle, type RetryPolicy } from './retry-policy';

function ossError(code: string, status: number, extra: { retryable?: boolean; serverTimeMs?: number } = {}): OssError {
  return new OssError({ code, status, message: `${code} (test)`, retryable: extra.retryable ?? false, serverTimeMs: extra.serverTimeMs });
}

function systemError(code: string): Error {
  return Object.assign(new Error(`${code} (test)`), { code });
}

const almostOne = (): number => 1 - Number.EPSILON;

describe('computeBackoffMs', () => {
  it('doubles the ceiling per attempt from the base up to the cap', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 8, 60, 5000].map((attempt) => computeBackoffMs(attempt, DEFAULT_RETRY_POLICY, almostOne));
    expect(ceilings).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000, 30_000]);
  });

  it('draws the whole range from 0 (full jitter)', () => {
    expect(computeBackoffMs(5, DEFAULT_RETRY_POLICY, () => 0)).toBe(0);
    expect(computeBackoffMs(3, DEFAULT_RETRY_POLICY, () => 0.5)).toBe(1000);
  });

  it('stays within [0, ceiling] and averages about half of it', () => {
    const random = mulberry32(7);
    const draws = Array.from({ length: 10_000 }, () => computeBackoffMs(4, DEFAULT_RETRY_POLICY, random));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThanOrEqual(4000);
    const mean = draws.reduce((sum, value) => sum + value, 0) / draws.length;
    expect(mean).toBeGreaterThan(1900);
    expect(mean).toBeLessThan(2100);
  });

  it('honours a custom policy', () => {
    const policy: RetryPolicy = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 250 };
    expect([1, 2, 3].map((attempt) => computeBackoffMs(attempt, policy, almostOne))).toEqual([100, 200, 250]);
  });
});

describe('decideRetry', () => {
  const retryable: [string, unknown][] = [
    ['NetworkError', ossError('NetworkError', 0, { retryable: true })],
    ['ConnectTimeout', ossError('ConnectTimeout', 0, { retryable: true })],
    ['HeadersTimeout', ossError('HeadersTimeout', 0)],
    ['BodyTimeout', ossError('BodyTimeout', 0)],
    ['500 InternalError', ossError('InternalError', 500)],
    ['502 with no OSS body', ossError('UnexpectedStatus', 502)],
    ['503 SlowDown', ossError('SlowDown', 503)],
    ['429', ossError('UnexpectedStatus', 429)],
    ['400 RequestTimeout', ossError('RequestTimeout', 400)],
    ['part IntegrityMismatch', ossError('IntegrityMismatch', 200)],
    ['raw ECONNRESET', systemError('ECONNRESET')],
    ['raw undici socket error', systemError('UND_ERR_SOCKET')],
  ];
  it.each(retryable)('retries %s after a backoff', (_name, error) => {
    expect(decideRetry(error, 2, DEFAULT_RETRY_POLICY, () => 0.5)).toEqual({ action: 'retry', delayMs: 500 });
  });

  const permanent: [string, unknown][] = [
    ['AccessDenied', ossError('AccessDenied', 403)],
    ['InvalidAccessKeyId (403)', ossError('InvalidAccessKeyId', 403)],
    ['InvalidAccessKeyId (400)', ossError('InvalidAccessKeyId', 400)],
    ['SignatureDoesNotMatch', ossError('SignatureDoesNotMatch', 403)],
    ['NoSuchBucket', ossError('NoSuchBucket', 404)],
    ['NoSuchUpload', ossError('NoSuchUpload', 404)],
    ['NoSuchUpload even if flagged retryable', ossError('NoSuchUpload', 404, { retryable: true })],
    ['another 4xx', ossError('InvalidArgument', 400)],
    ['a missing local file', systemError('ENOENT')],
    ['a bug', new TypeError('x is undefined')],
    ['a thrown string', 'boom'],
  ];
  it.each(permanent)('fails at once on %s', (_name, error) => {
    expect(decideRetry(error, 1)).toEqual({ action: 'fail', reason: 'permanent' });
  });

  it('trusts the client for codes it does not know', () => {
    expect(decideRetry(ossError('SomethingNew', 400, { retryable: true }), 1, DEFAULT_RETRY_POLICY, () => 0)).toEqual({
      action: 'retry',
      delayMs: 0,
    });
  });

  it('gives up after maxAttempts', () => {
    const error = ossError('InternalError', 500);
    expect(decideRetry(error, 7, DEFAULT_RETRY_POLICY, () => 0).action).toBe('retry');
    expect(decideRetry(error, 8)).toEqual({ action: 'fail', reason: 'exhausted' });
    expect(decideRetry(error, 2, { ...DEFAULT_RETRY_POLICY, maxAttempts: 2 })).toEqual({ action: 'fail', reason: 'exhausted' });
  });

  it('corrects the clock on RequestTimeTooSkewed, counting the attempt', () => {
    const error = ossError('RequestTimeTooSkewed', 403, { serverTimeMs: 1_700_000_000_000 });
    expect(decideRetry(error, 1)).toEqual({ action: 'correctClockAndRetry', serverTimeMs: 1_700_000_000_000 });
    expect(decideRetry(error, 8)).toEqual({ action: 'fail', reason: 'exhausted' });
    expect(decideRetry(ossError('RequestTimeTooSkewed', 403), 1)).toEqual({ action: 'fail', reason: 'permanent' });
  });

  it('refreshes credentials on SecurityTokenExpired, counting the attempt', () => {
    const error = ossError('SecurityTokenExpired', 403);
    expect(decideRetry(error, 3)).toEqual({ action: 'refreshCredentialsAndRetry' });
    expect(decideRetry(error, 8)).toEqual({ action: 'fail', reason: 'exhausted' });
  });

  it('treats pause and cancel as aborted, not as failures, whatever the attempt', () => {
    const controller = new AbortController();
    controller.abort();
    for (const error of [ossError('Aborted', 0), controller.signal.reason, new DOMException('stop', 'AbortError'), systemError('ABORT_ERR')]) {
      expect(classifyError(error)).toBe('aborted');
      expect(decideRetry(error, 99)).toEqual({ action: 'fail', reason: 'aborted' });
    }
  });
});

describe('isThrottle', () => {
  it('recognises 503, 429 and SlowDown only', () => {
    expect(isThrottle(ossError('SlowDown', 503))).toBe(true);
    expect(isThrottle(ossError('ServiceUnavailable', 503))).toBe(true);
    expect(isThrottle(ossError('UnexpectedStatus', 429))).toBe(true);
    expect(isThrottle(ossError('SlowDown', 400))).toBe(true);
    expect(isThrottle(ossError('InternalError', 500))).toBe(false);
    expect(isThrottle(ossError('NetworkError', 0))).toBe(false);
    expect(isThrottle(systemError('ECONNRESET'))).toBe(false);
    expect(isThrottle(undefined)).toBe(false);
  });
});
