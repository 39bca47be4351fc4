import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Credentials } from '../credentials';
import { isOssError } from '../oss-error';
import { formatIsoBasic } from './sign-dates';
import {
  buildV4Scope,
  buildV4StringToSign,
  computeV4Signature,
  deriveV4SigningKey,
  normalizeRegion,
  presignV4,
  signV4Headers,
  V4_MAX_PRESIGN_EXPIRES_SECONDS,
} from './sign-v4';
import type { SignableRequest } from './signable-request';
import { buildV4CanonicalQuery, buildV4CanonicalRequest } from './v4-canonical-request';

const CREDS: Credentials = { accessKeyId: 'ak', accessKeySecret: 'sk' };
const STS: Credentials = { ...CREDS, securityToken: 'token' };

const sha256Hex = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

// Common inputs of the official V4 vectors (oss-protocol.md §4.5). The query is Go url.Values, so
// `+param2=""` is a parameter named `+param2` with an empty value (a bare name in the canonical query).
const QUERY: ReadonlyArray<readonly [string, string]> = [
  ['param1', 'value1'],
  ['+param1', 'value3'],
  ['|param1', 'value4'],
  ['+param2', ''],
  ['|param2', ''],
  ['param2', ''],
];
const BASE_HEADERS = { 'x-oss-head1': 'value', abc: 'value', ZAbc: 'value', XYZ: 'value' };
const HEADER_REQ: SignableRequest = {
  method: 'PUT',
  bucket: 'bucket',
  key: '1234+-/123/1.txt',
  query: QUERY,
  headers: { ...BASE_HEADERS, 'content-type': 'text/plain' },
};
const PRESIGN_REQ: SignableRequest = { ...HEADER_REQ, headers: { ...BASE_HEADERS, 'content-type': 'application/octet-stream' } };
const VECTOR_QUERY = '%2Bparam1=value3&%2Bparam2&%7Cparam1=value4&%7Cparam2&param1=value1&param2';

interface HeaderVector {
  readonly name: string;
  readonly creds: Credentials;
  readonly nowSeconds: number;
  readonly region: string;
  readonly product: string | undefined;
  readonly additional: readonly string[];
  readonly canonicalRequestSha256: string;
  readonly authorization: string;
}

// gov2 oss/signer/signer_test.go TestV4AuthHeader* (official final values; hashes derived, §4.5).
const HEADER_VECTORS: readonly HeaderVector[] = [
  {
    name: 'V4-1',
    creds: CREDS,
    nowSeconds: 1_702_743_657,
    region: 'cn-hangzhou',
    product: undefined,
    additional: [],
    canonicalRequestSha256: 'f4613657f1b108998e8dbd10a1aa5da621dc2c6e02c9ddec0f163664848704c4',
    authorization:
      'OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,Signature=e21d18daa82167720f9b1047ae7e7f1ce7cb77a31e8203a7d5f4624fa0284afe',
  },
  {
    name: 'V4-2 (STS)',
    creds: STS,
    nowSeconds: 1_702_784_856,
    region: 'cn-hangzhou',
    product: undefined,
    additional: [],
    canonicalRequestSha256: '69494678fb11579d4ee12996e2796d9e2ba43c34aa4c723c4aec018f3d6b86b8',
    authorization:
      'OSS4-HMAC-SHA256 Credential=ak/20231217/cn-hangzhou/oss/aliyun_v4_request,Signature=b94a3f999cf85bcdc00d332fbd3734ba03e48382c36fa4d5af5df817395bd9ea',
  },
  {
    name: 'V4-3 (AdditionalHeaders)',
    creds: CREDS,
    nowSeconds: 1_702_747_512,
    region: 'cn-hangzhou',
    product: undefined,
    additional: ['ZAbc', 'abc'],
    canonicalRequestSha256: '16b86004ed2cc3406dd7a13081bd940ef6a5ad49e508da2d4fdf84e8a5dd2145',
    authorization:
      'OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,AdditionalHeaders=abc;zabc,Signature=4a4183c187c07c8947db7620deb0a6b38d9fbdd34187b6dbaccb316fa251212f',
  },
  {
    name: 'V4-3 (AdditionalHeaders with default-signed and absent names)',
    creds: CREDS,
    nowSeconds: 1_702_747_512,
    region: 'cn-hangzhou',
    product: undefined,
    additional: ['x-oss-no-exist', 'ZAbc', 'x-oss-head1', 'abc'],
    canonicalRequestSha256: '16b86004ed2cc3406dd7a13081bd940ef6a5ad49e508da2d4fdf84e8a5dd2145',
    authorization:
      'OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,AdditionalHeaders=abc;zabc,Signature=4a4183c187c07c8947db7620deb0a6b38d9fbdd34187b6dbaccb316fa251212f',
  },
  {
    name: 'V4-4 (CloudBox)',
    creds: CREDS,
    nowSeconds: 1_702_743_657,
    region: 'cb-123',
    product: 'oss-cloudbox',
    additional: [],
    canonicalRequestSha256: 'f4613657f1b108998e8dbd10a1aa5da621dc2c6e02c9ddec0f163664848704c4',
    authorization:
      'OSS4-HMAC-SHA256 Credential=ak/20231216/cb-123/oss-cloudbox/aliyun_v4_request,Signature=94ce1f12c17d148ea681030275a94449d3357f5b5b21133996eec80af3e08a43',
  },
];

