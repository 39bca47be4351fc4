import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc64, crc64Combine } from '../oss/crc64';
import {
  completeBody,
  completeUpload,
  initiateUpload,
  putPart,
  sendSigned,
  startTestEmulator,
  xmlField,
  xmlFields,
  type TestClientOptions,
  type TestEmulator,
} from './emulator-test-client';

const KB100 = 100 * 1024;

function md5Hex(data: Buffer): string {
  return createHash('md5').update(data).digest('hex').toUpperCase();
}

function filled(size: number, seed: number): Buffer {
  const buf = Buffer.alloc(size);
  for (let i = 0; i < size; i++) buf[i] = (i * 31 + seed) & 0xff;
  return buf;
}

describe('emulator multipart semantics', () => {
  let t: TestEmulator;
  let c: TestClientOptions;
  beforeAll(async () => {
    t = await startTestEmulator();
    c = t.client();
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('answers UploadPart with the §5 fixture ETag, Content-MD5 and CRC-64', async () => {
    const id = await initiateUpload(c, 'fixture.bin');
    const res = await putPart(c, 'fixture.bin', id, 1, Buffer.from('upload part 1'), { 'content-md5': 'vOjz1IJHxdVVu1aXvyd7NQ==' });
    expect(res.status).toBe(200);
    expect(res.headers['etag']).toBe('"BCE8F3D48247C5D555BB5697BF277B35"');
    expect(res.headers['content-md5']).toBe('vOjz1IJHxdVVu1aXvyd7NQ==');
    expect(res.headers['x-oss-hash-crc64ecma']).toBe('6571598172666981661');
    expect(res.headers['x-oss-request-id']).toMatch(/^[0-9A-F]{24}$/);
    expect(res.body.length).toBe(0);
  });

  it('returns InvalidDigest for a wrong Content-MD5 and stores nothing', async () => {
    const id = await initiateUpload(c, 'digest.bin');
    const res = await putPart(c, 'digest.bin', id, 1, Buffer.from('abc'), { 'content-md5': '1B2M2Y8AsgTpgAmY7PhCfg==' });
    expect(res.status).toBe(400);
    expect(xmlField(res.text, 'Code')).toBe('InvalidDigest');
    expect(res.headers['x-oss-ec']).toBeDefined();
    const list = await sendSigned(c, { method: 'GET', key: 'digest.bin', query: [['uploadId', id]] });
    expect(xmlFields(list.text, 'PartNumber')).toEqual([]);
  });

  it('refuses part numbers outside 1..10000', async () => {
    const id = await initiateUpload(c, 'numbers.bin');
    for (const n of [0, 10001]) {
      const res = await putPart(c, 'numbers.bin', id, n, Buffer.from('x'));
      expect(res.status).toBe(400);
      expect(xmlField(res.text, 'Code')).toBe('InvalidArgument');
    }
  });

  it('completes: concatenated bytes, CRC folded from parts, multipart ETag, upload gone afterwards', async () => {
    const key = 'dir/big file+1.bin';
    const id = await initiateUpload(c, key);
    const p1 = filled(KB100, 1);
    const p2 = filled(KB100 + 7, 2);
    const p3 = Buffer.from('tail');
    const etags: string[] = [];
    for (const [n, body] of [p1, p2, p3].entries()) {
      const res = await putPart(c, key, id, n + 1, body);
      expect(res.status).toBe(200);
      etags.push(res.headers['etag'] ?? '');
    }
    const res = await completeUpload(c, key, id, completeBody(etags.map((e, i) => [i + 1, e])));
    expect(res.status).toBe(200);
    const expectedCrc = crc64Combine(crc64Combine(crc64(p1), crc64(p2), p2.length), crc64(p3), p3.length);
    expect(res.headers['x-oss-hash-crc64ecma']).toBe(expectedCrc.toString());
    expect(xmlField(res.text, 'Key')).toBe(key);
    const etag = xmlField(res.text, 'ETag') ?? '';
    expect(etag).toMatch(/^"[0-9A-F]{32}-3"$/);
    expect(etag).not.toContain(md5Hex(Buffer.concat([p1, p2, p3])));

    const get = await sendSigned(c, { method: 'GET', key });
    expect(get.status).toBe(200);
    expect(get.body.equals(Buffer.concat([p1, p2, p3]))).toBe(true);
    expect(get.headers['x-oss-hash-crc64ecma']).toBe(expectedCrc.toString());
    expect(get.headers['etag']).toBe(etag);

    for (const again of [
      () => completeUpload(c, key, id, completeBody([[1, etags[0] ?? '']])),
      () => putPart(c, key, id, 4, Buffer.from('late')),
      () => sendSigned(c, { method: 'DELETE', key, query: [['uploadId', id]] }),
      () => sendSigned(c, { method: 'GET', key, query: [['uploadId', id]] }),
    ]) {
      const r = await again();
      expect(r.status).toBe(404);
      expect(xmlField(r.text, 'Code')).toBe('NoSuchUpload');
      expect(xmlField(r.text, 'UploadId')).toBe(id);
    }
  });

  it('overwrites a part uploaded again with the same number', async () => {
    const id = await initiateUpload(c, 'overwrite.bin');
    await putPart(c, 'overwrite.bin', id, 1, Buffer.from('first version'));
    const second = await putPart(c, 'overwrite.bin', id, 1, Buffer.from('second'));
    const list = await sendSigned(c, { method: 'GET', key: 'overwrite.bin', query: [['uploadId', id]] });
    expect(xmlFields(list.text, 'PartNumber')).toEqual(['1']);
    expect(xmlField(list.text, 'Size')).toBe('6');
    expect(xmlFields(list.text, 'ETag')).toEqual([second.headers['etag']]);
    const done = await completeUpload(c, 'overwrite.bin', id, completeBody([[1, second.headers['etag'] ?? '']]));
    expect(done.status).toBe(200);
    const get = await sendSigned(c, { method: 'GET', key: 'overwrite.bin' });
    expect(get.text).toBe('second');
  });

  it('concurrent uploads of one part number leave exactly one consistent part', async () => {
    const key = 'race.bin';
    const id = await initiateUpload(c, key);
    const bodies = Array.from({ length: 6 }, (_, i) => filled(50_000 + i, i));
    const results = await Promise.all(bodies.map((body) => putPart(c, key, id, 1, body)));
    const etags = results.map((r) => r.headers['etag']);
    const list = await sendSigned(c, { method: 'GET', key, query: [['uploadId', id]] });
    const listed = xmlFields(list.text, 'ETag');
    expect(listed).toHaveLength(1);
    expect(etags).toContain(listed[0]);
    const files = await readdir(join(t.dataDir, 'buckets', 'test-bucket', 'uploads', id));
    expect(files.filter((f) => f.endsWith('.data'))).toHaveLength(1);
    const done = await completeUpload(c, key, id, completeBody([[1, listed[0] ?? '']]));
    expect(done.status).toBe(200);
    const get = await sendSigned(c, { method: 'GET', key });
    expect(bodies[etags.indexOf(listed[0])]?.equals(get.body)).toBe(true);
  });

  it('a part still streaming when the upload is aborted is refused and leaves nothing behind', async () => {
    const key = 'abort-race.bin';
    const id = await initiateUpload(c, key);
    const body = new PassThrough();
    body.write(Buffer.alloc(1000, 1));
    const pending = sendSigned(c, {
      method: 'PUT',
      key,
      query: [
        ['partNumber', '1'],
        ['uploadId', id],
      ],
      body,
      contentLength: 2000,
    });
    // Abort only once the server is inside the body, so the refusal comes from the late commit, not the first check.
    while ((t.emulator.stats().uploadPartBytesByPart[`${id}/1`] ?? 0) < 1000) await new Promise((resolve) => setTimeout(resolve, 5));
    const abort = await sendSigned(c, { method: 'DELETE', key, query: [['uploadId', id]] });
    expect(abort.status).toBe(204);
    body.end(Buffer.alloc(1000, 2));
    const res = await pending;
    expect(res.status).toBe(404);
    expect(xmlField(res.text, 'Code')).toBe('NoSuchUpload');
    await expect(readdir(join(t.dataDir, 'buckets', 'test-bucket', 'uploads', id))).rejects.toThrow();
  });

  it('checks Complete: order, missing part, wrong ETag, small non-last part, malformed XML', async () => {
    const key = 'checks.bin';
    const id = await initiateUpload(c, key);
    const e1 = (await putPart(c, key, id, 1, filled(KB100 - 1, 3))).headers['etag'] ?? '';
    const e2 = (await putPart(c, key, id, 2, Buffer.from('two'))).headers['etag'] ?? '';
    const cases: Array<[string, string]> = [
      [completeBody([[2, e2], [1, e1]]), 'InvalidPartOrder'],
      [completeBody([[1, e1], [1, e1]]), 'InvalidPartOrder'],
      [completeBody([[1, e1], [3, e2]]), 'InvalidPart'],
      [completeBody([[1, e2]]), 'InvalidPart'],
      [completeBody([[1, e1], [2, e2]]), 'EntityTooSmall'],
      ['<CompleteMultipartUpload><Part><PartNumber>1</PartNumber>', 'MalformedXML'],
      ['not xml at all', 'MalformedXML'],
      ['<CompleteMultipartUpload></CompleteMultipartUpload>', 'MalformedXML'],
      ['<Other><Part><PartNumber>1</PartNumber><ETag>x</ETag></Part></Other>', 'MalformedXML'],
    ];
    for (const [body, code] of cases) {
      const res = await completeUpload(c, key, id, body);
      expect(res.status, code).toBe(400);
      expect(xmlField(res.text, 'Code')).toBe(code);
    }
    // After every refusal the upload is intact: the last part alone may be small, and gaps are fine.
    const ok = await completeUpload(c, key, id, completeBody([[2, e2]]));
    expect(ok.status).toBe(200);
  });

  it('accepts unquoted and lower-case ETags in Complete', async () => {
    const id = await initiateUpload(c, 'etag-forms.bin');
    const etag = (await putPart(c, 'etag-forms.bin', id, 1, Buffer.from('x'))).headers['etag'] ?? '';
    const res = await completeUpload(c, 'etag-forms.bin', id, completeBody([[1, etag.replace(/"/g, '').toLowerCase()]]));
    expect(res.status).toBe(200);
  });

  it('x-oss-complete-all: yes completes every part in order and refuses a body', async () => {
    const key = 'complete-all.bin';
    const id = await initiateUpload(c, key);
    await putPart(c, key, id, 2, Buffer.from('world'));
    await putPart(c, key, id, 1, filled(KB100, 9));
    const refused = await completeUpload(c, key, id, completeBody([[1, '"x"']]), { 'x-oss-complete-all': 'yes' });
    expect(refused.status).toBe(400);
    expect(xmlField(refused.text, 'Code')).toBe('InvalidArgument');
    const res = await sendSigned(c, { method: 'POST', key, query: [['uploadId', id]], headers: { 'x-oss-complete-all': 'yes' } });
    expect(res.status).toBe(200);
    const get = await sendSigned(c, { method: 'GET', key });
    expect(get.body.equals(Buffer.concat([filled(KB100, 9), Buffer.from('world')]))).toBe(true);
  });

  it('Abort answers 204, deletes the parts, and a second Abort is NoSuchUpload', async () => {
    const id = await initiateUpload(c, 'abort.bin');
    await putPart(c, 'abort.bin', id, 1, Buffer.from('gone soon'));
    const res = await sendSigned(c, { method: 'DELETE', key: 'abort.bin', query: [['uploadId', id]] });
    expect(res.status).toBe(204);
    expect(res.body.length).toBe(0);
    const again = await sendSigned(c, { method: 'DELETE', key: 'abort.bin', query: [['uploadId', id]] });
    expect(xmlField(again.text, 'Code')).toBe('NoSuchUpload');
    const list = await sendSigned(c, { method: 'GET', key: '', query: [['uploads', '']] });
    expect(list.text).not.toContain(id);
  });

  it('an unknown upload id, or the id of another key, is NoSuchUpload', async () => {
    const id = await initiateUpload(c, 'mine.bin');
    const other = await putPart(c, 'other.bin', id, 1, Buffer.from('x'));
    expect(xmlField(other.text, 'Code')).toBe('NoSuchUpload');
    const unknown = await putPart(c, 'mine.bin', '0123456789ABCDEF0123456789ABCDEF', 1, Buffer.from('x'));
    expect(unknown.status).toBe(404);
  });

  it('NoSuchBucket for a missing bucket, NoSuchKey for a missing object', async () => {
    const nb = await sendSigned({ ...c, bucket: 'no-such-bucket' }, { method: 'GET', key: 'x' });
    expect(nb.status).toBe(404);
    expect(xmlField(nb.text, 'Code')).toBe('NoSuchBucket');
    expect(xmlField(nb.text, 'EC')).toBe('0015-00000101');
    const nk = await sendSigned(c, { method: 'GET', key: 'missing.txt' });
    expect(nk.status).toBe(404);
    expect(xmlField(nk.text, 'Code')).toBe('NoSuchKey');
    for (const field of ['RequestId', 'HostId', 'Message']) expect(xmlField(nk.text, field)).toBeTruthy();
    expect(xmlField(nk.text, 'RequestId')).toBe(nk.headers['x-oss-request-id']);
  });

  it('HEAD errors carry no body and the error document base64-encoded in x-oss-err', async () => {
    const res = await sendSigned(c, { method: 'HEAD', key: 'missing.txt' });
    expect(res.status).toBe(404);
    expect(res.body.length).toBe(0);
    const xml = Buffer.from(res.headers['x-oss-err'] ?? '', 'base64').toString('utf8');
    expect(xmlField(xml, 'Code')).toBe('NoSuchKey');
    expect(res.headers['x-oss-ec']).toBe('0026-00000001');
  });

  it('PutObject, HeadObject, ranged GetObject and DeleteObject', async () => {
    const body = Buffer.from('0123456789');
    const put = await sendSigned(c, { method: 'PUT', key: 'obj.txt', body, headers: { 'content-type': 'text/plain', 'x-oss-meta-color': 'blue' } });
    expect(put.status).toBe(200);
    expect(put.headers['etag']).toBe(`"${md5Hex(body)}"`);
    expect(put.headers['x-oss-hash-crc64ecma']).toBe(crc64(body).toString());
    const head = await sendSigned(c, { method: 'HEAD', key: 'obj.txt' });
    expect(head.headers['content-length']).toBe('10');
    expect(head.headers['content-type']).toBe('text/plain');
    expect(head.headers['x-oss-meta-color']).toBe('blue');
    expect(head.headers['x-oss-object-type']).toBe('Normal');
    const range = await sendSigned(c, { method: 'GET', key: 'obj.txt', headers: { range: 'bytes=2-4' } });
    expect(range.status).toBe(206);
    expect(range.text).toBe('234');
    expect(range.headers['content-range']).toBe('bytes 2-4/10');
    const suffix = await sendSigned(c, { method: 'GET', key: 'obj.txt', headers: { range: 'bytes=-3' } });
    expect(suffix.text).toBe('789');
    const beyond = await sendSigned(c, { method: 'GET', key: 'obj.txt', headers: { range: 'bytes=20-' } });
    expect(beyond.status).toBe(200);
    expect(beyond.text).toBe('0123456789');
    const strict = await sendSigned(c, { method: 'GET', key: 'obj.txt', headers: { range: 'bytes=20-', 'x-oss-range-behavior': 'standard' } });
    expect(strict.status).toBe(416);
    const del = await sendSigned(c, { method: 'DELETE', key: 'obj.txt' });
    expect(del.status).toBe(204);
    expect((await sendSigned(c, { method: 'GET', key: 'obj.txt' })).status).toBe(404);
  });

  it('x-oss-forbid-overwrite refuses to replace an existing object', async () => {
    await sendSigned(c, { method: 'PUT', key: 'keep.txt', body: 'original' });
    const res = await sendSigned(c, { method: 'PUT', key: 'keep.txt', body: 'new', headers: { 'x-oss-forbid-overwrite': 'true' } });
    expect(res.status).toBe(409);
    expect(xmlField(res.text, 'Code')).toBe('FileAlreadyExists');
    expect((await sendSigned(c, { method: 'GET', key: 'keep.txt' })).text).toBe('original');
  });

  it('GetBucketInfo answers BucketInfo/Bucket', async () => {
    const res = await sendSigned(c, { method: 'GET', query: [['bucketInfo', '']] });
    expect(res.status).toBe(200);
    expect(res.text).toContain('<BucketInfo><Bucket>');
    expect(xmlField(res.text, 'Name')).toBe('test-bucket');
    expect(xmlField(res.text, 'Location')).toBe('oss-cn-hangzhou');
  });

  it('answers 405 MethodNotAllowed for operations it does not serve', async () => {
    const res = await sendSigned(c, { method: 'POST', key: 'x', query: [['append', '']] });
    expect(res.status).toBe(405);
    expect(xmlField(res.text, 'Code')).toBe('MethodNotAllowed');
  });
});
