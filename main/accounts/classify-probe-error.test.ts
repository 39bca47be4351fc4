import { describe, expect, it } from 'vitest';
import { OssError, type OssErrorFields } from '../oss/oss-error';
import { classifyProbeError, type ProbeContext } from './classify-probe-error';

const ctx: ProbeContext = { bucket: 'photos', host: 'oss-cn-hangzhou.aliyuncs.com', signatureVersion: 'v4', now: () => Date.UTC(2025, 0, 1) };

function error(fields: Partial<OssErrorFields> & Pick<OssErrorFields, 'code'>): OssError {
  return new OssError({ status: 403, message: 'm', retryable: false, requestId: 'RID', ...fields });
}

describe('classifyProbeError', () => {
  it.each([
    [{ code: 'NetworkError', status: 0 }, 'endpoint', /Cannot reach oss-cn-hangzhou/],
    [{ code: 'ConnectTimeout', status: 0 }, 'endpoint', /Cannot reach/],
    [{ code: 'MalformedResponse', status: 200 }, 'endpoint', /did not answer like OSS/],
    [{ code: 'InvalidArgument', status: 0, message: 'Invalid endpoint "ftp://x": use http:// or https://' }, 'endpoint', /use http/],
    [{ code: 'InvalidArgument', status: 400, details: { ArgumentName: 'region', ArgumentValue: 'cn-beijing' } }, 'endpoint', /region does not match/],
    [{ code: 'InvalidAccessKeyId' }, 'credentials', /does not know this AccessKey ID/],
    [{ code: 'SignatureDoesNotMatch' }, 'credentials', /secret, and that the region matches/],
    [{ code: 'SecurityTokenExpired' }, 'credentials', /STS token has expired/],
    [{ code: 'RequestTimeTooSkewed', details: { RequestTime: '2025-01-01T00:00:00Z', ServerTime: '2025-01-01T00:20:00Z' } }, 'clock', /20 minutes \(behind OSS/],
    [{ code: 'NoSuchBucket', status: 404 }, 'bucket', /Bucket "photos" does not exist/],
    [{ code: 'AccessDenied', details: { Endpoint: 'oss-cn-shanghai.aliyuncs.com' } }, 'bucket', /use the endpoint oss-cn-shanghai/],
  ] as const)('%j → %s', (fields, check, advice) => {
    const f = classifyProbeError(error(fields), ctx);
    expect(f.check).toBe(check);
    expect(f.status).toBe('failed');
    expect(f.advice).toMatch(advice);
    expect(f.code).toBe(fields.code);
  });

  it('names only the secret for V1, which does not sign the region', () => {
    expect(classifyProbeError(error({ code: 'SignatureDoesNotMatch' }), { ...ctx, signatureVersion: 'v1' }).advice).toBe(
      'The AccessKey secret does not match the AccessKey ID: check the secret.',
    );
  });

  it('treats a plain AccessDenied on the bucket as a warning after a good signature', () => {
    const f = classifyProbeError(error({ code: 'AccessDenied' }), ctx);
    expect(f).toMatchObject({ check: 'bucket', status: 'warning', authPassed: true, requestId: 'RID' });
    expect(f.advice).toContain('oss:GetBucketInfo');
  });

  it('falls back to the general advice for anything else', () => {
    const f = classifyProbeError(error({ code: 'ServiceUnavailable', status: 503, retryable: true }), ctx);
    expect(f).toMatchObject({ check: 'bucket', status: 'failed' });
    expect(f.advice).toContain('temporary server problem');
  });
});
