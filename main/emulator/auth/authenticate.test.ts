// The verifier against the official vectors of oss-protocol.md §3.6 and §4.5 and the derived multipart fixtures of §5:
// each request is given as the emulator would receive it (decoded key and query, lower-case header names).
import { describe, expect, it } from 'vitest';
import type { SignableRequest } from '../../oss/signing/signable-request';
import { EmulatorError } from '../emulator-error';
import type { EmulatorCredential } from '../emulator-types';
import { authenticate, type AuthScheme } from './authenticate';

const AK: EmulatorCredential = { accessKeyId: 'ak', accessKeySecret: 'sk' };
const AK_STS: EmulatorCredential = { ...AK, securityToken: 'token' };

function env(nowSeconds: number, credential: EmulatorCredential = AK) {
  return { credentials: new Map([['ak', credential]]), region: 'cn-hangzhou', nowMs: nowSeconds * 1000 };
}

const GMT = 'Wed, 28 Dec 2022 10:27:41 GMT';
const H12_HEADERS = {
  'content-md5': 'eB5eJF1ptWaXm4bijSPyxw==',
  'content-type': 'text/html',
  'x-oss-meta-author': 'alice',
  'x-oss-meta-magic': 'abracadabra',
  'x-oss-date': GMT,
  date: GMT,
};
const V4_QUERY: Array<[string, string]> = [
  ['param1', 'value1'],
  ['+param1', 'value3'],
  ['|param1', 'value4'],
  ['+param2', ''],
  ['|param2', ''],
  ['param2', ''],
];
const V4_UNSIGNED_HEADERS = { 'x-oss-head1': 'value', abc: 'value', zabc: 'value', xyz: 'value' };
const V4_KEY = { method: 'PUT', bucket: 'bucket', key: '1234+-/123/1.txt' };
const UPLOAD_ID = '0004B9895DBBB6EC98E36A4B5A7B8C9D';

function v4Header(date: string, signature: string, extra = ''): string {
  return `OSS4-HMAC-SHA256 Credential=ak/${date.slice(0, 8)}/cn-hangzhou/oss/aliyun_v4_request${extra},Signature=${signature}`;
}

function v4Query(iso: string, signature: string, extra: Array<[string, string]> = []): Array<[string, string]> {
  return [
    ...V4_QUERY,
    ...extra,
    ['x-oss-signature-version', 'OSS4-HMAC-SHA256'],
    ['x-oss-date', iso],
    ['x-oss-expires', '599'],
    ['x-oss-credential', `ak/${iso.slice(0, 8)}/cn-hangzhou/oss/aliyun_v4_request`],
    ['x-oss-signature', signature],
  ];
}

const H1: SignableRequest = { method: 'PUT', bucket: 'examplebucket', key: 'nelson', query: [], headers: { ...H12_HEADERS, authorization: 'OSS ak:kSHKmLxlyEAKtZPkJhG9bZb5k7M=' } };
const Q1: SignableRequest = { method: 'GET', bucket: 'bucket', key: 'key', query: [['versionId', 'versionId'], ['Expires', '1699807420'], ['OSSAccessKeyId', 'ak'], ['Signature', 'dcLTea+Yh9ApirQ8o8dOPqtvJXQ=']], headers: {} };

