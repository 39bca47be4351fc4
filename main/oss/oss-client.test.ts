// The client against the project's emulator, signed V1 and V4, path-style and virtual-hosted: every operation,
// keys that need encoding, byte-exact reads, presigned URLs fetched with plain undici.
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileRangeStream } from './body-source';
import { crc64 } from './crc64';
import type { OssClient } from './oss-client';
import { isOssError } from './oss-error';
import { startEmulatorFixture, TEST_BUCKET, TEST_BUCKET_2, type EmulatorFixture } from './test-support/emulator-fixture';

let fixture: EmulatorFixture;
let dir = '';
let file = '';
const PART = 100 * 1024;
// 2.5 parts of varied bytes: two full parts and a short last one.
const data = Buffer.from(Array.from({ length: PART * 2 + PART / 2 }, (_, i) => (i * 131 + (i >> 9)) % 256));

beforeAll(async () => {
  fixture = await startEmulatorFixture();
  dir = await mkdtemp(join(tmpdir(), 'oss-client-test-'));
  file = join(dir, 'source.bin');
  await writeFile(file, data);
});

afterAll(async () => {
  await fixture.close();
  await rm(dir, { recursive: true, force: true });
});

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function md5Base64(bytes: Uint8Array): string {
  return createHash('md5').update(bytes).digest('base64');
}

function md5Etag(bytes: Uint8Array): string {
  return `"${createHash('md5').update(bytes).digest('hex').toUpperCase()}"`;
}

async function errorOf(promise: Promise<unknown>): Promise<{ code: string; status: number; retryable: boolean }> {
  try {
    await promise;
  } catch (error) {
    if (isOssError(error)) return error;
    throw error;
  }
  throw new Error('expected an OssError');
}

const combos = [
  ['v1', 'path-style'],
  ['v1', 'virtual-hosted'],
  ['v4', 'path-style'],
  ['v4', 'virtual-hosted'],
] as const;

