import { describe, expect, it } from 'vitest';
import { OssError } from '../oss-error';
import { parseErrorResponse, type ErrorResponseInput } from './parse-error-response';

const noSuchBucket =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>NoSuchBucket</Code>\n  <Message>The specified bucket does not exist.</Message>\n' +
  '  <RequestId>5C3D9175B6FC201293AD****</RequestId>\n  <HostId>test.oss-cn-hangzhou.aliyuncs.com</HostId>\n  <BucketName>test</BucketName>\n' +
  '  <EC>0015-00000101</EC>\n  <RecommendDoc>https://api.aliyun.com/troubleshoot?q=0015-00000101</RecommendDoc>\n</Error>\n';

describe('parseErrorResponse — XML bodies', () => {
  it('reads the documented error (oss-protocol.md §8.1), extras into details', () => {
    const error = parseErrorResponse({ status: 404, headers: { 'x-oss-request-id': 'HDR', 'x-oss-ec': 'HDR-EC' }, body: noSuchBucket });
    expect(error).toBeInstanceOf(OssError);
    expect(error.toJSON()).toEqual({
      code: 'NoSuchBucket',
      status: 404,
      message: 'The specified bucket does not exist.',
      requestId: '5C3D9175B6FC201293AD****',
      ec: '0015-00000101',
      retryable: false,
      serverTimeMs: undefined,
      details: {
        HostId: 'test.oss-cn-hangzhou.aliyuncs.com',
        BucketName: 'test',
        RecommendDoc: 'https://api.aliyun.com/troubleshoot?q=0015-00000101',
      },
    });
  });

  it('reads a namespaced root and takes request id and EC from headers when the body lacks them', () => {
    const body = '<Error xmlns="http://doc.oss-cn-hangzhou.aliyuncs.com"><Code>AccessDenied</Code><Message>You have no right to access this object.</Message></Error>';
    const error = parseErrorResponse({ status: 403, headers: { 'X-Oss-Request-Id': 'HDR', 'x-oss-ec': '0003-00000001' }, body });
    expect(error).toMatchObject({ code: 'AccessDenied', status: 403, requestId: 'HDR', ec: '0003-00000001', retryable: false });
  });

  it('keeps SignatureDoesNotMatch debugging extras but redacts an echoed STS token', () => {
    const body =
      '<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message>' +
      '<RequestId>R</RequestId><SignatureProvided>lt6hoH/xfERZYtcVPkRg7uX/4Io=</SignatureProvided>' +
      '<StringToSign>PUT\n\n\nWed, 28 Dec 2022 10:27:41 GMT\nx-oss-date:Wed, 28 Dec 2022 10:27:41 GMT\nx-oss-security-token:CAIS-SECRET-TOKEN\n/b/k</StringToSign>' +
      '<SecurityToken>CAIS-SECRET-TOKEN</SecurityToken><EC>0002-00000040</EC></Error>';
    const error = parseErrorResponse({ status: 403, headers: {}, body });
    expect(error.details['SignatureProvided']).toBe('lt6hoH/xfERZYtcVPkRg7uX/4Io=');
    expect(error.details['StringToSign']).toBe(
      'PUT\n\n\nWed, 28 Dec 2022 10:27:41 GMT\nx-oss-date:Wed, 28 Dec 2022 10:27:41 GMT\nx-oss-security-token:[redacted]\n/b/k',
    );
    expect(error.details['SecurityToken']).toBeUndefined();
    expect(JSON.stringify(error.toJSON())).not.toContain('SECRET');
  });

  it('reads ServerTime of RequestTimeTooSkewed and marks it retryable', () => {
    const body =
      '<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message>' +
      '<RequestTime>2024-01-01T00:00:00.000Z</RequestTime><ServerTime>2024-01-01T00:20:00.000Z</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds></Error>';
    const error = parseErrorResponse({ status: 403, headers: { date: 'Mon, 01 Jan 2024 00:30:00 GMT' }, body });
    expect(error).toMatchObject({ code: 'RequestTimeTooSkewed', retryable: true, serverTimeMs: Date.UTC(2024, 0, 1, 0, 20) });
    expect(error.details['ServerTime']).toBe('2024-01-01T00:20:00.000Z');
  });

  it('falls back to the Date header for RequestTimeTooSkewed without ServerTime, and only then', () => {
    const skew = parseErrorResponse({ status: 403, headers: { date: 'Mon, 01 Jan 2024 00:30:00 GMT' }, body: '<Error><Code>RequestTimeTooSkewed</Code></Error>' });
    expect(skew.serverTimeMs).toBe(Date.UTC(2024, 0, 1, 0, 30));
    expect(skew.message).toBe('OSS returned RequestTimeTooSkewed (HTTP 403)');
    const other = parseErrorResponse({ status: 403, headers: { date: 'Mon, 01 Jan 2024 00:30:00 GMT' }, body: '<Error><Code>AccessDenied</Code></Error>' });
    expect(other.serverTimeMs).toBeUndefined();
  });

  it('reads NoSuchUpload with its UploadId and numeric-looking values as strings', () => {
    const body = '<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message><UploadId>00123</UploadId><RequestId>1e5</RequestId></Error>';
    const error = parseErrorResponse({ status: 404, headers: {}, body });
    expect(error).toMatchObject({ code: 'NoSuchUpload', requestId: '1e5', retryable: false });
    expect(error.details).toEqual({ UploadId: '00123' });
  });
});

