import { describe, expect, it } from 'vitest';
import type { Credentials } from '../credentials';
import { isOssError } from '../oss-error';
import {
  buildV1CanonicalizedOssHeaders,
  buildV1CanonicalizedResource,
  buildV1StringToSign,
  computeV1Signature,
  presignV1,
  signV1Headers,
  V1_SUB_RESOURCES,
} from './sign-v1';
import type { SignableRequest } from './signable-request';
import { percentEncode } from './uri-encode';

const CREDS: Credentials = { accessKeyId: 'ak', accessKeySecret: 'sk' };
const STS: Credentials = { ...CREDS, securityToken: 'token' };
const DATE = 'Wed, 28 Dec 2022 10:27:41 GMT';
const DATE_MS = 1_672_223_261_000;

/** H1/H2 headers of oss-protocol.md §3.6, without the x-oss-date the signer adds. */
const H_HEADERS = {
  'Content-MD5': 'eB5eJF1ptWaXm4bijSPyxw==',
  'Content-Type': 'text/html',
  'x-oss-meta-author': 'alice',
  'x-oss-meta-magic': 'abracadabra',
};

interface HeaderVector {
  readonly name: string;
  readonly req: SignableRequest;
  readonly extra: readonly string[];
  readonly stringToSign: string;
  readonly authorization: string;
}

// Official vectors, gov2 oss/signer/signer_test.go TestV1AuthHeader (oss-protocol.md §3.6).
const HEADER_VECTORS: readonly HeaderVector[] = [
  {
    name: 'H1',
    req: { method: 'PUT', bucket: 'examplebucket', key: 'nelson', query: [], headers: H_HEADERS },
    extra: [],
    stringToSign:
      'PUT\neB5eJF1ptWaXm4bijSPyxw==\ntext/html\nWed, 28 Dec 2022 10:27:41 GMT\nx-oss-date:Wed, 28 Dec 2022 10:27:41 GMT\nx-oss-meta-author:alice\nx-oss-meta-magic:abracadabra\n/examplebucket/nelson',
    authorization: 'OSS ak:kSHKmLxlyEAKtZPkJhG9bZb5k7M=',
  },
  {
    name: 'H2',
    req: { method: 'PUT', bucket: 'examplebucket', key: 'nelson', query: [['acl', '']], headers: H_HEADERS },
    extra: [],
    stringToSign:
      'PUT\neB5eJF1ptWaXm4bijSPyxw==\ntext/html\nWed, 28 Dec 2022 10:27:41 GMT\nx-oss-date:Wed, 28 Dec 2022 10:27:41 GMT\nx-oss-meta-author:alice\nx-oss-meta-magic:abracadabra\n/examplebucket/nelson?acl',
    authorization: 'OSS ak:/afkugFbmWDQ967j1vr6zygBLQk=',
  },
  {
    name: 'H3',
    req: {
      method: 'GET',
      bucket: 'examplebucket',
      query: [
        ['resourceGroup', ''],
        ['non-resousce', 'null'],
      ],
      headers: {},
    },
    extra: ['resourceGroup'],
    stringToSign:
      'GET\n\n\nWed, 28 Dec 2022 10:27:41 GMT\nx-oss-date:Wed, 28 Dec 2022 10:27:41 GMT\n/examplebucket/?resourceGroup',
    authorization: 'OSS ak:vkQmfuUDyi1uDi3bKt67oemssIs=',
  },
  {
    name: 'H4',
    req: {
      method: 'GET',
      bucket: 'examplebucket',
      query: [
        ['resourceGroup', ''],
        ['acl', ''],
      ],
      headers: {},
    },
    extra: ['resourceGroup'],
    stringToSign:
      'GET\n\n\nWed, 28 Dec 2022 10:27:41 GMT\nx-oss-date:Wed, 28 Dec 2022 10:27:41 GMT\n/examplebucket/?acl&resourceGroup',
    authorization: 'OSS ak:x3E5TgOvl/i7PN618s5mEvpJDYk=',
  },
];