describe.each(combos)('OssClient %s %s', (signatureVersion, addressing) => {
  let client: OssClient;
  const prefix = `${signatureVersion}-${addressing}/`;

  beforeAll(() => {
    client = fixture.client({ signatureVersion, addressing });
  });

  it.each([
    ['spaces and symbols', 'dir one/a b+c%20d#e?f&g=h.bin'],
    ['unicode, deep prefix', '深/层/目/录/文件 名 ✓.bin'],
    ['quotes and parentheses', "it's (final) *copy*!.bin"],
  ])('multipart round trip: %s', async (_label, name) => {
    const key = `${prefix}${name}`;
    const init = await client.initiateMultipartUpload({
      bucket: TEST_BUCKET,
      key,
      contentType: 'application/x-test',
      metadata: { origin: 'client-test' },
    });
    expect(init.key).toBe(key);
    expect(init.bucket).toBe(TEST_BUCKET);
    expect(init.requestId).not.toBe('');
    const target = { bucket: TEST_BUCKET, key, uploadId: init.uploadId };

    // Part 1 from memory, parts 2 and 3 streamed from the file with progress.
    const part1 = data.subarray(0, PART);
    const r1 = await client.uploadPart({ ...target, partNumber: 1, body: part1, contentLength: PART, contentMd5: md5Base64(part1) });
    expect(r1.etag).toBe(md5Etag(part1));
    expect(r1.crc64).toBe(crc64(part1));
    let progress = 0;
    const r2 = await client.uploadPart({
      ...target,
      partNumber: 2,
      body: fileRangeStream(file, PART, PART),
      contentLength: PART,
      onProgress: (sent) => (progress = sent),
    });
    expect(progress).toBe(PART);
    const lastSize = data.byteLength - 2 * PART;
    const r3 = await client.uploadPart({ ...target, partNumber: 3, body: fileRangeStream(file, 2 * PART, lastSize), contentLength: lastSize });
    expect(r3.etag).toBe(md5Etag(data.subarray(2 * PART)));

    const listed = await client.listParts(target);
    expect(listed.key).toBe(key);
    expect(listed.parts.map((p) => [p.partNumber, p.etag, p.size])).toEqual([
      [1, r1.etag, PART],
      [2, r2.etag, PART],
      [3, r3.etag, lastSize],
    ]);
    const uploads = await client.listMultipartUploads({ bucket: TEST_BUCKET, prefix: key });
    expect(uploads.uploads.map((u) => [u.key, u.uploadId])).toEqual([[key, init.uploadId]]);

    // Out of order on purpose: the client sorts (oss-protocol.md §6.3).
    const done = await client.completeMultipartUpload({
      ...target,
      parts: [
        { partNumber: 3, etag: r3.etag },
        { partNumber: 1, etag: r1.etag },
        { partNumber: 2, etag: r2.etag },
      ],
    });
    expect(done.key).toBe(key);
    expect(done.crc64).toBe(crc64(data));

    const head = await client.headObject({ bucket: TEST_BUCKET, key });
    expect(head).toMatchObject({ contentLength: data.byteLength, crc64: crc64(data), contentType: 'application/x-test' });
    const got = await client.getObject({ bucket: TEST_BUCKET, key });
    expect(got.contentLength).toBe(data.byteLength);
    expect((await readAll(got.body)).equals(data)).toBe(true);

    const page = await client.listObjectsV2({ bucket: TEST_BUCKET, prefix: key });
    expect(page.objects.map((o) => [o.key, o.size])).toEqual([[key, data.byteLength]]);
  });

  it('getObject with a range returns exactly those bytes', async () => {
    const key = `${prefix}range.bin`;
    await client.putObject({ bucket: TEST_BUCKET, key, body: data, contentLength: data.byteLength });
    const got = await client.getObject({ bucket: TEST_BUCKET, key, range: { start: 1000, end: 1999 } });
    expect(got.status).toBe(206);
    expect(got.contentLength).toBe(1000);
    expect((await readAll(got.body)).equals(data.subarray(1000, 2000))).toBe(true);
  });

  it('putObject streams a file with Content-MD5 and progress; ETag is the MD5', async () => {
    const key = `${prefix}put/whole file.bin`;
    const sent: number[] = [];
    const put = await client.putObject({
      bucket: TEST_BUCKET,
      key,
      body: fileRangeStream(file, 0, data.byteLength, 16 * 1024),
      contentLength: data.byteLength,
      contentMd5: md5Base64(data),
      contentType: 'text/plain',
      onProgress: (bytes) => sent.push(bytes),
    });
    expect(put.etag).toBe(md5Etag(data));
    expect(put.crc64).toBe(crc64(data));
    expect(sent.at(-1)).toBe(data.byteLength);
    const got = await client.getObject({ bucket: TEST_BUCKET, key });
    expect((await readAll(got.body)).equals(data)).toBe(true);
  });

  it('putObject of an empty body', async () => {
    const key = `${prefix}empty`;
    const put = await client.putObject({ bucket: TEST_BUCKET, key, body: new Uint8Array(0), contentLength: 0 });
    expect(put.crc64).toBe(0n);
    expect((await client.headObject({ bucket: TEST_BUCKET, key })).contentLength).toBe(0);
  });

  it('getBucketInfo answers for the bucket', async () => {
    const info = await client.getBucketInfo({ bucket: TEST_BUCKET });
    expect(info.name).toBe(TEST_BUCKET);
    expect(info.location).toContain('cn-hangzhou');
  });

  it('abortMultipartUpload removes the upload; later calls get NoSuchUpload', async () => {
    const key = `${prefix}aborted.bin`;
    const { uploadId } = await client.initiateMultipartUpload({ bucket: TEST_BUCKET, key });
    await client.uploadPart({ bucket: TEST_BUCKET, key, uploadId, partNumber: 1, body: Buffer.from('x'), contentLength: 1 });
    const aborted = await client.abortMultipartUpload({ bucket: TEST_BUCKET, key, uploadId });
    expect(aborted.requestId).not.toBe('');
    const listed = await client.listMultipartUploads({ bucket: TEST_BUCKET, prefix: key });
    expect(listed.uploads).toEqual([]);
    for (const call of [
      client.listParts({ bucket: TEST_BUCKET, key, uploadId }),
      client.abortMultipartUpload({ bucket: TEST_BUCKET, key, uploadId }),
      client.uploadPart({ bucket: TEST_BUCKET, key, uploadId, partNumber: 2, body: Buffer.from('y'), contentLength: 1 }),
    ]) {
      expect(await errorOf(call)).toMatchObject({ code: 'NoSuchUpload', status: 404, retryable: false });
    }
  });

  it('a presigned GET URL works with plain undici', async () => {
    const key = `${prefix}presigned/a b+c.bin`;
    await client.putObject({ bucket: TEST_BUCKET, key, body: data, contentLength: data.byteLength });
    const url = await client.presignUrl({ method: 'GET', bucket: TEST_BUCKET, key, expiresSeconds: 300 });
    expect(url).toContain(signatureVersion === 'v1' ? 'Signature=' : 'x-oss-signature=');
    const res = await request(url);
    expect(res.statusCode).toBe(200);
    expect(Buffer.from(await res.body.arrayBuffer()).equals(data)).toBe(true);
    // A tampered signature is refused, so the URL above worked because of its signature.
    const bad = await request(withTamperedSignature(url));
    expect(bad.statusCode).toBe(403);
    await bad.body.dump();
  });
});