describe('V4 header auth: official vectors V4-1..V4-4', () => {
  it('V4-1: canonical request and string to sign, exactly', () => {
    const received: SignableRequest = {
      ...HEADER_REQ,
      headers: { ...HEADER_REQ.headers, 'x-oss-date': '20231216T162057Z', 'x-oss-content-sha256': 'UNSIGNED-PAYLOAD' },
    };
    const canonicalRequest = buildV4CanonicalRequest(received, []);
    expect(canonicalRequest).toBe(
      `PUT\n/bucket/1234%2B-/123/1.txt\n${VECTOR_QUERY}\ncontent-type:text/plain\nx-oss-content-sha256:UNSIGNED-PAYLOAD\nx-oss-date:20231216T162057Z\nx-oss-head1:value\n\n\nUNSIGNED-PAYLOAD`,
    );
    const scope = buildV4Scope('20231216', 'cn-hangzhou', 'oss');
    expect(scope).toBe('20231216/cn-hangzhou/oss/aliyun_v4_request');
    expect(buildV4StringToSign('20231216T162057Z', scope, canonicalRequest)).toBe(
      'OSS4-HMAC-SHA256\n20231216T162057Z\n20231216/cn-hangzhou/oss/aliyun_v4_request\nf4613657f1b108998e8dbd10a1aa5da621dc2c6e02c9ddec0f163664848704c4',
    );
  });

  it('V4-3: canonical headers include the additional headers and the AdditionalHeaders line', () => {
    const received: SignableRequest = {
      ...HEADER_REQ,
      headers: { ...HEADER_REQ.headers, 'x-oss-date': '20231216T172512Z', 'x-oss-content-sha256': 'UNSIGNED-PAYLOAD' },
    };
    const canonicalRequest = buildV4CanonicalRequest(received, ['abc', 'zabc']);
    expect(canonicalRequest).toBe(
      `PUT\n/bucket/1234%2B-/123/1.txt\n${VECTOR_QUERY}\nabc:value\ncontent-type:text/plain\nx-oss-content-sha256:UNSIGNED-PAYLOAD\nx-oss-date:20231216T172512Z\nx-oss-head1:value\nzabc:value\n\nabc;zabc\nUNSIGNED-PAYLOAD`,
    );
  });

  it.each(HEADER_VECTORS)('$name: headers added, canonical request hash and Authorization', (v) => {
    const nowMs = v.nowSeconds * 1000;
    const added = signV4Headers(HEADER_REQ, v.creds, {
      nowMs,
      region: v.region,
      product: v.product,
      additionalHeaders: v.additional,
    });
    const isoDate = formatIsoBasic(nowMs);
    const expectedAdded: Record<string, string> = { 'x-oss-date': isoDate, 'x-oss-content-sha256': 'UNSIGNED-PAYLOAD' };
    if (v.creds.securityToken !== undefined) expectedAdded['x-oss-security-token'] = v.creds.securityToken;
    expect(added).toEqual({ ...expectedAdded, authorization: v.authorization });

    // What a verifier does with the received request: rebuild from the headers as sent.
    const received: SignableRequest = { ...HEADER_REQ, headers: { ...HEADER_REQ.headers, ...added } };
    const signedList = v.additional.length > 0 ? ['abc', 'zabc'] : [];
    const canonicalRequest = buildV4CanonicalRequest(received, signedList);
    expect(sha256Hex(canonicalRequest)).toBe(v.canonicalRequestSha256);
    const yyyymmdd = isoDate.slice(0, 8);
    const product = v.product ?? 'oss';
    const stringToSign = buildV4StringToSign(isoDate, buildV4Scope(yyyymmdd, v.region, product), canonicalRequest);
    expect(v.authorization.endsWith(`Signature=${computeV4Signature('sk', yyyymmdd, v.region, product, stringToSign)}`)).toBe(true);
  });

  it('V4-2: the STS token is the last canonical header line', () => {
    const added = signV4Headers(HEADER_REQ, STS, { nowMs: 1_702_784_856_000, region: 'cn-hangzhou' });
    const canonicalRequest = buildV4CanonicalRequest({ ...HEADER_REQ, headers: { ...HEADER_REQ.headers, ...added } }, []);
    expect(canonicalRequest).toContain('x-oss-head1:value\nx-oss-security-token:token\n\n\nUNSIGNED-PAYLOAD');
  });

  it('normalizes an ali-oss style region (oss-cn-hangzhou) to the bare id', () => {
    const v = HEADER_VECTORS[0];
    if (v === undefined) throw new Error('vector table is empty');
    const added = signV4Headers(HEADER_REQ, CREDS, { nowMs: v.nowSeconds * 1000, region: 'oss-cn-hangzhou' });
    expect(added.authorization).toBe(v.authorization);
  });
});