describe('V1 header auth: official vectors H1-H4', () => {
  it.each(HEADER_VECTORS)('$name: string to sign and signature from the building blocks', (v) => {
    const received: SignableRequest = { ...v.req, headers: { ...v.req.headers, 'x-oss-date': DATE } };
    const stringToSign = buildV1StringToSign(received, DATE, v.extra);
    expect(stringToSign).toBe(v.stringToSign);
    expect(`OSS ak:${computeV1Signature('sk', stringToSign)}`).toBe(v.authorization);
  });

  it.each(HEADER_VECTORS)('$name: signV1Headers adds x-oss-date and the same Authorization', (v) => {
    expect(signV1Headers(v.req, CREDS, DATE_MS, v.extra)).toEqual({ 'x-oss-date': DATE, authorization: v.authorization });
  });

  it('replaces an x-oss-date already on the request, whatever its spelling', () => {
    const h1 = HEADER_VECTORS[0];
    if (h1 === undefined) throw new Error('vector table is empty');
    const stale: SignableRequest = { ...h1.req, headers: { ...h1.req.headers, 'X-OSS-Date': 'Thu, 01 Jan 1970 00:00:00 GMT' } };
    expect(signV1Headers(stale, CREDS, DATE_MS).authorization).toBe(h1.authorization);
  });

  it('signs a different time to a different signature', () => {
    const h1 = HEADER_VECTORS[0];
    if (h1 === undefined) throw new Error('vector table is empty');
    const later = signV1Headers(h1.req, CREDS, DATE_MS + 1000);
    expect(later['x-oss-date']).toBe('Wed, 28 Dec 2022 10:27:42 GMT');
    expect(later.authorization).not.toBe(h1.authorization);
  });
});

/** The query string a client would send: pairs sorted by name, each part percent-encoded (gov2 `query.Encode()`). */
function encodeQuery(pairs: ReadonlyArray<readonly [string, string]>): string {
  return [...pairs]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([n, v]) => `${percentEncode(n, false)}=${percentEncode(v, false)}`)
    .join('&');
}

describe('V1 presigned URL: official vectors Q1-Q2', () => {
  it('Q1: string to sign, signature and the final query string', () => {
    const req: SignableRequest = { method: 'GET', bucket: 'bucket', key: 'key', query: [['versionId', 'versionId']], headers: {} };
    expect(buildV1StringToSign(req, '1699807420')).toBe('GET\n\n\n1699807420\n/bucket/key?versionId=versionId');
    const added = presignV1(req, CREDS, 1_699_807_420);
    expect(added).toEqual([
      ['OSSAccessKeyId', 'ak'],
      ['Expires', '1699807420'],
      ['Signature', 'dcLTea+Yh9ApirQ8o8dOPqtvJXQ='],
    ]);
    expect(encodeQuery([...req.query, ...added])).toBe(
      'Expires=1699807420&OSSAccessKeyId=ak&Signature=dcLTea%2BYh9ApirQ8o8dOPqtvJXQ%3D&versionId=versionId',
    );
  });

  it('Q2: STS token is added as security-token before signing; the key is signed raw', () => {
    const req: SignableRequest = { method: 'GET', bucket: 'bucket', key: 'key+123', query: [['versionId', 'versionId']], headers: {} };
    const added = presignV1(req, STS, 1_699_808_204);
    expect(added).toEqual([
      ['security-token', 'token'],
      ['OSSAccessKeyId', 'ak'],
      ['Expires', '1699808204'],
      ['Signature', 'jzKYRrM5y6Br0dRFPaTGOsbrDhY='],
    ]);
    const verified: SignableRequest = { ...req, query: [...req.query, ...added] };
    expect(buildV1StringToSign(verified, '1699808204')).toBe(
      'GET\n\n\n1699808204\n/bucket/key+123?security-token=token&versionId=versionId',
    );
    expect(percentEncode(req.key ?? '', true)).toBe('key%2B123');
    expect(encodeQuery([...req.query, ...added])).toContain('Signature=jzKYRrM5y6Br0dRFPaTGOsbrDhY%3D');
  });

  it('a verifier that sees the presign parameters re-derives the same signature (they are not sub-resources)', () => {
    const req: SignableRequest = { method: 'GET', bucket: 'bucket', key: 'key', query: [['versionId', 'versionId']], headers: {} };
    const added = presignV1(req, STS, 1_699_807_420);
    const received: SignableRequest = { ...req, query: [...req.query, ...added] };
    const expectedSignature = added.find(([n]) => n === 'Signature')?.[1];
    expect(computeV1Signature('sk', buildV1StringToSign(received, '1699807420'))).toBe(expectedSignature);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects the expiry %d', (expires) => {
    const req: SignableRequest = { method: 'GET', bucket: 'b', key: 'k', query: [], headers: {} };
    let caught: unknown;
    try {
      presignV1(req, CREDS, expires);
    } catch (error) {
      caught = error;
    }
    expect(isOssError(caught) && caught.code === 'InvalidArgument').toBe(true);
  });
});

