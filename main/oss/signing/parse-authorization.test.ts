import { describe, expect, it } from 'vitest';
import type { Credentials } from '../credentials';
import { parseV1Authorization, parseV4Authorization } from './parse-authorization';
import { buildV1StringToSign, computeV1Signature, signV1Headers } from './sign-v1';
import { buildV4Scope, buildV4StringToSign, computeV4Signature, signV4Headers } from './sign-v4';
import type { SignableRequest } from './signable-request';
import { buildV4CanonicalRequest } from './v4-canonical-request';

const CREDS: Credentials = { accessKeyId: 'ak', accessKeySecret: 'sk' };
const SIG = 'e21d18daa82167720f9b1047ae7e7f1ce7cb77a31e8203a7d5f4624fa0284afe';
const CRED = 'Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request';

describe('parseV4Authorization', () => {
  it('parses the SDK form, the doc form (", ") and AdditionalHeaders', () => {
    const expected = { accessKeyId: 'ak', date: '20231216', region: 'cn-hangzhou', product: 'oss', additionalHeaders: [], signature: SIG };
    expect(parseV4Authorization(`OSS4-HMAC-SHA256 ${CRED},Signature=${SIG}`)).toEqual(expected);
    expect(parseV4Authorization(`OSS4-HMAC-SHA256 ${CRED}, Signature=${SIG}`)).toEqual(expected);
    expect(parseV4Authorization(`OSS4-HMAC-SHA256 ${CRED},AdditionalHeaders=abc;zabc, Signature=${SIG}`)).toEqual({
      ...expected,
      additionalHeaders: ['abc', 'zabc'],
    });
    expect(
      parseV4Authorization(`OSS4-HMAC-SHA256 Credential=STS.x/y/20231216/cb-123/oss-cloudbox/aliyun_v4_request,Signature=${SIG}`),
    ).toEqual({ ...expected, accessKeyId: 'STS.x/y', region: 'cb-123', product: 'oss-cloudbox' });
  });

  it.each([
    ['another algorithm', `AWS4-HMAC-SHA256 ${CRED},Signature=${SIG}`],
    ['V1 form', 'OSS ak:kSHKmLxlyEAKtZPkJhG9bZb5k7M='],
    ['no fields', 'OSS4-HMAC-SHA256 '],
    ['missing Signature', `OSS4-HMAC-SHA256 ${CRED}`],
    ['missing Credential', `OSS4-HMAC-SHA256 Signature=${SIG}`],
    ['empty AdditionalHeaders=', `OSS4-HMAC-SHA256 ${CRED},AdditionalHeaders=,Signature=${SIG}`],
    ['empty AdditionalHeaders entry', `OSS4-HMAC-SHA256 ${CRED},AdditionalHeaders=abc;;zabc,Signature=${SIG}`],
    ['repeated field', `OSS4-HMAC-SHA256 ${CRED},${CRED},Signature=${SIG}`],
    ['unknown field', `OSS4-HMAC-SHA256 ${CRED},SignedHeaders=host,Signature=${SIG}`],
    ['field without =', `OSS4-HMAC-SHA256 ${CRED},Signature`],
    ['short signature', `OSS4-HMAC-SHA256 ${CRED},Signature=${SIG.slice(1)}`],
    ['non-hex signature', `OSS4-HMAC-SHA256 ${CRED},Signature=${'g'.repeat(64)}`],
    ['wrong scope terminator', `OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aws4_request,Signature=${SIG}`],
    ['short scope', `OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/aliyun_v4_request,Signature=${SIG}`],
    ['empty access key', `OSS4-HMAC-SHA256 Credential=/20231216/cn-hangzhou/oss/aliyun_v4_request,Signature=${SIG}`],
    ['bad scope date', `OSS4-HMAC-SHA256 Credential=ak/2023-12-16/cn-hangzhou/oss/aliyun_v4_request,Signature=${SIG}`],
    ['empty region', `OSS4-HMAC-SHA256 Credential=ak/20231216//oss/aliyun_v4_request,Signature=${SIG}`],
    ['trailing comma', `OSS4-HMAC-SHA256 ${CRED},Signature=${SIG},`],
  ])('rejects %s', (_label, value) => {
    expect(parseV4Authorization(value)).toBeUndefined();
  });

  it('round-trips what signV4Headers produces, and the parsed fields verify the received request', () => {
    const req: SignableRequest = {
      method: 'PUT',
      bucket: 'b',
      key: 'dir/a b.bin',
      query: [['partNumber', '2'], ['uploadId', 'U']],
      headers: { Range: 'bytes=0-1', 'Content-MD5': 'm' },
    };
    const added = signV4Headers(req, CREDS, { nowMs: 1_702_743_657_000, region: 'oss-cn-hangzhou', additionalHeaders: ['Range'] });
    const parsed = parseV4Authorization(added.authorization ?? '');
    expect(parsed).toMatchObject({ accessKeyId: 'ak', date: '20231216', region: 'cn-hangzhou', product: 'oss', additionalHeaders: ['range'] });
    if (parsed === undefined) return;

    const received: SignableRequest = { ...req, headers: { ...req.headers, ...added } };
    const verify = (request: SignableRequest): string =>
      computeV4Signature(
        'sk',
        parsed.date,
        parsed.region,
        parsed.product,
        buildV4StringToSign(
          request.headers['x-oss-date'] ?? '',
          buildV4Scope(parsed.date, parsed.region, parsed.product),
          buildV4CanonicalRequest(request, parsed.additionalHeaders),
        ),
      );
    expect(verify(received)).toBe(parsed.signature);
    // A tampered signed header (range is signed through AdditionalHeaders) no longer verifies.
    expect(verify({ ...received, headers: { ...received.headers, Range: 'bytes=0-2' } })).not.toBe(parsed.signature);
  });
});

