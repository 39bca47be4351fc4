import { describe, expect, it } from 'vitest';
import type { OssErrorFields } from '../oss-error';
import { describeOssError } from './describe-oss-error';

function fields(code: string, extra: Partial<OssErrorFields> = {}): OssErrorFields {
  return { code, status: 403, message: `server says ${code}`, retryable: false, ...extra };
}

const noClock = (): number => {
  throw new Error('the clock must not be read');
};

describe('describeOssError', () => {
  it.each([
    ['InvalidAccessKeyId', 'Unknown AccessKey ID', 'AccessKey ID'],
    ['SignatureDoesNotMatch', 'Signature rejected', 'check the AccessKey secret and the region'],
    ['NoSuchBucket', 'Bucket not found', 'check the bucket name and endpoint/region'],
    ['AccessDenied', 'Access denied', 'RAM policy'],
    ['NoSuchUpload', 'Upload no longer exists', 'the upload was aborted or completed elsewhere'],
    ['SecurityTokenExpired', 'Temporary credentials expired', 'refresh'],
    ['NetworkError', 'Cannot reach OSS', 'check the endpoint and your connection'],
    ['ConnectTimeout', 'OSS did not answer in time', 'check the endpoint and your connection'],
    ['EntityTooSmall', 'Part too small', '100 KB'],
    ['MalformedResponse', 'Unreadable answer from OSS', 'endpoint'],
    ['InternalError', 'OSS is busy or failing', 'retried automatically'],
  ])('explains %s', (code, title, advice) => {
    const description = describeOssError(fields(code), noClock);
    expect(description.title).toBe(title);
    expect(description.advice.toLowerCase()).toContain(advice.toLowerCase());
  });

  it('gives the clock offset from the error\'s own RequestTime and ServerTime without reading the clock', () => {
    const error = fields('RequestTimeTooSkewed', {
      serverTimeMs: Date.UTC(2024, 0, 1, 0, 20),
      details: { RequestTime: '2024-01-01T00:00:00.000Z', ServerTime: '2024-01-01T00:20:00.000Z' },
    });
    expect(describeOssError(error, noClock).advice).toContain('Your clock is off by 20 minutes (behind OSS');
  });

  it('falls back to the injected clock when only the server time is known', () => {
    const serverTimeMs = Date.UTC(2024, 0, 1, 0, 0);
    const advice = describeOssError(fields('RequestTimeTooSkewed', { serverTimeMs }), () => serverTimeMs + 61 * 60_000).advice;
    expect(advice).toContain('off by 61 minutes (ahead of OSS');
  });

  it('reads a V4-style basic RequestTime', () => {
    const error = fields('RequestTimeTooSkewed', { serverTimeMs: Date.UTC(2022, 11, 28, 10, 0, 41), details: { RequestTime: '20221228T102741Z' } });
    expect(describeOssError(error, noClock).advice).toContain('off by 27 minutes (ahead of OSS');
  });

  it('still explains a skew with no server time', () => {
    expect(describeOssError(fields('RequestTimeTooSkewed'), noClock).advice).toContain('more than 15 minutes');
  });

  it('falls back to the server message and request id for other codes', () => {
    const description = describeOssError(fields('FileAlreadyExists', { status: 409, requestId: 'R1', message: 'The object already exists.' }), noClock);
    expect(description).toEqual({ title: 'FileAlreadyExists', advice: 'The object already exists. Request ID: R1.' });
    expect(describeOssError(fields('UnexpectedStatus', { status: 404, message: 'HTTP 404 with no OSS error body' }), noClock).title).toBe(
      'Unexpected answer (HTTP 404)',
    );
    expect(describeOssError(fields('UnexpectedStatus', { status: 503 }), noClock).title).toBe('OSS is busy or failing');
  });
});