describe('V4 presigned URL: official vectors V4-Q1..V4-Q3', () => {
  it.each([
    {
      name: 'V4-Q1',
      creds: CREDS,
      nowSeconds: 1_702_781_677,
      additional: [] as string[],
      expectedParams: [
        ['x-oss-signature-version', 'OSS4-HMAC-SHA256'],
        ['x-oss-date', '20231217T025437Z'],
        ['x-oss-expires', '599'],
        ['x-oss-credential', 'ak/20231217/cn-hangzhou/oss/aliyun_v4_request'],
        ['x-oss-signature', 'a39966c61718be0d5b14e668088b3fa07601033f6518ac7b523100014269c0fe'],
      ],
      canonicalRequestSha256: '48814c11f278d51662015bf2f896b66ca10b6de0187ed8d952e341bbce0aa336',
    },
    {
      name: 'V4-Q2 (STS)',
      creds: STS,
      nowSeconds: 1_702_785_388,
      additional: [] as string[],
      expectedParams: [
        ['x-oss-security-token', 'token'],
        ['x-oss-signature-version', 'OSS4-HMAC-SHA256'],
        ['x-oss-date', '20231217T035628Z'],
        ['x-oss-expires', '599'],
        ['x-oss-credential', 'ak/20231217/cn-hangzhou/oss/aliyun_v4_request'],
        ['x-oss-signature', '3817ac9d206cd6dfc90f1c09c00be45005602e55898f26f5ddb06d7892e1f8b5'],
      ],
      canonicalRequestSha256: '458705026c021c95dd317d008cff79df19ce99bf2b241d1ecb20f4d65bb851a5',
    },
    {
      name: 'V4-Q3 (additional headers)',
      creds: CREDS,
      nowSeconds: 1_702_783_809,
      additional: ['ZAbc', 'abc'],
      expectedParams: [
        ['x-oss-signature-version', 'OSS4-HMAC-SHA256'],
        ['x-oss-date', '20231217T033009Z'],
        ['x-oss-expires', '599'],
        ['x-oss-credential', 'ak/20231217/cn-hangzhou/oss/aliyun_v4_request'],
        ['x-oss-additional-headers', 'abc;zabc'],
        ['x-oss-signature', '6bd984bfe531afb6db1f7550983a741b103a8c58e5e14f83ea474c2322dfa2b7'],
      ],
      canonicalRequestSha256: 'e06541af14a8dc30dd12d3b75557af47f405e37784a76eae1a844c3426777df9',
    },
  ])('$name: added parameters, and a verifier recomputes the same canonical request', (v) => {
    const params = presignV4(PRESIGN_REQ, v.creds, {
      nowMs: v.nowSeconds * 1000,
      region: 'cn-hangzhou',
      expiresSeconds: 599,
      additionalHeaders: v.additional,
    });
    expect(params).toEqual(v.expectedParams);

    // Verifier side: every received parameter except x-oss-signature is canonical query (§12 item 5).
    const signedQuery = [...PRESIGN_REQ.query, ...params.filter(([n]) => n !== 'x-oss-signature')];
    const signedList = v.additional.length > 0 ? ['abc', 'zabc'] : [];
    const canonicalRequest = buildV4CanonicalRequest({ ...PRESIGN_REQ, query: signedQuery }, signedList);
    expect(sha256Hex(canonicalRequest)).toBe(v.canonicalRequestSha256);
  });

  it('V4-Q1: the canonical query and canonical request, exactly', () => {
    const canonicalQuery = `${VECTOR_QUERY}&x-oss-credential=ak%2F20231217%2Fcn-hangzhou%2Foss%2Faliyun_v4_request&x-oss-date=20231217T025437Z&x-oss-expires=599&x-oss-signature-version=OSS4-HMAC-SHA256`;
    const params = presignV4(PRESIGN_REQ, CREDS, { nowMs: 1_702_781_677_000, region: 'cn-hangzhou', expiresSeconds: 599 });
    const signedQuery = [...PRESIGN_REQ.query, ...params.filter(([n]) => n !== 'x-oss-signature')];
    expect(buildV4CanonicalQuery(signedQuery)).toBe(canonicalQuery);
    expect(buildV4CanonicalRequest({ ...PRESIGN_REQ, query: signedQuery }, [])).toBe(
      `PUT\n/bucket/1234%2B-/123/1.txt\n${canonicalQuery}\ncontent-type:application/octet-stream\nx-oss-head1:value\n\n\nUNSIGNED-PAYLOAD`,
    );
  });

  it('V4-Q3: x-oss-additional-headers is encoded as abc%3Bzabc and sorts first among x-oss- parameters', () => {
    const params = presignV4(PRESIGN_REQ, CREDS, {
      nowMs: 1_702_783_809_000,
      region: 'cn-hangzhou',
      expiresSeconds: 599,
      additionalHeaders: ['ZAbc', 'abc'],
    });
    const query = buildV4CanonicalQuery([...PRESIGN_REQ.query, ...params.filter(([n]) => n !== 'x-oss-signature')]);
    expect(query).toContain('&param2&x-oss-additional-headers=abc%3Bzabc&x-oss-credential=');
  });

  it.each([0, -1, V4_MAX_PRESIGN_EXPIRES_SECONDS + 1, 1.5, Number.NaN])('rejects expiresSeconds %d with InvalidArgument', (expiresSeconds) => {
    let caught: unknown;
    try {
      presignV4(PRESIGN_REQ, CREDS, { nowMs: 1_702_781_677_000, region: 'cn-hangzhou', expiresSeconds });
    } catch (error) {
      caught = error;
    }
    expect(isOssError(caught) && caught.code === 'InvalidArgument' && !caught.retryable).toBe(true);
  });

  it.each([1, V4_MAX_PRESIGN_EXPIRES_SECONDS])('accepts the bound %d', (expiresSeconds) => {
    const params = presignV4(PRESIGN_REQ, CREDS, { nowMs: 1_702_781_677_000, region: 'cn-hangzhou', expiresSeconds });
    expect(params.find(([n]) => n === 'x-oss-expires')).toEqual(['x-oss-expires', String(expiresSeconds)]);
  });
});

