import { describe, expect, it } from 'vitest';
import { classifyRetryable } from './classify-retryable';

describe('classifyRetryable', () => {
  it.each([
    ['NetworkError', 0],
    ['ConnectTimeout', 0],
    ['HeadersTimeout', 0],
    ['BodyTimeout', 0],
    ['MalformedResponse', 200],
    ['IntegrityMismatch', 200],
    ['RequestTimeout', 400],
    ['RequestTimeTooSkewed', 403],
    ['SecurityTokenExpired', 403],
    ['ServiceUnavailable', 503],
    ['SlowDown', 503],
    ['InternalError', 500],
    ['InternalError', 200], // an <Error> behind HTTP 200 (oss-protocol.md §6.3)
    ['UnexpectedStatus', 500],
    ['UnexpectedStatus', 502],
    ['UnexpectedStatus', 503],
    ['UnexpectedStatus', 408],
    ['UnexpectedStatus', 429],
    ['SomeFutureCode', 504],
  ])('retries %s (HTTP %i)', (code, status) => {
    expect(classifyRetryable(code, status)).toBe(true);
  });

  it.each([
    ['Aborted', 0],
    ['AccessDenied', 403],
    ['InvalidAccessKeyId', 403],
    ['InvalidAccessKeyId', 400],
    ['SignatureDoesNotMatch', 403],
    ['NoSuchBucket', 404],
    ['NoSuchUpload', 404],
    ['NoSuchKey', 404],
    ['InvalidDigest', 400],
    ['EntityTooSmall', 400],
    ['InvalidPart', 400],
    ['InvalidPart', 200],
    ['InvalidPartOrder', 400],
    ['MalformedXML', 400],
    ['InvalidArgument', 400],
    ['InvalidArgument', 0],
    ['InvalidObjectName', 400],
    ['AccessDenied', 500], // a final code stays final whatever status a proxy pairs it with
    ['MissingContentLength', 411],
    ['PreconditionFailed', 412],
    ['UnexpectedStatus', 401],
    ['UnexpectedStatus', 404],
    ['ResponseTooLarge', 200],
  ])('does not retry %s (HTTP %i)', (code, status) => {
    expect(classifyRetryable(code, status)).toBe(false);
  });
});
