import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { request } from 'undici';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Crc64 } from '../oss/crc64';
import { signV1Headers } from '../oss/signing/sign-v1';
import {
  completeBody,
  completeUpload,
  initiateUpload,
  putPart,
  sendSigned,
  startTestEmulator,
  TEST_CREDENTIALS,
  xmlField,
  xmlFields,
  type TestEmulator,
} from './emulator-test-client';

const MIB = 1024 * 1024;

/** A deterministic stream of `size` bytes, produced chunk by chunk (never whole in memory). */
function patternStream(size: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= size) {
        this.push(null);
        return;
      }
      const n = Math.min(MIB, size - sent);
      const chunk = Buffer.alloc(n);
      for (let i = 0; i < n; i++) chunk[i] = ((sent + i) * 7 + ((sent + i) >>> 11)) & 0xff;
      sent += n;
      this.push(chunk);
    },
  });
}

async function digestOf(stream: AsyncIterable<unknown>): Promise<{ md5: string; crc: bigint; size: number }> {
  const md5 = createHash('md5');
  const crc = new Crc64();
  let size = 0;
  for await (const chunk of stream) {
    if (!(chunk instanceof Uint8Array)) throw new TypeError('not bytes');
    md5.update(chunk);
    crc.update(chunk);
    size += chunk.length;
  }
  return { md5: md5.digest('hex').toUpperCase(), crc: crc.digest(), size };
}

describe('emulator persistence and large bodies', () => {
  let running: TestEmulator | undefined;
  afterEach(async () => {
    await running?.dispose();
    running = undefined;
  });

  it('keeps buckets, objects, uploads, parts and back-dated times across a restart', async () => {
    const first = await startTestEmulator({ buckets: ['test-bucket', 'second-bucket'] });
    running = first;
    const c = first.client();
    const id = await initiateUpload(c, 'kept.bin');
    const e1 = (await putPart(c, 'kept.bin', id, 1, Buffer.alloc(100 * 1024, 1))).headers['etag'] ?? '';
    const p2 = await putPart(c, 'kept.bin', id, 2, Buffer.from('two'));
    await sendSigned(c, { method: 'PUT', key: 'object.txt', body: 'persisted', headers: { 'content-type': 'text/plain' } });
    expect(await first.emulator.setUploadInitiated('test-bucket', id, Date.UTC(2021, 0, 1))).toBe(true);
    await first.stop();

    const second = await startTestEmulator({ buckets: ['test-bucket'] }, first.dataDir);
    running = second;
    const c2 = second.client();
    const parts = await sendSigned(c2, { method: 'GET', key: 'kept.bin', query: [['uploadId', id]] });
    expect(xmlFields(parts.text, 'PartNumber')).toEqual(['1', '2']);
    expect(xmlFields(parts.text, 'ETag')).toEqual([e1, p2.headers['etag']]);
    expect(xmlFields(parts.text, 'HashCrc64ecma')[1]).toBe(p2.headers['x-oss-hash-crc64ecma']);
    const uploads = await sendSigned(c2, { method: 'GET', query: [['uploads', '']] });
    expect(xmlField(uploads.text, 'Initiated')).toBe('2021-01-01T00:00:00.000Z');
    const object = await sendSigned(c2, { method: 'GET', key: 'object.txt' });
    expect(object.text).toBe('persisted');
    expect(object.headers['content-type']).toBe('text/plain');
    expect((await sendSigned({ ...c2, bucket: 'second-bucket' }, { method: 'GET', query: [['bucketInfo', '']] })).status).toBe(200);

    const newer = await initiateUpload(c2, 'kept.bin');
    expect(newer > id).toBe(true);
    const done = await completeUpload(c2, 'kept.bin', id, completeBody([[1, e1], [2, p2.headers['etag'] ?? '']]));
    expect(done.status).toBe(200);
    expect(await readdir(join(first.dataDir, 'buckets', 'test-bucket', 'uploads'))).toEqual([newer]);
  });

  it('streams a 64 MiB + 3 byte part in and the completed object out, hashes intact', async () => {
    running = await startTestEmulator();
    const c = running.client();
    const size = 64 * MIB + 3;
    const id = await initiateUpload(c, 'big.bin');
    const expected = await digestOf(patternStream(size));

    const query: Array<[string, string]> = [
      ['partNumber', '1'],
      ['uploadId', id],
    ];
    const headers = { 'content-length': String(size) };
    const signed = signV1Headers({ method: 'PUT', bucket: 'test-bucket', key: 'big.bin', query, headers }, TEST_CREDENTIALS, Date.now());
    const put = await request(`${running.emulator.url}/test-bucket/big.bin?partNumber=1&uploadId=${id}`, {
      method: 'PUT',
      headers: { ...headers, ...signed },
      body: patternStream(size),
    });
    await put.body.dump();
    expect(put.statusCode).toBe(200);
    expect(put.headers['etag']).toBe(`"${expected.md5}"`);
    expect(put.headers['x-oss-hash-crc64ecma']).toBe(expected.crc.toString());
    expect(running.emulator.stats().uploadPartBytesReceived).toBe(size);

    const done = await completeUpload(c, 'big.bin', id, completeBody([[1, `"${expected.md5}"`]]));
    expect(done.headers['x-oss-hash-crc64ecma']).toBe(expected.crc.toString());

    const getHeaders = signV1Headers({ method: 'GET', bucket: 'test-bucket', key: 'big.bin', query: [], headers: {} }, TEST_CREDENTIALS, Date.now());
    const get = await request(`${running.emulator.url}/test-bucket/big.bin`, { headers: getHeaders });
    expect(get.statusCode).toBe(200);
    const got = await digestOf(get.body);
    expect(got).toEqual(expected);
  });

  it('fsyncs every received body and record unless started with syncBodies: false, and keeps unsynced ones across a restart', async () => {
    // FileHandle is not exported; its prototype is reachable through an open handle.
    const probe = await open(__filename, 'r');
    const fileHandleProto = Object.getPrototypeOf(probe) as { sync: () => Promise<void> };
    await probe.close();
    const sync = vi.spyOn(fileHandleProto, 'sync');
    // Records go through write-file-atomic, which calls fs.fsync.
    const recordSync = vi.spyOn(fs, 'fsync');
    try {
      running = await startTestEmulator();
      const durable = running.client();
      const durableId = await initiateUpload(durable, 'durable.bin');
      await putPart(durable, 'durable.bin', durableId, 1, Buffer.alloc(1000, 7));
      expect(sync).toHaveBeenCalled();
      expect(recordSync).toHaveBeenCalled();
      await running.stop();

      const fast = await startTestEmulator({ syncBodies: false });
      running = fast;
      sync.mockClear();
      recordSync.mockClear(); // after start-up, which syncs the bucket records
      const c = fast.client();
      const id = await initiateUpload(c, 'fast.bin');
      const etag = (await putPart(c, 'fast.bin', id, 1, Buffer.from('not flushed, still stored'))).headers['etag'] ?? '';
      expect(sync).not.toHaveBeenCalled();
      expect(recordSync).not.toHaveBeenCalled();
      await fast.stop();

      running = await startTestEmulator({ syncBodies: false }, fast.dataDir);
      const c2 = running.client();
      expect((await completeUpload(c2, 'fast.bin', id, completeBody([[1, etag]]))).status).toBe(200);
      expect((await sendSigned(c2, { method: 'GET', key: 'fast.bin' })).text).toBe('not flushed, still stored');
    } finally {
      sync.mockRestore();
      recordSync.mockRestore();
    }
  });
});
