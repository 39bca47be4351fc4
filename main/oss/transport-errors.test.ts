import { describe, expect, it } from 'vitest';
import { OssError } from './oss-error';
import { toTransportError } from './transport-errors';

const req = { method: 'PUT', host: 'bkt.oss-cn-hangzhou.aliyuncs.com', path: '/dir/a.bin' };

function withCode(code: string, name = 'Error'): Error {
  const error = new Error(`${code} happened`);
  error.name = name;
  return Object.assign(error, { code });
}

describe('toTransportError', () => {
  it.each([
    ['UND_ERR_CONNECT_TIMEOUT', 'ConnectTimeout', true],
    ['UND_ERR_HEADERS_TIMEOUT', 'HeadersTimeout', true],
    ['UND_ERR_BODY_TIMEOUT', 'BodyTimeout', true],
    ['UND_ERR_SOCKET', 'NetworkError', true],
    ['UND_ERR_CLOSED', 'NetworkError', true],
    ['UND_ERR_RES_CONTENT_LENGTH_MISMATCH', 'NetworkError', true],
    ['UND_ERR_REQ_CONTENT_LENGTH_MISMATCH', 'InvalidArgument', false],
    ['UND_ERR_RES_EXCEEDED_MAX_SIZE', 'ResponseTooLarge', false],
    ['HPE_INVALID_CONSTANT', 'MalformedResponse', true],
    ['ECONNREFUSED', 'NetworkError', true],
    ['ECONNRESET', 'NetworkError', true],
    ['EPIPE', 'NetworkError', true],
    ['ENOTFOUND', 'NetworkError', true],
    ['EAI_AGAIN', 'NetworkError', true],
    ['ESOMETHINGNEW', 'NetworkError', true],
    ['CERT_HAS_EXPIRED', 'NetworkError', false],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'NetworkError', false],
  ])('%s → %s (retryable %s)', (code, expected, retryable) => {
    const error = toTransportError(withCode(code), req);
    expect(error).toBeInstanceOf(OssError);
    expect(error.code).toBe(expected);
    expect(error.retryable).toBe(retryable);
    expect(error.status).toBe(0);
    expect(error.message).toContain('PUT bkt.oss-cn-hangzhou.aliyuncs.com/dir/a.bin');
  });

  it('names the system error in the message', () => {
    expect(toTransportError(withCode('ENOTFOUND'), req).message).toMatch(/host not found \(ENOTFOUND\)/);
  });

  it('an HTTPParserError without a code is a MalformedResponse', () => {
    const error = new Error('Response does not match the HTTP/1.1 protocol');
    error.name = 'HTTPParserError';
    expect(toTransportError(error, req).code).toBe('MalformedResponse');
  });

  it('an aborted signal wins over the error the abort caused, and keeps the reason', () => {
    const controller = new AbortController();
    controller.abort('pause');
    const error = toTransportError(withCode('UND_ERR_SOCKET'), req, controller.signal);
    expect(error.code).toBe('Aborted');
    expect(error.retryable).toBe(false);
    expect(error.cause).toBe('pause');
  });

  it('an OssError passes through unchanged', () => {
    const own = new OssError({ code: 'NoSuchUpload', status: 404, retryable: false, message: 'gone' });
    expect(toTransportError(own, req)).toBe(own);
  });

  it('keeps the original error as cause', () => {
    const original = withCode('ECONNRESET');
    expect(toTransportError(original, req).cause).toBe(original);
  });
});