describe('V4 pieces', () => {
  it('normalizeRegion strips only a leading oss-', () => {
    expect(normalizeRegion('oss-cn-hangzhou')).toBe('cn-hangzhou');
    expect(normalizeRegion('cn-hangzhou')).toBe('cn-hangzhou');
    expect(normalizeRegion('cb-123')).toBe('cb-123');
    expect(normalizeRegion('ap-oss-x')).toBe('ap-oss-x');
  });

  it('an empty region is an InvalidArgument, not a silently wrong scope', () => {
    expect(() => signV4Headers(HEADER_REQ, CREDS, { nowMs: 0, region: '' })).toThrow(/region/);
    expect(() => signV4Headers(HEADER_REQ, CREDS, { nowMs: 0, region: 'oss-' })).toThrow(/region/);
  });

  it('the signing key depends on every scope part and the secret', () => {
    const key = deriveV4SigningKey('sk', '20231216', 'cn-hangzhou', 'oss').toString('hex');
    expect(key).toHaveLength(64);
    for (const other of [
      deriveV4SigningKey('sk2', '20231216', 'cn-hangzhou', 'oss'),
      deriveV4SigningKey('sk', '20231217', 'cn-hangzhou', 'oss'),
      deriveV4SigningKey('sk', '20231216', 'cn-shanghai', 'oss'),
      deriveV4SigningKey('sk', '20231216', 'cn-hangzhou', 'oss-cloudbox'),
    ]) {
      expect(other.toString('hex')).not.toBe(key);
    }
  });

  it('replaces headers the request already carries in another spelling', () => {
    const stale: SignableRequest = { ...HEADER_REQ, headers: { ...HEADER_REQ.headers, 'X-OSS-Date': '19700101T000000Z', 'X-Oss-Content-Sha256': 'abc' } };
    const v = HEADER_VECTORS[0];
    if (v === undefined) throw new Error('vector table is empty');
    expect(signV4Headers(stale, CREDS, { nowMs: v.nowSeconds * 1000, region: 'cn-hangzhou' }).authorization).toBe(v.authorization);
  });
});
