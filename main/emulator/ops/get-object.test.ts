import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc64 } from '../../oss/crc64';
import { completeBody, completeUpload, initiateUpload, putPart, sendSigned, startTestEmulator, type TestClientOptions, type TestEmulator } from '../emulator-test-client';

const KB100 = 100 * 1024;

function filled(size: number, seed: number): Buffer {
  const buf = Buffer.alloc(size);
  for (let i = 0; i < size; i++) buf[i] = (i * 13 + seed) & 0xff;
  return buf;
}

describe('GetObject of a multipart object (one segment per part)', () => {
  let t: TestEmulator;
  let c: TestClientOptions;
  const parts = [filled(KB100 + 7, 1), filled(KB100, 2), filled(5, 3)];
  const whole = Buffer.concat(parts);
  const b1 = parts[0]?.length ?? 0;
  const b2 = b1 + (parts[1]?.length ?? 0);

  beforeAll(async () => {
    t = await startTestEmulator();
    c = t.client();
    const id = await initiateUpload(c, 'segmented.bin');
    const etags: Array<[number, string]> = [];
    for (const [i, part] of parts.entries()) etags.push([i + 1, (await putPart(c, 'segmented.bin', id, i + 1, part)).headers['etag'] ?? '']);
    const done = await completeUpload(c, 'segmented.bin', id, completeBody(etags));
    expect(done.status).toBe(200);
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('serves the whole object and the same headers as HEAD', async () => {
    const get = await sendSigned(c, { method: 'GET', key: 'segmented.bin' });
    expect(get.status).toBe(200);
    expect(get.body.equals(whole)).toBe(true);
    expect(get.headers['x-oss-hash-crc64ecma']).toBe(crc64(whole).toString());
    const head = await sendSigned(c, { method: 'HEAD', key: 'segmented.bin' });
    expect(head.headers['content-length']).toBe(String(whole.length));
    expect(head.headers['etag']).toBe(get.headers['etag']);
    expect(head.headers['x-oss-object-type']).toBe('Multipart');
  });

  it('serves ranges that start, end or cross at segment boundaries', async () => {
    const ranges: Array<[string, number, number]> = [
      [`bytes=${b1 - 1}-${b1}`, b1 - 1, b1],
      [`bytes=${b1}-${b1}`, b1, b1],
      [`bytes=${b1}-${b2 - 1}`, b1, b2 - 1],
      [`bytes=${b1 - 3}-${b2 + 2}`, b1 - 3, b2 + 2],
      [`bytes=${b2}-`, b2, whole.length - 1],
      ['bytes=-8', whole.length - 8, whole.length - 1],
      ['bytes=0-0', 0, 0],
      [`bytes=10-${whole.length + 100}`, 10, whole.length - 1],
    ];
    for (const [header, start, end] of ranges) {
      const res = await sendSigned(c, { method: 'GET', key: 'segmented.bin', headers: { range: header } });
      expect(res.status, header).toBe(206);
      expect(res.headers['content-range'], header).toBe(`bytes ${start}-${end}/${whole.length}`);
      expect(res.body.equals(whole.subarray(start, end + 1)), header).toBe(true);
    }
  });

  it('answers an unsatisfiable range in standard mode with 416, and with the whole object otherwise', async () => {
    const range = `bytes=${whole.length}-`;
    const standard = await sendSigned(c, { method: 'GET', key: 'segmented.bin', headers: { range, 'x-oss-range-behavior': 'standard' } });
    expect(standard.status).toBe(416);
    const lenient = await sendSigned(c, { method: 'GET', key: 'segmented.bin', headers: { range } });
    expect(lenient.status).toBe(200);
    expect(lenient.body.equals(whole)).toBe(true);
  });
});
