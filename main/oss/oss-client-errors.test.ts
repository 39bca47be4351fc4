// Every error case of issue 2 item 3, through the client against the emulator, signed V1 and V4: the client must
// produce a typed OssError with the server's code, the right `retryable`, and prepare the next attempt where it can.
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NO_FAULTS } from '../emulator/emulator-types';
import type { Credentials, CredentialProvider } from './credentials';
import { staticCredentials } from './credentials';
import type { OssClient } from './oss-client';
import { isOssError, type OssError } from './oss-error';
import { requestXml } from './oss-operation-helpers';
import { OssRequestExecutor } from './oss-request-executor';
import { parseCompleteMultipartUpload } from './responses/parse-complete-multipart-upload';
import {
  startEmulatorFixture,
  TEST_ACCESS_KEY_ID,
  TEST_ACCESS_KEY_SECRET,
  TEST_BUCKET,
  type EmulatorFixture,
} from './test-support/emulator-fixture';

const STS_KEY_ID = 'STS.expiredKey01';
const STS_SECRET = 'sts-secret-0001';
const STS_TOKEN = 'sts-token-expired-0001';
const STS_FRESH_KEY_ID = 'STS.freshKey0002';
const STS_FRESH_SECRET = 'sts-secret-0002';
const STS_FRESH_TOKEN = 'sts-token-fresh-0002';

let fixture: EmulatorFixture;

beforeAll(async () => {
  fixture = await startEmulatorFixture({
    extraCredentials: [
      { accessKeyId: STS_KEY_ID, accessKeySecret: STS_SECRET, securityToken: STS_TOKEN, securityTokenExpiresAtMs: 1 },
      { accessKeyId: STS_FRESH_KEY_ID, accessKeySecret: STS_FRESH_SECRET, securityToken: STS_FRESH_TOKEN },
    ],
  });
});

afterAll(async () => {
  await fixture.close();
});

afterEach(() => {
  fixture.emulator.setFaults(NO_FAULTS);
});

async function errorOf(promise: Promise<unknown>): Promise<OssError> {
  try {
    await promise;
  } catch (error) {
    if (isOssError(error)) return error;
    throw error;
  }
  throw new Error('expected an OssError');
}

function expectNoSecret(error: OssError, ...secrets: string[]): void {
  const text = JSON.stringify({ ...error.toJSON(), message: error.message, stack: error.stack });
  for (const secret of secrets) expect(text).not.toContain(secret);
}

const PART = 100 * 1024;