const vectors: Array<[string, SignableRequest, number, EmulatorCredential, AuthScheme]> = [
  ['H1', H1, 1672223261, AK, 'v1-header'],
  ['H2', { method: 'PUT', bucket: 'examplebucket', key: 'nelson', query: [['acl', '']], headers: { ...H12_HEADERS, authorization: 'OSS ak:/afkugFbmWDQ967j1vr6zygBLQk=' } }, 1672223261, AK, 'v1-header'],
  ['H3', { method: 'GET', bucket: 'examplebucket', query: [['resourceGroup', ''], ['non-resousce', 'null']], headers: { 'x-oss-date': GMT, authorization: 'OSS ak:vkQmfuUDyi1uDi3bKt67oemssIs=' } }, 1672223261, AK, 'v1-header'],
  ['H4', { method: 'GET', bucket: 'examplebucket', query: [['resourceGroup', ''], ['acl', '']], headers: { 'x-oss-date': GMT, authorization: 'OSS ak:x3E5TgOvl/i7PN618s5mEvpJDYk=' } }, 1672223261, AK, 'v1-header'],
  ['Q1', Q1, 1699807400, AK, 'v1-query'],
  ['Q2', { method: 'GET', bucket: 'bucket', key: 'key+123', query: [['versionId', 'versionId'], ['security-token', 'token'], ['Expires', '1699808204'], ['OSSAccessKeyId', 'ak'], ['Signature', 'jzKYRrM5y6Br0dRFPaTGOsbrDhY=']], headers: {} }, 1699808200, AK_STS, 'v1-query'],
  ['V4-1', { ...V4_KEY, query: V4_QUERY, headers: { ...V4_UNSIGNED_HEADERS, 'content-type': 'text/plain', 'x-oss-content-sha256': 'UNSIGNED-PAYLOAD', 'x-oss-date': '20231216T162057Z', authorization: v4Header('20231216', 'e21d18daa82167720f9b1047ae7e7f1ce7cb77a31e8203a7d5f4624fa0284afe') } }, 1702743657, AK, 'v4-header'],
  ['V4-2', { ...V4_KEY, query: V4_QUERY, headers: { ...V4_UNSIGNED_HEADERS, 'content-type': 'text/plain', 'x-oss-content-sha256': 'UNSIGNED-PAYLOAD', 'x-oss-date': '20231217T034736Z', 'x-oss-security-token': 'token', authorization: v4Header('20231217', 'b94a3f999cf85bcdc00d332fbd3734ba03e48382c36fa4d5af5df817395bd9ea') } }, 1702784856, AK_STS, 'v4-header'],
  ['V4-3', { ...V4_KEY, query: V4_QUERY, headers: { ...V4_UNSIGNED_HEADERS, 'content-type': 'text/plain', 'x-oss-content-sha256': 'UNSIGNED-PAYLOAD', 'x-oss-date': '20231216T172512Z', authorization: v4Header('20231216', '4a4183c187c07c8947db7620deb0a6b38d9fbdd34187b6dbaccb316fa251212f', ',AdditionalHeaders=abc;zabc') } }, 1702747512, AK, 'v4-header'],
  ['V4-Q1', { ...V4_KEY, query: v4Query('20231217T025437Z', 'a39966c61718be0d5b14e668088b3fa07601033f6518ac7b523100014269c0fe'), headers: { ...V4_UNSIGNED_HEADERS, 'content-type': 'application/octet-stream' } }, 1702781677, AK, 'v4-query'],
  ['V4-Q2', { ...V4_KEY, query: v4Query('20231217T035628Z', '3817ac9d206cd6dfc90f1c09c00be45005602e55898f26f5ddb06d7892e1f8b5', [['x-oss-security-token', 'token']]), headers: { ...V4_UNSIGNED_HEADERS, 'content-type': 'application/octet-stream' } }, 1702785388, AK_STS, 'v4-query'],
  ['V4-Q3', { ...V4_KEY, query: v4Query('20231217T033009Z', '6bd984bfe531afb6db1f7550983a741b103a8c58e5e14f83ea474c2322dfa2b7', [['x-oss-additional-headers', 'abc;zabc']]), headers: { ...V4_UNSIGNED_HEADERS, 'content-type': 'application/octet-stream' } }, 1702783809, AK, 'v4-query'],
  ['§5 UploadPart V1', { method: 'PUT', bucket: 'examplebucket', key: 'dir/big file+1.bin', query: [['partNumber', '1'], ['uploadId', UPLOAD_ID]], headers: { 'content-md5': 'vOjz1IJHxdVVu1aXvyd7NQ==', 'x-oss-date': GMT, authorization: 'OSS ak:90OxRRbUHIZOoXOlwW3u4213PtM=' } }, 1672223261, AK, 'v1-header'],
  ['§5 UploadPart V4', { method: 'PUT', bucket: 'examplebucket', key: 'dir/big file+1.bin', query: [['partNumber', '1'], ['uploadId', UPLOAD_ID]], headers: { 'content-md5': 'vOjz1IJHxdVVu1aXvyd7NQ==', 'x-oss-date': '20221228T102741Z', 'x-oss-content-sha256': 'UNSIGNED-PAYLOAD', authorization: v4Header('20221228', '4625a67e36fc9cb423421736fa82e8543c37bdc4d522867d1bae1f87bb99204b') } }, 1672223261, AK, 'v4-header'],
  ['§5 ListUploads V1', { method: 'GET', bucket: 'examplebucket', query: [['uploads', ''], ['max-uploads', '1000'], ['key-marker', ''], ['upload-id-marker', ''], ['encoding-type', 'url'], ['prefix', 'dir/']], headers: { 'x-oss-date': GMT, authorization: 'OSS ak:GzuqwXwofEqBx6roeBU+rj3ePcg=' } }, 1672223261, AK, 'v1-header'],
  ['§5 ListUploads V4', { method: 'GET', bucket: 'examplebucket', query: [['uploads', ''], ['max-uploads', '1000'], ['key-marker', ''], ['upload-id-marker', ''], ['encoding-type', 'url'], ['prefix', 'dir/']], headers: { 'x-oss-date': '20221228T102741Z', 'x-oss-content-sha256': 'UNSIGNED-PAYLOAD', authorization: v4Header('20221228', '06c1c1b3c0e6d2c5b1e05951b40b60e9eb10cb93c5e9c8ad17805c66450429be') } }, 1672223261, AK, 'v4-header'],
];

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof EmulatorError ? error.code : 'not an EmulatorError';
  }
  return undefined;
}