describe('V1 CanonicalizedResource', () => {
  const base: SignableRequest = { method: 'GET', bucket: 'b', key: 'k', query: [], headers: {} };

  it.each([
    ['service level', { bucket: undefined, key: undefined }, '/'],
    ['bucket level', { key: undefined }, '/b/'],
    ['bucket level, empty key', { key: '' }, '/b/'],
    ['raw UTF-8 key, no encoding at all', { key: 'dir/big file+1%20中.bin' }, '/b/dir/big file+1%20中.bin'],
  ])('%s', (_label, patch, expected) => {
    expect(buildV1CanonicalizedResource({ ...base, ...patch })).toBe(expected);
  });

  it('keeps signed values raw, drops unsigned parameters, sorts by name, writes bare names for empty values', () => {
    const req: SignableRequest = {
      ...base,
      query: [
        ['uploadId', 'a/b c+d'],
        ['response-content-disposition', 'attachment; filename="a b.txt"'],
        ['prefix', 'dir/'],
        ['max-uploads', '1000'],
        ['encoding-type', 'url'],
        ['partNumber', '3'],
        ['uploads', ''],
      ],
    };
    expect(buildV1CanonicalizedResource(req)).toBe(
      '/b/k?partNumber=3&response-content-disposition=attachment; filename="a b.txt"&uploadId=a/b c+d&uploads',
    );
  });

  it('signs any x-oss- query parameter and declared extras; a repeated name is signed once with its first value', () => {
    const req: SignableRequest = {
      ...base,
      query: [
        ['x-oss-process', 'image/resize,w_100'],
        ['resourceGroup', 'rg'],
        ['X-OSS-upper', 'not-signed'],
        ['uploadId', 'first'],
        ['uploadId', 'second'],
      ],
    };
    expect(buildV1CanonicalizedResource(req)).toBe('/b/k?uploadId=first&x-oss-process=image/resize,w_100');
    expect(buildV1CanonicalizedResource(req, ['resourceGroup'])).toBe(
      '/b/k?resourceGroup=rg&uploadId=first&x-oss-process=image/resize,w_100',
    );
  });

  it('V1_SUB_RESOURCES holds the multipart names and both SDK lists, not the listing parameters', () => {
    for (const name of ['uploads', 'uploadId', 'partNumber', 'security-token', 'acl', 'versionId', 'cors', 'metaQuery']) {
      expect(V1_SUB_RESOURCES.has(name)).toBe(true);
    }
    for (const name of ['encoding-type', 'max-parts', 'part-number-marker', 'max-uploads', 'key-marker', 'upload-id-marker', 'prefix', 'delimiter']) {
      expect(V1_SUB_RESOURCES.has(name)).toBe(false);
    }
  });
});

describe('V1 CanonicalizedOSSHeaders', () => {
  it('lower-cases, trims, sorts by name (not by line) and ignores non-x-oss headers', () => {
    const headers = { 'X-OSS-A-B': ' 2 ', 'x-oss-a': '1', 'Content-Type': 'text/plain', Date: 'x', 'x-oss-Z': 'z' };
    expect(buildV1CanonicalizedOssHeaders(headers)).toBe('x-oss-a:1\nx-oss-a-b:2\nx-oss-z:z\n');
  });

  it('is empty without x-oss headers, and Content-MD5 / Content-Type fill their slots case-insensitively', () => {
    expect(buildV1CanonicalizedOssHeaders({ Host: 'h' })).toBe('');
    const req: SignableRequest = { method: 'PUT', bucket: 'b', key: 'k', query: [], headers: { 'content-md5': 'm', 'CONTENT-TYPE': 't' } };
    expect(buildV1StringToSign(req, 'D')).toBe('PUT\nm\nt\nD\n/b/k');
  });
});

describe('V1 with STS header auth', () => {
  it('adds x-oss-security-token before signing, so it is a signed OSS header line', () => {
    const req: SignableRequest = { method: 'DELETE', bucket: 'b', key: 'k', query: [['uploadId', 'U']], headers: {} };
    const added = signV1Headers(req, STS, DATE_MS);
    expect(added['x-oss-security-token']).toBe('token');
    const received: SignableRequest = { ...req, headers: { 'x-oss-date': DATE, 'x-oss-security-token': 'token' } };
    const stringToSign = buildV1StringToSign(received, DATE);
    expect(stringToSign).toBe(`DELETE\n\n\n${DATE}\nx-oss-date:${DATE}\nx-oss-security-token:token\n/b/k?uploadId=U`);
    expect(added.authorization).toBe(`OSS ak:${computeV1Signature('sk', stringToSign)}`);
    // Without the token the signature differs: the token really is covered.
    expect(signV1Headers(req, CREDS, DATE_MS).authorization).not.toBe(added.authorization);
  });

  it('an empty token is treated as no token', () => {
    const req: SignableRequest = { method: 'GET', bucket: 'b', key: 'k', query: [], headers: {} };
    expect(signV1Headers(req, { ...CREDS, securityToken: '' }, DATE_MS)).toEqual(signV1Headers(req, CREDS, DATE_MS));
    expect(presignV1(req, { ...CREDS, securityToken: '' }, 10)).toEqual(presignV1(req, CREDS, 10));
  });
});
