import { describe, expect, it } from 'vitest';
import type { SignableRequest } from './signable-request';
import {
  buildV4CanonicalHeaders,
  buildV4CanonicalQuery,
  buildV4CanonicalRequest,
  isV4DefaultSignedHeader,
  normalizeAdditionalHeaders,
} from './v4-canonical-request';

describe('normalizeAdditionalHeaders', () => {
  const headers = { ZAbc: 'value', abc: 'value', Range: 'bytes=0-1', Empty: '', 'x-oss-head1': 'v', 'Content-Type': 't' };

  it.each([
    ['lower-cases and sorts', ['ZAbc', 'abc'], ['abc', 'zabc']],
    ['drops default-signed and absent names (§4.5 V4-3 list)', ['x-oss-no-exist', 'ZAbc', 'x-oss-head1', 'abc'], ['abc', 'zabc']],
    ['de-duplicates across spellings', ['abc', 'ABC', 'Abc'], ['abc']],
    ['drops content-type / content-md5 in any case', ['Content-Type', 'CONTENT-MD5', 'range'], ['range']],
    ['drops a header sent empty, as gov2 does', ['empty', 'range'], ['range']],
    ['empty input', [], []],
  ])('%s', (_label, names, expected) => {
    expect(normalizeAdditionalHeaders(names, headers)).toEqual(expected);
  });
});

describe('isV4DefaultSignedHeader', () => {
  it.each([
    ['content-type', true],
    ['content-md5', true],
    ['x-oss-meta-a', true],
    ['host', false],
    ['content-length', false],
    ['date', false],
  ])('%s → %s', (name, expected) => {
    expect(isV4DefaultSignedHeader(name)).toBe(expected);
  });
});

describe('buildV4CanonicalQuery', () => {
  it('encodes / as %2F, space as %20, + as %2B; bare names for empty values; sorted by encoded name', () => {
    expect(
      buildV4CanonicalQuery([
        ['prefix', 'dir/a b+c'],
        ['uploads', ''],
        ['encoding-type', 'url'],
        ['key marker', '中'],
      ]),
    ).toBe('encoding-type=url&key%20marker=%E4%B8%AD&prefix=dir%2Fa%20b%2Bc&uploads');
  });

  it('keeps every value of a repeated name, ordered by value, whatever the input order', () => {
    const expected = 'a=1&a=2&b';
    expect(buildV4CanonicalQuery([['a', '2'], ['b', ''], ['a', '1']])).toBe(expected);
    expect(buildV4CanonicalQuery([['a', '1'], ['a', '2'], ['b', '']])).toBe(expected);
  });

  it('is empty for no parameters', () => {
    expect(buildV4CanonicalQuery([])).toBe('');
  });
});

describe('buildV4CanonicalHeaders / buildV4CanonicalRequest', () => {
  it('signs default headers plus listed ones, lower-cased, trimmed, sorted by name', () => {
    const headers = { 'X-OSS-A-B': ' 2', 'x-oss-a': '1 ', Host: 'example', Range: 'bytes=0-9', 'Content-Length': '10' };
    expect(buildV4CanonicalHeaders(headers, [])).toBe('x-oss-a:1\nx-oss-a-b:2\n');
    expect(buildV4CanonicalHeaders(headers, ['host', 'range'])).toBe('host:example\nrange:bytes=0-9\nx-oss-a:1\nx-oss-a-b:2\n');
  });

  it('service and bucket level URIs; the hashed payload defaults to UNSIGNED-PAYLOAD', () => {
    const service: SignableRequest = { method: 'GET', query: [], headers: {} };
    expect(buildV4CanonicalRequest(service, [])).toBe('GET\n/\n\n\n\nUNSIGNED-PAYLOAD');
    const bucket: SignableRequest = { method: 'GET', bucket: 'b', query: [['uploads', '']], headers: {} };
    expect(buildV4CanonicalRequest(bucket, [])).toBe('GET\n/b/\nuploads\n\n\nUNSIGNED-PAYLOAD');
  });

  it('encodes the key in the URI with / kept and !\'()* escaped; uses a sent x-oss-content-sha256 as payload hash', () => {
    const req: SignableRequest = { method: 'PUT', bucket: 'b', key: "a b/(x)!*'.txt", query: [], headers: { 'x-oss-content-sha256': 'abc' } };
    expect(buildV4CanonicalRequest(req, [])).toBe(
      'PUT\n/b/a%20b/%28x%29%21%2A%27.txt\n\nx-oss-content-sha256:abc\n\n\nabc',
    );
  });
});