describe('parseV1Authorization', () => {
  it('parses OSS <ak>:<signature>', () => {
    expect(parseV1Authorization('OSS ak:kSHKmLxlyEAKtZPkJhG9bZb5k7M=')).toEqual({ accessKeyId: 'ak', signature: 'kSHKmLxlyEAKtZPkJhG9bZb5k7M=' });
    expect(parseV1Authorization('OSS STS.NUxyz:/afkugFbmWDQ967j1vr6zygBLQk=')).toEqual({
      accessKeyId: 'STS.NUxyz',
      signature: '/afkugFbmWDQ967j1vr6zygBLQk=',
    });
  });

  it.each([
    ['no colon', 'OSS ak'],
    ['empty access key', 'OSS :kSHKmLxlyEAKtZPkJhG9bZb5k7M='],
    ['empty signature', 'OSS ak:'],
    ['non-base64 signature', 'OSS ak:abc$def'],
    ['two colons', 'OSS ak:x:y'],
    ['another scheme', 'Basic YWs6c2s='],
    ['V4 form', `OSS4-HMAC-SHA256 ${CRED},Signature=${SIG}`],
    ['lower-case scheme', 'oss ak:kSHKmLxlyEAKtZPkJhG9bZb5k7M='],
  ])('rejects %s', (_label, value) => {
    expect(parseV1Authorization(value)).toBeUndefined();
  });

  it('round-trips what signV1Headers produces, and the parsed signature verifies the received request', () => {
    const req: SignableRequest = { method: 'POST', bucket: 'b', key: 'k', query: [['uploads', '']], headers: { 'Content-Type': 'application/xml' } };
    const added = signV1Headers(req, { ...CREDS, securityToken: 'tok' }, 1_672_223_261_000);
    const parsed = parseV1Authorization(added.authorization ?? '');
    expect(parsed?.accessKeyId).toBe('ak');
    const received: SignableRequest = { ...req, headers: { ...req.headers, ...added } };
    const dateSlot = received.headers['x-oss-date'] ?? '';
    expect(computeV1Signature('sk', buildV1StringToSign(received, dateSlot))).toBe(parsed?.signature);
  });
});