describe('authenticate: official vectors and §5 fixtures verify', () => {
  it.each(vectors)('%s', (_name, req, nowSeconds, credential, scheme) => {
    const result = authenticate(req, env(nowSeconds, credential));
    expect(result.scheme).toBe(scheme);
    expect(result.credential.accessKeyId).toBe('ak');
  });

  it.each(vectors)('%s with one byte of the key changed is SignatureDoesNotMatch', (_name, req, nowSeconds, credential) => {
    const tampered = { ...req, key: `${req.key ?? ''}x` };
    expect(codeOf(() => authenticate(tampered, env(nowSeconds, credential)))).toBe('SignatureDoesNotMatch');
  });
});

describe('authenticate: refusals', () => {
  it('an anonymous request is AccessDenied; an unknown scheme is InvalidArgument', () => {
    expect(codeOf(() => authenticate({ method: 'GET', bucket: 'b', query: [], headers: {} }, env(0)))).toBe('AccessDenied');
    expect(codeOf(() => authenticate({ method: 'GET', bucket: 'b', query: [], headers: { authorization: 'Bearer x' } }, env(0)))).toBe('InvalidArgument');
  });

  it('V1 header: skew beyond 15 minutes either way is RequestTimeTooSkewed', () => {
    expect(codeOf(() => authenticate(H1, env(1672223261 + 15 * 60)))).toBeUndefined();
    expect(codeOf(() => authenticate(H1, env(1672223261 + 15 * 60 + 1)))).toBe('RequestTimeTooSkewed');
    expect(codeOf(() => authenticate(H1, env(1672223261 - 15 * 60 - 1)))).toBe('RequestTimeTooSkewed');
  });

  it('V1 presigned: expired is AccessDenied, a missing STS token InvalidAccessKeyId', () => {
    expect(codeOf(() => authenticate(Q1, env(1699807421)))).toBe('AccessDenied');
    expect(codeOf(() => authenticate(Q1, env(1699807400, AK_STS)))).toBe('InvalidAccessKeyId');
  });
});