/** The same URL, byte for byte, but for its signature's first character (base64 for V1, hex for V4). */
function withTamperedSignature(url: string): string {
  return url.replace(/([?&](?:Signature|x-oss-signature)=)([^&]+)/, (_whole, name: string, encoded: string) => {
    const signature = decodeURIComponent(encoded);
    return `${name}${encodeURIComponent(`${signature.startsWith('0') ? '1' : '0'}${signature.slice(1)}`)}`;
  });
}

describe('OssClient encoding-type=url', () => {
  it('round-trips keys XML cannot carry (control characters) through Initiate, ListParts and ListMultipartUploads', async () => {
    const client = fixture.client({ signatureVersion: 'v1' });
    const key = 'ctl/\u0001tab\there\u000bvt\u000cff\u001f-%2F-+.bin';
    const { uploadId, key: initKey } = await client.initiateMultipartUpload({ bucket: TEST_BUCKET_2, key });
    expect(initKey).toBe(key);
    expect((await client.listParts({ bucket: TEST_BUCKET_2, key, uploadId })).key).toBe(key);
    const page = await client.listMultipartUploads({ bucket: TEST_BUCKET_2, prefix: 'ctl/', delimiter: '/' });
    expect(page.uploads.map((u) => u.key)).toEqual([key]);
    expect(page.prefix).toBe('ctl/');
    const folders = await client.listMultipartUploads({ bucket: TEST_BUCKET_2, delimiter: '/' });
    expect(folders.commonPrefixes).toContain('ctl/');
    await client.abortMultipartUpload({ bucket: TEST_BUCKET_2, key, uploadId });
  });

  it('sends the encoded markers back decoded-then-encoded, so paging lands after the odd key', async () => {
    const client = fixture.client({ signatureVersion: 'v4' });
    const keys = ['mark/a+b c', 'mark/a+b c%', 'mark/z'];
    const ids = [];
    for (const key of keys) ids.push((await client.initiateMultipartUpload({ bucket: TEST_BUCKET_2, key })).uploadId);
    const first = await client.listMultipartUploads({ bucket: TEST_BUCKET_2, prefix: 'mark/', maxUploads: 1 });
    expect(first.isTruncated).toBe(true);
    expect(first.nextKeyMarker).toBe('mark/a+b c');
    const second = await client.listMultipartUploads({
      bucket: TEST_BUCKET_2,
      prefix: 'mark/',
      maxUploads: 1,
      keyMarker: first.nextKeyMarker,
      uploadIdMarker: first.nextUploadIdMarker,
    });
    expect(second.uploads.map((u) => u.key)).toEqual(['mark/a+b c%']);
    for (const [i, key] of keys.entries()) {
      await client.abortMultipartUpload({ bucket: TEST_BUCKET_2, key, uploadId: ids[i] ?? '' });
    }
  });
});