describe.each(['v1', 'v4'] as const)('OssClient errors, signature %s', (signatureVersion) => {
  let client: OssClient;
  const key = (name: string): string => `errors-${signatureVersion}/${name}`;

  beforeAll(() => {
    client = fixture.client({ signatureVersion });
  });

  async function initiate(name: string): Promise<{ bucket: string; key: string; uploadId: string }> {
    const k = key(name);
    const { uploadId } = await client.initiateMultipartUpload({ bucket: TEST_BUCKET, key: k });
    return { bucket: TEST_BUCKET, key: k, uploadId };
  }

  it('a wrong secret is SignatureDoesNotMatch, not retryable, and the secret appears nowhere', async () => {
    const wrong = fixture.client({
      signatureVersion,
      credentials: staticCredentials({ accessKeyId: TEST_ACCESS_KEY_ID, accessKeySecret: 'definitely-wrong-secret' }),
    });
    const error = await errorOf(wrong.getBucketInfo({ bucket: TEST_BUCKET }));
    expect(error).toMatchObject({ code: 'SignatureDoesNotMatch', status: 403, retryable: false });
    expect(error.requestId).toBeTruthy();
    expectNoSecret(error, 'definitely-wrong-secret', TEST_ACCESS_KEY_SECRET);
    // Also on an upload with a body the server does not read.
    const part = await errorOf(
      wrong.putObject({ bucket: TEST_BUCKET, key: key('wrong-secret'), body: Buffer.alloc(2 * 1024 * 1024), contentLength: 2 * 1024 * 1024 }),
    );
    expect(part.code).toBe('SignatureDoesNotMatch');
  });

  it('an unknown AccessKey id is InvalidAccessKeyId', async () => {
    const unknown = fixture.client({
      signatureVersion,
      credentials: staticCredentials({ accessKeyId: 'LTAIunknown', accessKeySecret: TEST_ACCESS_KEY_SECRET }),
    });
    const error = await errorOf(unknown.listMultipartUploads({ bucket: TEST_BUCKET }));
    expect(error.code).toBe('InvalidAccessKeyId');
    expect(error.retryable).toBe(false);
  });

  it('a clock 20 minutes off is RequestTimeTooSkewed; the offset is corrected and the next call succeeds', async () => {
    const skewMs = 20 * 60 * 1000;
    const skewed = fixture.client({ signatureVersion, now: () => Date.now() - skewMs });
    expect(skewed.clockOffsetMs).toBe(0);
    const error = await errorOf(skewed.getBucketInfo({ bucket: TEST_BUCKET }));
    expect(error).toMatchObject({ code: 'RequestTimeTooSkewed', status: 403, retryable: true });
    expect(error.serverTimeMs).toBeTypeOf('number');
    // Server time minus the skewed clock: about +20 minutes (the ServerTime has whole-second precision).
    expect(Math.abs(skewed.clockOffsetMs - skewMs)).toBeLessThan(60_000);
    await expect(skewed.getBucketInfo({ bucket: TEST_BUCKET })).resolves.toMatchObject({ name: TEST_BUCKET });
  });

  it('a wrong Content-MD5 is InvalidDigest and nothing is stored', async () => {
    const target = await initiate('digest.bin');
    const error = await errorOf(
      client.uploadPart({ ...target, partNumber: 1, body: Buffer.from('payload'), contentLength: 7, contentMd5: '1B2M2Y8AsgTpgAmY7PhCfg==' }),
    );
    expect(error).toMatchObject({ code: 'InvalidDigest', status: 400, retryable: false });
    expect((await client.listParts(target)).parts).toEqual([]);
    await client.abortMultipartUpload(target);
  });

  it('uploading a part number again overwrites it; completing with the old ETag is InvalidPart', async () => {
    const target = await initiate('overwrite.bin');
    const first = await client.uploadPart({ ...target, partNumber: 1, body: Buffer.alloc(PART, 1), contentLength: PART });
    const second = await client.uploadPart({ ...target, partNumber: 1, body: Buffer.alloc(PART, 2), contentLength: PART });
    expect(second.etag).not.toBe(first.etag);
    const parts = (await client.listParts(target)).parts;
    expect(parts.map((p) => [p.partNumber, p.etag])).toEqual([[1, second.etag]]);
    const error = await errorOf(client.completeMultipartUpload({ ...target, parts: [{ partNumber: 1, etag: first.etag }] }));
    expect(error).toMatchObject({ code: 'InvalidPart', status: 400, retryable: false });
    await client.completeMultipartUpload({ ...target, parts: [{ partNumber: 1, etag: second.etag }] });
  });

  it('a part that was never uploaded is InvalidPart', async () => {
    const target = await initiate('missing-part.bin');
    const one = await client.uploadPart({ ...target, partNumber: 1, body: Buffer.alloc(PART, 1), contentLength: PART });
    const error = await errorOf(
      client.completeMultipartUpload({ ...target, parts: [{ partNumber: 1, etag: one.etag }, { partNumber: 2, etag: one.etag }] }),
    );
    expect(error.code).toBe('InvalidPart');
    await client.abortMultipartUpload(target);
  });

  it('parts out of order (bypassing the client’s sorting) are InvalidPartOrder', async () => {
    const target = await initiate('order.bin');
    const a = await client.uploadPart({ ...target, partNumber: 1, body: Buffer.alloc(PART, 1), contentLength: PART });
    const b = await client.uploadPart({ ...target, partNumber: 2, body: Buffer.alloc(10, 2), contentLength: 10 });
    const executor = new OssRequestExecutor({
      endpoint: fixture.emulator.url,
      region: 'cn-hangzhou',
      signatureVersion,
      credentials: staticCredentials({ accessKeyId: TEST_ACCESS_KEY_ID, accessKeySecret: TEST_ACCESS_KEY_SECRET }),
    });
    const body = Buffer.from(
      `<CompleteMultipartUpload><Part><PartNumber>2</PartNumber><ETag>${b.etag}</ETag></Part>` +
        `<Part><PartNumber>1</PartNumber><ETag>${a.etag}</ETag></Part></CompleteMultipartUpload>`,
    );
    const error = await errorOf(
      requestXml(
        executor,
        {
          method: 'POST',
          bucket: target.bucket,
          key: target.key,
          query: [['uploadId', target.uploadId]],
          headers: { 'content-type': 'application/xml' },
          body,
          contentLength: body.byteLength,
        },
        parseCompleteMultipartUpload,
      ),
    );
    await executor.close();
    expect(error).toMatchObject({ code: 'InvalidPartOrder', status: 400, retryable: false });
    await client.abortMultipartUpload(target);
  });

  it('a non-last part under 100 KB is EntityTooSmall', async () => {
    const target = await initiate('small.bin');
    const a = await client.uploadPart({ ...target, partNumber: 1, body: Buffer.alloc(PART - 1, 1), contentLength: PART - 1 });
    const b = await client.uploadPart({ ...target, partNumber: 2, body: Buffer.alloc(10, 2), contentLength: 10 });
    const error = await errorOf(client.completeMultipartUpload({ ...target, parts: [{ partNumber: 1, etag: a.etag }, { partNumber: 2, etag: b.etag }] }));
    expect(error).toMatchObject({ code: 'EntityTooSmall', status: 400, retryable: false });
    await client.abortMultipartUpload(target);
  });

  it('a completed upload is gone: NoSuchUpload for parts, listing, abort and a second Complete', async () => {
    const target = await initiate('completed.bin');
    const part = await client.uploadPart({ ...target, partNumber: 1, body: Buffer.from('only part'), contentLength: 9 });
    await client.completeMultipartUpload({ ...target, parts: [{ partNumber: 1, etag: part.etag }] });
    for (const call of [
      client.uploadPart({ ...target, partNumber: 2, body: Buffer.from('late'), contentLength: 4 }),
      client.listParts(target),
      client.abortMultipartUpload(target),
      client.completeMultipartUpload({ ...target, parts: [{ partNumber: 1, etag: part.etag }] }),
    ]) {
      expect(await errorOf(call)).toMatchObject({ code: 'NoSuchUpload', status: 404, retryable: false });
    }
  });

  it('a missing bucket is NoSuchBucket', async () => {
    const error = await errorOf(client.initiateMultipartUpload({ bucket: 'no-such-bucket-here', key: 'k' }));
    expect(error).toMatchObject({ code: 'NoSuchBucket', status: 404, retryable: false });
  });

  it('HEAD of a missing object is NoSuchKey (read from x-oss-err: HEAD has no body)', async () => {
    const error = await errorOf(client.headObject({ bucket: TEST_BUCKET, key: key('never-written') }));
    expect(error).toMatchObject({ code: 'NoSuchKey', status: 404 });
    expect(error.requestId).toBeTruthy();
  });

  it('GET of a missing object is NoSuchKey', async () => {
    expect((await errorOf(client.getObject({ bucket: TEST_BUCKET, key: key('never-written') }))).code).toBe('NoSuchKey');
  });

  it('an expired STS token is SecurityTokenExpired; refresh() runs before the error, and the retry succeeds', async () => {
    let current: Credentials = { accessKeyId: STS_KEY_ID, accessKeySecret: STS_SECRET, securityToken: STS_TOKEN };
    let refreshes = 0;
    const provider: CredentialProvider = {
      getCredentials: () => Promise.resolve(current),
      refresh: () => {
        refreshes += 1;
        current = { accessKeyId: STS_FRESH_KEY_ID, accessKeySecret: STS_FRESH_SECRET, securityToken: STS_FRESH_TOKEN };
        return Promise.resolve(current);
      },
    };
    const sts = fixture.client({ signatureVersion, credentials: provider });
    const error = await errorOf(sts.getBucketInfo({ bucket: TEST_BUCKET }));
    expect(error).toMatchObject({ code: 'SecurityTokenExpired', retryable: true });
    expect(refreshes).toBe(1);
    expectNoSecret(error, STS_TOKEN, STS_SECRET);
    await expect(sts.getBucketInfo({ bucket: TEST_BUCKET })).resolves.toMatchObject({ name: TEST_BUCKET });
  });

  it('a failing refresh() makes SecurityTokenExpired final', async () => {
    const provider: CredentialProvider = {
      getCredentials: () => Promise.resolve({ accessKeyId: STS_KEY_ID, accessKeySecret: STS_SECRET, securityToken: STS_TOKEN }),
      refresh: () => Promise.reject(new Error('STS endpoint down')),
    };
    const error = await errorOf(fixture.client({ signatureVersion, credentials: provider }).getBucketInfo({ bucket: TEST_BUCKET }));
    expect(error).toMatchObject({ code: 'SecurityTokenExpired', retryable: false });
  });

  it('a presigned URL carries a valid STS token', async () => {
    const sts = fixture.client({
      signatureVersion,
      credentials: staticCredentials({ accessKeyId: STS_FRESH_KEY_ID, accessKeySecret: STS_FRESH_SECRET, securityToken: STS_FRESH_TOKEN }),
    });
    const k = key('sts-presigned.txt');
    await sts.putObject({ bucket: TEST_BUCKET, key: k, body: Buffer.from('sts'), contentLength: 3 });
    const url = await sts.presignUrl({ method: 'GET', bucket: TEST_BUCKET, key: k, expiresSeconds: 60 });
    const { request } = await import('undici');
    const res = await request(url);
    expect(await res.body.text()).toBe('sts');
  });

  it('a truncated or malformed XML answer is a retryable MalformedResponse with the request id', async () => {
    const target = await initiate('malformed.bin');
    for (const fault of [{ truncatedXmlRate: 1 }, { malformedXmlRate: 1 }]) {
      fixture.emulator.setFaults(fault);
      const error = await errorOf(client.listParts(target));
      expect(error).toMatchObject({ code: 'MalformedResponse', status: 200, retryable: true });
      expect(error.requestId).toBeTruthy();
      fixture.emulator.setFaults(NO_FAULTS);
    }
    await client.abortMultipartUpload(target);
  });

  it('injected 500 and 503 answers are retryable', async () => {
    fixture.emulator.setFaults({ error500Rate: 1 });
    expect(await errorOf(client.getBucketInfo({ bucket: TEST_BUCKET }))).toMatchObject({ code: 'InternalError', status: 500, retryable: true });
    fixture.emulator.setFaults({ error500Rate: 0, error503Rate: 1 });
    expect(await errorOf(client.getBucketInfo({ bucket: TEST_BUCKET }))).toMatchObject({ status: 503, retryable: true });
  });

  it('a connection reset in the middle of a part body is a retryable NetworkError', async () => {
    const target = await initiate('reset.bin');
    fixture.emulator.setFaults({ resetPartBodyRate: 1, resetAfterBytes: 64 * 1024 });
    const error = await errorOf(
      client.uploadPart({ ...target, partNumber: 1, body: Readable.from([Buffer.alloc(1024 * 1024)]), contentLength: 1024 * 1024 }),
    );
    expect(error).toMatchObject({ code: 'NetworkError', retryable: true });
    fixture.emulator.setFaults(NO_FAULTS);
    await client.abortMultipartUpload(target);
  });

  it('aborting an upload in flight rejects with Aborted and closes the body', async () => {
    const target = await initiate('abort-signal.bin');
    const controller = new AbortController();
    const body = new Readable({ read() {} });
    body.push(Buffer.alloc(64 * 1024));
    const pending = client.uploadPart({ ...target, partNumber: 1, body, contentLength: 1024 * 1024, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('paused by user')), 50);
    const error = await errorOf(pending);
    expect(error.code).toBe('Aborted');
    expect(body.destroyed).toBe(true);
    await client.abortMultipartUpload(target);
  });

  it('bad arguments are refused before anything is sent, and a stream body is closed', async () => {
    const body = Readable.from([Buffer.from('x')]);
    const error = await errorOf(client.uploadPart({ bucket: TEST_BUCKET, key: key('args'), uploadId: 'u', partNumber: 10_001, body, contentLength: 1 }));
    expect(error).toMatchObject({ code: 'InvalidArgument', status: 0, retryable: false });
    expect(body.destroyed).toBe(true);
    expect((await errorOf(client.listParts({ bucket: TEST_BUCKET, key: key('args'), uploadId: 'u', maxParts: 1001 }))).code).toBe('InvalidArgument');
    expect((await errorOf(client.headObject({ bucket: 'Bad_Bucket', key: 'k' }))).code).toBe('InvalidArgument');
    expect((await errorOf(client.abortMultipartUpload({ bucket: TEST_BUCKET, key: key('args'), uploadId: '' }))).code).toBe('InvalidArgument');
    expect((await errorOf(client.presignUrl({ method: 'GET', bucket: TEST_BUCKET, key: 'k', expiresSeconds: 0 }))).code).toBe('InvalidArgument');
  });
});
