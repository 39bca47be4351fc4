import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  initiateUpload,
  putPart,
  send,
  sendSigned,
  startTestEmulator,
  virtualHost,
  xmlField,
  xmlFields,
  type TestClientOptions,
  type TestEmulator,
} from './emulator-test-client';

const ADMIN = { 'x-emulator-admin': 'test-ak', 'content-type': 'application/json' };

describe('emulator fault injection and admin routes', () => {
  let t: TestEmulator;
  let c: TestClientOptions;
  const admin = (method: string, path: string, body?: unknown, headers: Record<string, string> = ADMIN) =>
    send(`${t.emulator.url}/__emulator/${path}`, method, headers, body === undefined ? undefined : JSON.stringify(body));

  beforeAll(async () => {
    t = await startTestEmulator();
    c = t.client();
  });
  afterAll(async () => {
    await t.dispose();
  });

  async function statusSequence(n: number): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i < n; i++) statuses.push((await sendSigned(c, { method: 'GET', query: [['bucketInfo', '']] })).status);
    return statuses;
  }

  it('the same seed gives the same sequence of 500/503 faults; another seed another one', async () => {
    t.emulator.resetStats();
    const faults = { seed: 42, error500Rate: 0.3, error503Rate: 0.2 };
    expect((await admin('PUT', 'faults', faults)).status).toBe(200);
    const first = await statusSequence(40);
    expect(new Set(first)).toEqual(new Set([200, 500, 503]));
    await admin('PUT', 'faults', faults);
    const again = await statusSequence(40);
    expect(again).toEqual(first);
    await admin('PUT', 'faults', { ...faults, seed: 43 });
    const other = await statusSequence(40);
    expect(other).not.toEqual(first);
    await admin('PUT', 'faults', { error500Rate: 0, error503Rate: 0 });

    const failures = [...first, ...again, ...other].filter((s) => s !== 200).length;
    const injected = t.emulator.stats().faultsInjected;
    expect((injected['error500'] ?? 0) + (injected['error503'] ?? 0)).toBe(failures);
  });

  it('resets an UploadPart connection after resetAfterBytes, stores nothing, and counts the bytes that arrived', async () => {
    t.emulator.resetStats();
    const id = await initiateUpload(c, 'reset.bin');
    const body = Buffer.alloc(5000, 7);
    t.emulator.setFaults({ resetPartBodyRate: 1, resetAfterBytes: 1000 });
    await expect(putPart(c, 'reset.bin', id, 1, body)).rejects.toThrow();
    t.emulator.setFaults({ resetPartBodyRate: 0 });
    const listed = await sendSigned(c, { method: 'GET', key: 'reset.bin', query: [['uploadId', id]] });
    expect(xmlFields(listed.text, 'PartNumber')).toEqual([]);
    expect((await putPart(c, 'reset.bin', id, 1, body)).status).toBe(200);
    const stats = t.emulator.stats();
    expect(stats.uploadPartBytesByPart[`${id}/1`]).toBe(6000);
    expect(stats.uploadPartAttemptsByPart[`${id}/1`]).toBe(2);
    expect(stats.uploadPartBytesReceived).toBe(6000);
    expect(stats.faultsInjected['reset']).toBe(1);
    expect(stats.requests['UploadPart']).toBe(2);
    expect(stats.requests['InitiateMultipartUpload']).toBe(1);
  });

  it('fail-next fails exactly the next N matching requests, then lets them through', async () => {
    const ids: string[] = [];
    for (const key of ['a-1', 'b-1', 'b-2']) ids.push(await initiateUpload(c, key));
    const rule = { operation: 'AbortMultipartUpload', code: 'InternalError', status: 500, count: 1, keyPrefix: 'b-' };
    expect((await admin('POST', 'fail-next', rule)).status).toBe(204);
    const abort = (key: string, id: string) => sendSigned(c, { method: 'DELETE', key, query: [['uploadId', id]] });
    expect((await abort('a-1', ids[0] ?? '')).status).toBe(204);
    const failed = await abort('b-1', ids[1] ?? '');
    expect(failed.status).toBe(500);
    expect(xmlField(failed.text, 'Code')).toBe('InternalError');
    expect((await abort('b-2', ids[2] ?? '')).status).toBe(204);
    expect((await abort('b-1', ids[1] ?? '')).status).toBe(204);
  });

  it('malformed and truncated XML faults break the body after the operation ran', async () => {
    t.emulator.setFaults({ malformedXmlRate: 1 });
    const malformed = await sendSigned(c, { method: 'POST', key: 'garbled.bin', query: [['uploads', '']] });
    expect(malformed.status).toBe(200);
    expect(XMLValidator.validate(malformed.text)).not.toBe(true);
    t.emulator.setFaults({ malformedXmlRate: 0, truncatedXmlRate: 1 });
    const truncated = await sendSigned(c, { method: 'GET', query: [['uploads', '']] });
    expect(Number(truncated.headers['content-length'])).toBe(truncated.body.length);
    expect(XMLValidator.validate(truncated.text)).not.toBe(true);
    t.emulator.setFaults({ truncatedXmlRate: 0 });
    const list = await sendSigned(c, { method: 'GET', query: [['uploads', ''], ['prefix', 'garbled']] });
    expect(xmlFields(list.text, 'Key')).toEqual(['garbled.bin']);
  });

  it('adds latency and caps bandwidth per connection (lower bounds only)', async () => {
    t.emulator.setFaults({ latencyMs: 150 });
    let started = performance.now();
    await sendSigned(c, { method: 'GET', query: [['bucketInfo', '']] });
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    t.emulator.setFaults({ latencyMs: 0, bandwidthBytesPerSecond: 128 * 1024 });
    const body = Buffer.alloc(64 * 1024, 1);
    started = performance.now();
    expect((await sendSigned(c, { method: 'PUT', key: 'slow.bin', body })).status).toBe(200);
    const get = await sendSigned(c, { method: 'GET', key: 'slow.bin' });
    expect(get.body.equals(body)).toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(800);
    t.emulator.setFaults({ bandwidthBytesPerSecond: 0 });
  });

  it('admin routes require the first key id; they are not reachable through a bucket host', async () => {
    expect((await admin('GET', 'faults', undefined, {})).status).toBe(403);
    expect((await admin('GET', 'faults', undefined, { 'x-emulator-admin': 'wrong' })).status).toBe(403);
    const bearer = await admin('GET', 'stats', undefined, { authorization: 'Bearer test-ak' });
    expect(bearer.status).toBe(200);
    expect(JSON.parse(bearer.text)).toHaveProperty('requests');
    const faults = await admin('GET', 'faults');
    expect(JSON.parse(faults.text)).toMatchObject({ seed: expect.any(Number), error500Rate: 0 });
    expect((await admin('PUT', 'faults', { error500Rate: 2 })).status).toBe(400);
    expect((await admin('PUT', 'faults', { unknownField: 1 })).status).toBe(400);
    expect((await admin('POST', 'nothing-here', {})).status).toBe(404);
    const viaBucketHost = await send(`${t.emulator.url}/__emulator/faults`, 'GET', { ...ADMIN, host: virtualHost('test-bucket') });
    expect(xmlField(viaBucketHost.text, 'Code')).toBe('AccessDenied');
  });

  it('back-dates an upload through the admin route', async () => {
    const id = await initiateUpload(c, 'old-upload.bin');
    const initiated = '2020-01-02T03:04:05.000Z';
    expect((await admin('POST', 'uploads/initiated', { bucket: 'test-bucket', uploadId: id, initiated })).status).toBe(204);
    const list = await sendSigned(c, { method: 'GET', query: [['uploads', ''], ['prefix', 'old-upload']] });
    expect(xmlField(list.text, 'Initiated')).toBe(initiated);
    expect((await admin('POST', 'uploads/initiated', { bucket: 'test-bucket', uploadId: 'nope', initiated: 0 })).status).toBe(404);
  });
});
