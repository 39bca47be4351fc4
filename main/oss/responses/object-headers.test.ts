import { describe, expect, it } from 'vitest';
import { parseHeadObjectHeaders } from './parse-head-object-headers';
import { parsePutObjectHeaders } from './parse-put-object-headers';
import { parseUploadPartHeaders } from './parse-upload-part-headers';

const malformed = (fragment: string): unknown =>
  expect.objectContaining({ code: 'MalformedResponse', status: 200, requestId: 'R', retryable: true, message: expect.stringContaining(fragment) as unknown });

describe('parseUploadPartHeaders', () => {
  it('keeps the ETag verbatim and reads the CRC-64 exactly (oss-protocol.md §5)', () => {
    const headers = { etag: '"BCE8F3D48247C5D555BB5697BF277B35"', 'x-oss-hash-crc64ecma': '6571598172666981661' };
    expect(parseUploadPartHeaders(headers, 'R')).toEqual({ requestId: 'R', etag: '"BCE8F3D48247C5D555BB5697BF277B35"', crc64: 6571598172666981661n });
  });

  it('accepts a missing CRC and any header case', () => {
    expect(parseUploadPartHeaders({ ETag: '"A"' }, 'R')).toEqual({ requestId: 'R', etag: '"A"', crc64: undefined });
  });

  it('rejects a missing ETag and a malformed CRC', () => {
    expect(() => parseUploadPartHeaders({ 'x-oss-hash-crc64ecma': '1' }, 'R')).toThrow(malformed('no ETag'));
    expect(() => parseUploadPartHeaders({ etag: '   ' }, 'R')).toThrow(malformed('no ETag'));
    expect(() => parseUploadPartHeaders({ etag: '"A"', 'x-oss-hash-crc64ecma': '1.5e3' }, 'R')).toThrow(malformed('x-oss-hash-crc64ecma'));
  });
});

describe('parsePutObjectHeaders', () => {
  it('reads ETag, CRC-64 above 2^53 and the version id', () => {
    const headers = { etag: '"E"', 'x-oss-hash-crc64ecma': '18446744073709551615', 'x-oss-version-id': 'CAEQNhiBgM' };
    expect(parsePutObjectHeaders(headers, 'R')).toEqual({ requestId: 'R', etag: '"E"', crc64: 18446744073709551615n, versionId: 'CAEQNhiBgM' });
  });

  it('rejects a missing ETag', () => {
    expect(() => parsePutObjectHeaders({}, 'R')).toThrow(malformed('no ETag'));
  });
});

describe('parseHeadObjectHeaders', () => {
  it('reads size, ETag, CRC-64 and the descriptive headers', () => {
    const headers = {
      'content-length': '5368709121',
      etag: '"0CB4B7E0D5F4C6A2-2"',
      'x-oss-hash-crc64ecma': '12066172435287683848',
      'last-modified': 'Wed, 22 Nov 2023 05:42:34 GMT',
      'content-type': 'application/octet-stream',
      'x-oss-object-type': 'Multipart',
    };
    expect(parseHeadObjectHeaders(headers, 'R')).toEqual({
      requestId: 'R',
      contentLength: 5368709121,
      etag: '"0CB4B7E0D5F4C6A2-2"',
      crc64: 12066172435287683848n,
      lastModified: 'Wed, 22 Nov 2023 05:42:34 GMT',
      contentType: 'application/octet-stream',
      objectType: 'Multipart',
    });
  });

  it.each([
    ['missing', {}],
    ['negative', { 'content-length': '-1' }],
    ['fractional', { 'content-length': '1.5' }],
    ['exponent', { 'content-length': '1e3' }],
  ])('rejects a %s Content-Length', (_label, extra) => {
    expect(() => parseHeadObjectHeaders({ etag: '"E"', ...extra }, 'R')).toThrow(malformed('Content-Length'));
  });

  it('reads a zero-byte object', () => {
    expect(parseHeadObjectHeaders({ 'content-length': '0', etag: '"D41D8CD98F00B204E9800998ECF8427E"' }, 'R').contentLength).toBe(0);
  });
});
