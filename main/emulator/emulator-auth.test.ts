import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRfc1123 } from '../oss/signing/sign-dates';
import { buildV1StringToSign, computeV1Signature } from '../oss/signing/sign-v1';
import { computeV4Signature, signV4Headers } from '../oss/signing/sign-v4';
import {
  presign,
  send,
  sendRaw,
  sendSigned,
  startTestEmulator,
  TEST_CREDENTIALS,
  virtualHost,
  xmlField,
  type TestClientOptions,
  type TestEmulator,
} from './emulator-test-client';

const SERVER_NOW = Date.UTC(2025, 4, 6, 12, 0, 0);
const MINUTE = 60_000;
const STS = { accessKeyId: 'STS.temp', accessKeySecret: 'sts-secret', securityToken: 'sts-token' };

function withHost(url: { url: string; host?: string }): Record<string, string> {
  return url.host === undefined ? {} : { host: url.host };
}

describe('emulator authentication', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator({
      now: () => SERVER_NOW,
      credentials: [
        TEST_CREDENTIALS,
        STS,
        { accessKeyId: 'STS.old', accessKeySecret: 's', securityToken: 'old', securityTokenExpiresAtMs: SERVER_NOW - 1 },
        { accessKeyId: 'no-list', accessKeySecret: 'no-list-secret', denyListUploads: true },
      ],
    });
  });
  afterAll(async () => {
    await t.dispose();
  });
  const client = (o: Partial<TestClientOptions> = {}): TestClientOptions => t.client({ now: () => SERVER_NOW, ...o });

  const combos = [
    { version: 'v1', style: 'path' },
    { version: 'v1', style: 'virtual' },
    { version: 'v4', style: 'path' },
    { version: 'v4', style: 'virtual' },
  ] as const;

  it.each(combos)('accepts $version header auth, $style addressing, for keys that need encoding', async ({ version, style }) => {
    const c = client({ version, style });
    const key = `auth/${version}-${style}/a b+c%d!'()*~ü😀.txt`;
    const put = await sendSigned(c, { method: 'PUT', key, body: 'hello', headers: { 'content-type': 'text/plain', 'x-oss-meta-a': 'x' } });
    expect(put.status, put.text).toBe(200);
    const get = await sendSigned(c, { method: 'GET', key });
    expect(get.text).toBe('hello');
    const list = await sendSigned(c, { method: 'GET', query: [['uploads', ''], ['prefix', 'auth/'], ['max-uploads', '10']] });
    expect(list.status, list.text).toBe(200);
  });

  it.each(combos)('accepts $version presigned URLs, $style addressing', async ({ version, style }) => {
    const c = client({ version, style });
    const key = `presign/${version}-${style} +x.txt`;
    await sendSigned(c, { method: 'PUT', key, body: 'presigned body' });
    const url = presign(c, { method: 'GET', key }, 600);
    const res = await send(url.url, 'GET', withHost(url));
    expect(res.status, res.text).toBe(200);
    expect(res.text).toBe('presigned body');
  });

  it('V4 header auth with AdditionalHeaders (host) and a V4 presigned PUT', async () => {
    const c = client({ version: 'v4', style: 'virtual' });
    const headers = { host: virtualHost('test-bucket') };
    const added = signV4Headers({ method: 'GET', bucket: 'test-bucket', key: 'presign/v4-virtual +x.txt', query: [], headers }, TEST_CREDENTIALS, {
      nowMs: SERVER_NOW,
      region: 'cn-hangzhou',
      additionalHeaders: ['host'],
    });
    expect(added['authorization']).toContain('AdditionalHeaders=host');
    const res = await sendRaw(c, { method: 'GET', key: 'presign/v4-virtual +x.txt' }, { ...headers, ...added });
    expect(res.status, res.text).toBe(200);
    const url = presign(c, { method: 'PUT', key: 'presigned-put.txt' }, 60);
    expect((await send(url.url, 'PUT', withHost(url), 'via url')).status).toBe(200);
    expect((await sendSigned(c, { method: 'GET', key: 'presigned-put.txt' })).text).toBe('via url');
  });

  it('V1 uses the Date header as the Date slot when x-oss-date is absent', async () => {
    const c = client();
    const date = formatRfc1123(SERVER_NOW);
    const headers = { date };
    const sts = buildV1StringToSign({ method: 'GET', bucket: 'test-bucket', key: '', query: [['bucketInfo', '']], headers }, date);
    const authorization = `OSS test-ak:${computeV1Signature('test-secret', sts)}`;
    const res = await sendRaw(c, { method: 'GET', query: [['bucketInfo', '']] }, { ...headers, authorization });
    expect(res.status, res.text).toBe(200);
  });

  it.each(['v1', 'v4'] as const)('%s: a wrong secret → 403 SignatureDoesNotMatch whose StringToSign is the one the client signed', async (version) => {
    const wrong = { ...TEST_CREDENTIALS, accessKeySecret: 'wrong' };
    const res = await sendSigned(client({ version, credentials: wrong }), { method: 'GET', key: 'x.txt', query: [['uploadId', 'ABC']] });
    expect(res.status).toBe(403);
    expect(xmlField(res.text, 'Code')).toBe('SignatureDoesNotMatch');
    const stringToSign = (xmlField(res.text, 'StringToSign') ?? '').replace(/&amp;/g, '&');
    const provided = xmlField(res.text, 'SignatureProvided') ?? '';
    const recomputed =
      version === 'v1'
        ? computeV1Signature('wrong', stringToSign)
        : computeV4Signature('wrong', '20250506', 'cn-hangzhou', 'oss', stringToSign);
    expect(recomputed).toBe(provided);
  });

  it('a signed request altered on the way is refused', async () => {
    const c = client();
    const added = await sendSigned(c, { method: 'PUT', key: 'tamper.txt', body: 'x', headers: { 'x-oss-meta-a': '1' } });
    expect(added.status).toBe(200);
    const signed = buildV1StringToSign(
      { method: 'PUT', bucket: 'test-bucket', key: 'tamper.txt', query: [], headers: { 'x-oss-meta-a': '1', 'x-oss-date': formatRfc1123(SERVER_NOW) } },
      formatRfc1123(SERVER_NOW),
    );
    const authorization = `OSS test-ak:${computeV1Signature('test-secret', signed)}`;
    const res = await sendRaw(c, { method: 'PUT', key: 'tamper.txt', body: 'x' }, { 'x-oss-meta-a': '2', 'x-oss-date': formatRfc1123(SERVER_NOW), authorization });
    expect(xmlField(res.text, 'Code')).toBe('SignatureDoesNotMatch');
  });

  it.each(['v1', 'v4'] as const)('%s: an unknown AccessKey id → 403 InvalidAccessKeyId', async (version) => {
    const res = await sendSigned(client({ version, credentials: { accessKeyId: 'nobody', accessKeySecret: 'x' } }), { method: 'GET', key: 'x' });
    expect(res.status).toBe(403);
    expect(xmlField(res.text, 'Code')).toBe('InvalidAccessKeyId');
  });

  it.each(['v1', 'v4'] as const)('%s: more than 15 minutes of skew → 403 RequestTimeTooSkewed with ServerTime; 14 minutes pass', async (version) => {
    const late = await sendSigned(client({ version, now: () => SERVER_NOW - 16 * MINUTE }), { method: 'GET', query: [['bucketInfo', '']] });
    expect(late.status).toBe(403);
    expect(xmlField(late.text, 'Code')).toBe('RequestTimeTooSkewed');
    expect(xmlField(late.text, 'ServerTime')).toBe(new Date(SERVER_NOW).toISOString());
    expect(late.headers['date']).toBe(formatRfc1123(SERVER_NOW));
    const early = await sendSigned(client({ version, now: () => SERVER_NOW + 16 * MINUTE }), { method: 'GET', query: [['bucketInfo', '']] });
    expect(xmlField(early.text, 'Code')).toBe('RequestTimeTooSkewed');
    const fine = await sendSigned(client({ version, now: () => SERVER_NOW - 14 * MINUTE }), { method: 'GET', query: [['bucketInfo', '']] });
    expect(fine.status).toBe(200);
  });

  it.each(['v1', 'v4'] as const)('%s: an expired presigned URL → 403 AccessDenied "Request has expired."', async (version) => {
    const url = presign(client({ version, now: () => SERVER_NOW - 10 * MINUTE }), { method: 'GET', key: 'x' }, 60);
    const res = await send(url.url, 'GET', {});
    expect(res.status).toBe(403);
    expect(xmlField(res.text, 'Code')).toBe('AccessDenied');
    expect(xmlField(res.text, 'Message')).toBe('Request has expired.');
  });

  it('V4: expiry over 604800 s, missing x-oss-content-sha256, wrong region, empty AdditionalHeaders are refused', async () => {
    const c = client({ version: 'v4' });
    const url = presign(c, { method: 'GET', key: 'x' }, 60).url.replace('x-oss-expires=60', 'x-oss-expires=604801');
    expect(xmlField((await send(url, 'GET', {})).text, 'Code')).toBe('InvalidArgument');

    const signed = signV4Headers({ method: 'GET', bucket: 'test-bucket', key: 'x', query: [], headers: {} }, TEST_CREDENTIALS, { nowMs: SERVER_NOW, region: 'cn-hangzhou' });
    const noSha = { ...signed };
    delete noSha['x-oss-content-sha256'];
    expect(xmlField((await sendRaw(c, { method: 'GET', key: 'x' }, noSha)).text, 'Code')).toBe('InvalidArgument');

    const emptyAdditional = { ...signed, authorization: (signed['authorization'] ?? '').replace(',Signature=', ',AdditionalHeaders=,Signature=') };
    expect(xmlField((await sendRaw(c, { method: 'GET', key: 'x' }, emptyAdditional)).text, 'Code')).toBe('InvalidArgument');

    const otherRegion = await sendSigned(client({ version: 'v4', region: 'cn-shanghai' }), { method: 'GET', key: 'x' });
    expect(otherRegion.status).toBe(400);
    expect(xmlField(otherRegion.text, 'Code')).toBe('InvalidArgument');

    const spaced = { ...signed, authorization: (signed['authorization'] ?? '').replace(',Signature=', ', Signature=') };
    expect((await sendRaw(c, { method: 'GET', key: 'x' }, spaced)).status).toBe(404);
  });

  it('anonymous requests → 403 AccessDenied', async () => {
    const res = await send(`${t.emulator.url}/test-bucket/x.txt`, 'GET', {});
    expect(res.status).toBe(403);
    expect(xmlField(res.text, 'Code')).toBe('AccessDenied');
  });

  it.each(['v1', 'v4'] as const)('%s: STS token accepted in the header and in presigned URLs; missing, wrong or expired refused', async (version) => {
    const sts = client({ version, credentials: STS });
    expect((await sendSigned(sts, { method: 'GET', query: [['bucketInfo', '']] })).status).toBe(200);
    const url = presign(sts, { method: 'GET', query: [['bucketInfo', '']] }, 60);
    expect(url.url).toContain(version === 'v1' ? 'security-token=sts-token' : 'x-oss-security-token=sts-token');
    expect((await send(url.url, 'GET', {})).status).toBe(200);

    const missing = await sendSigned(client({ version, credentials: { accessKeyId: STS.accessKeyId, accessKeySecret: STS.accessKeySecret } }), {
      method: 'GET',
      query: [['bucketInfo', '']],
    });
    expect(xmlField(missing.text, 'Code')).toBe('InvalidAccessKeyId');
    const wrong = await sendSigned(client({ version, credentials: { ...STS, securityToken: 'nope' } }), { method: 'GET', query: [['bucketInfo', '']] });
    expect(xmlField(wrong.text, 'Code')).toBe('InvalidSecurityToken');
    const expired = await sendSigned(client({ version, credentials: { accessKeyId: 'STS.old', accessKeySecret: 's', securityToken: 'old' } }), {
      method: 'GET',
      query: [['bucketInfo', '']],
    });
    expect(xmlField(expired.text, 'Code')).toBe('SecurityTokenExpired');
  });

  it('a key flagged denyListUploads gets AccessDenied from ListMultipartUploads only', async () => {
    const c = client({ credentials: { accessKeyId: 'no-list', accessKeySecret: 'no-list-secret' } });
    const list = await sendSigned(c, { method: 'GET', query: [['uploads', '']] });
    expect(list.status).toBe(403);
    expect(xmlField(list.text, 'Code')).toBe('AccessDenied');
    expect((await sendSigned(c, { method: 'POST', key: 'ok.bin', query: [['uploads', '']] })).status).toBe(200);
  });
});