describe('parseErrorResponse — other forms', () => {
  it('reads the base64 XML of x-oss-err on a bodiless (HEAD) answer', () => {
    const header = Buffer.from('<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><RequestId>R7</RequestId><EC>0026-00000001</EC></Error>').toString('base64');
    const error = parseErrorResponse({ status: 404, headers: { 'x-oss-err': header, 'x-oss-request-id': 'HDR' }, body: undefined });
    expect(error).toMatchObject({ code: 'NoSuchKey', message: 'The specified key does not exist.', requestId: 'R7', ec: '0026-00000001', retryable: false });
  });

  it('reads a JSON error body', () => {
    const body = JSON.stringify({ Error: { Code: 'InvalidArgument', Message: 'bad max-keys', RequestId: 'J1', EC: '0017-00000001', ArgumentName: 'max-keys', Count: 3 } });
    const error = parseErrorResponse({ status: 400, headers: { 'content-type': 'application/json' }, body });
    expect(error).toMatchObject({ code: 'InvalidArgument', message: 'bad max-keys', requestId: 'J1', ec: '0017-00000001', retryable: false });
    expect(error.details).toEqual({ ArgumentName: 'max-keys', Count: '3' });
  });

  it('turns an empty 502 into a retryable UnexpectedStatus', () => {
    const error = parseErrorResponse({ status: 502, headers: { 'x-oss-request-id': 'HDR' }, body: '' });
    expect(error.toJSON()).toMatchObject({ code: 'UnexpectedStatus', status: 502, message: 'HTTP 502 with no OSS error body', requestId: 'HDR', retryable: true });
  });

  it('describes a foreign body without quoting it', () => {
    const body = '<html><body><h1>502 Bad Gateway</h1>x-oss-security-token: CAIS-SECRET</body></html>';
    const error = parseErrorResponse({ status: 502, headers: { 'content-type': 'text/html' }, body });
    expect(error).toMatchObject({ code: 'UnexpectedStatus', retryable: true });
    expect(error.message).toBe(`HTTP 502 with a body that is not an OSS error (text/html, ${body.length} characters)`);
  });

  it('is not retryable for an empty 4xx, but is for 408 and 429', () => {
    expect(parseErrorResponse({ status: 404, headers: {}, body: undefined }).retryable).toBe(false);
    expect(parseErrorResponse({ status: 408, headers: {}, body: undefined }).retryable).toBe(true);
    expect(parseErrorResponse({ status: 429, headers: {}, body: '' }).retryable).toBe(true);
  });

  it('rescues the leading fields of a body the transport cut short', () => {
    const full =
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>SignatureDoesNotMatch</Code>\n  <Message>The request signature &amp; more</Message>\n' +
      '  <RequestId>R8</RequestId>\n  <StringToSign>' + 'x'.repeat(5000);
    const error = parseErrorResponse({ status: 403, headers: {}, body: full, bodyTruncated: true });
    expect(error).toMatchObject({ code: 'SignatureDoesNotMatch', message: 'The request signature & more', requestId: 'R8', retryable: false });
  });

  it('does not parse a truncated body as complete even if the cut falls on a closing tag', () => {
    const error = parseErrorResponse({ status: 500, headers: {}, body: '<Error><Code>InternalError</Code></Error>', bodyTruncated: true });
    expect(error).toMatchObject({ code: 'InternalError', retryable: true });
  });

  it('stays bounded on a huge body the caller forgot to cap', () => {
    const body = '<Error><Code>InternalError</Code><Message>boom</Message><Junk>' + 'y'.repeat(20 * 1024 * 1024) + '</Junk></Error>';
    const error = parseErrorResponse({ status: 500, headers: {}, body });
    expect(error).toMatchObject({ code: 'InternalError', message: 'boom', retryable: true });
  });

  it('never throws, whatever it is given', () => {
    const inputs: ErrorResponseInput[] = [
      { status: 500, headers: {}, body: '<Error><Code>' },
      { status: 400, headers: { 'x-oss-err': '!!!not base64!!!' }, body: undefined },
      { status: 400, headers: {}, body: '{"Error": "nope"}' },
      { status: 400, headers: {}, body: '<Error><constructor>1</constructor></Error>' },
      { status: 400, headers: {}, body: '<Error><Code>X</Code><Code>Y</Code></Error>' },
      { status: 400, headers: {}, body: '<Error><Message>&bogus;</Message></Error>' },
    ];
    for (const input of inputs) {
      const error = parseErrorResponse(input);
      expect(error).toBeInstanceOf(OssError);
      expect(error.status).toBe(input.status);
    }
  });

  it('keeps a JSON detail named __proto__ as plain data', () => {
    const error = parseErrorResponse({ status: 400, headers: {}, body: '{"Error":{"Code":"X","__proto__":"p"}}' });
    expect(Object.getPrototypeOf(error.details)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(error.details, '__proto__')?.value).toBe('p');
  });

  it('caps the number and length of details', () => {
    const extras = Array.from({ length: 50 }, (_, i) => `<Extra${i}>v</Extra${i}>`).join('');
    const error = parseErrorResponse({ status: 400, headers: {}, body: `<Error><Code>X</Code><Long>${'z'.repeat(10_000)}</Long>${extras}</Error>` });
    expect(Object.keys(error.details)).toHaveLength(32);
    expect(error.details['Long']?.length).toBe(4097);
  });
});
