import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  completeBody,
  completeUpload,
  initiateUpload,
  putPart,
  sendSigned,
  startTestEmulator,
  type TestClientOptions,
  type TestEmulator,
} from '../emulator-test-client';

const KB100 = 100 * 1024;

function filled(size: number, seed: number): Buffer {
  const buf = Buffer.alloc(size);
  for (let i = 0; i < size; i++) buf[i] = (i * 7 + seed) & 0xff;
  return buf;
}

function objectsDir(t: TestEmulator): string {
  return join(t.dataDir, 'buckets', 'test-bucket', 'objects');
}

/** Part data file name → inode, for the upload's directory. */
async function partInodes(t: TestEmulator, uploadId: string): Promise<Map<string, bigint>> {
  const dir = join(t.dataDir, 'buckets', 'test-bucket', 'uploads', uploadId);
  const inodes = new Map<string, bigint>();
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.data'))) inodes.set(name, (await stat(join(dir, name), { bigint: true })).ino);
  return inodes;
}

/** Every file under objects/ (one level of segment directories), relative, with its inode. */
async function objectFiles(t: TestEmulator): Promise<Map<string, bigint>> {
  const files = new Map<string, bigint>();
  for (const entry of await readdir(objectsDir(t), { withFileTypes: true })) {
    const path = join(objectsDir(t), entry.name);
    if (!entry.isDirectory()) {
      files.set(entry.name, (await stat(path, { bigint: true })).ino);
      continue;
    }
    for (const name of await readdir(path)) files.set(`${entry.name}/${name}`, (await stat(join(path, name), { bigint: true })).ino);
  }
  return files;
}

/** Uploads `parts` as parts 1..n of a new upload and returns its id and the part ETags. */
async function uploadParts(c: TestClientOptions, key: string, parts: readonly Buffer[]): Promise<{ id: string; etags: string[] }> {
  const id = await initiateUpload(c, key);
  const etags: string[] = [];
  for (const [i, part] of parts.entries()) etags.push((await putPart(c, key, id, i + 1, part)).headers['etag'] ?? '');
  return { id, etags };
}

describe('CompleteMultipartUpload stores the parts as segments', () => {
  let t: TestEmulator | undefined;
  afterEach(async () => {
    await t?.dispose();
    t = undefined;
  });

  it('renames the listed part files into the object (same inodes) and drops the rest of the upload', async () => {
    t = await startTestEmulator();
    const c = t.client();
    const parts = [filled(KB100, 1), filled(KB100, 2), filled(10, 3)];
    const { id, etags } = await uploadParts(c, 'moved.bin', parts);
    const before = await partInodes(t, id);
    expect(before.size).toBe(3);

    const done = await completeUpload(c, 'moved.bin', id, completeBody([[1, etags[0] ?? ''], [3, etags[2] ?? '']]));
    expect(done.status).toBe(200);

    const after = await objectFiles(t);
    const segments = [...after].filter(([name]) => name.includes('/'));
    expect(segments).toHaveLength(2);
    const partFile = (n: number): string => [...before.keys()].find((name) => name.startsWith(`part-${n}-`)) ?? '';
    for (const n of [1, 3]) {
      const moved = segments.find(([name]) => name.endsWith(`/${partFile(n)}`));
      expect(moved?.[1], `part ${n}`).toBe(before.get(partFile(n)));
    }
    expect(await readdir(join(t.dataDir, 'buckets', 'test-bucket', 'uploads'))).toEqual([]);
    const get = await sendSigned(c, { method: 'GET', key: 'moved.bin' });
    expect(get.body.equals(Buffer.concat([parts[0] ?? Buffer.alloc(0), parts[2] ?? Buffer.alloc(0)]))).toBe(true);
  });

  it('removes the old segments on overwrite (by Complete and by PutObject) and on DELETE', async () => {
    t = await startTestEmulator();
    const c = t.client();
    const first = await uploadParts(c, 'k.bin', [filled(KB100, 4), filled(3, 5)]);
    await completeUpload(c, 'k.bin', first.id, completeBody(first.etags.map((e, i) => [i + 1, e])));
    const firstFiles = [...(await objectFiles(t)).keys()].filter((n) => !n.endsWith('.json'));
    expect(firstFiles).toHaveLength(2);

    const second = await uploadParts(c, 'k.bin', [filled(4, 6)]);
    await completeUpload(c, 'k.bin', second.id, completeBody([[1, second.etags[0] ?? '']]));
    const secondFiles = [...(await objectFiles(t)).keys()].filter((n) => !n.endsWith('.json'));
    expect(secondFiles).toHaveLength(1);
    expect(secondFiles.some((n) => firstFiles.includes(n))).toBe(false);
    expect((await sendSigned(c, { method: 'GET', key: 'k.bin' })).body.equals(filled(4, 6))).toBe(true);

    expect((await sendSigned(c, { method: 'PUT', key: 'k.bin', body: 'plain' })).status).toBe(200);
    const putFiles = [...(await objectFiles(t)).keys()].filter((n) => !n.endsWith('.json'));
    expect(putFiles).toHaveLength(1);
    expect(putFiles[0]?.endsWith('.data') && !putFiles[0].includes('/')).toBe(true);
    expect((await sendSigned(c, { method: 'GET', key: 'k.bin' })).text).toBe('plain');

    const third = await uploadParts(c, 'k.bin', [filled(KB100, 7), filled(1, 8)]);
    await completeUpload(c, 'k.bin', third.id, completeBody(third.etags.map((e, i) => [i + 1, e])));
    expect([...(await objectFiles(t)).keys()].filter((n) => n.endsWith('.data') && !n.includes('/'))).toEqual([]);
    expect((await sendSigned(c, { method: 'DELETE', key: 'k.bin' })).status).toBe(204);
    expect(await readdir(objectsDir(t))).toEqual([]);
    expect((await sendSigned(c, { method: 'GET', key: 'k.bin' })).status).toBe(404);
  });

  it('keeps a completed object, its ETag and CRC-64 across a restart', async () => {
    const first = await startTestEmulator();
    t = first;
    const c = first.client();
    const parts = [filled(KB100 + 1, 9), filled(KB100, 10), filled(2, 11)];
    const whole = Buffer.concat(parts);
    const { id, etags } = await uploadParts(c, 'kept.bin', parts);
    const done = await completeUpload(c, 'kept.bin', id, completeBody(etags.map((e, i) => [i + 1, e])));
    const head = await sendSigned(c, { method: 'HEAD', key: 'kept.bin' });
    await first.stop();

    t = await startTestEmulator({}, first.dataDir);
    const c2 = t.client();
    const again = await sendSigned(c2, { method: 'HEAD', key: 'kept.bin' });
    expect(again.headers['etag']).toBe(head.headers['etag']);
    expect(again.headers['x-oss-hash-crc64ecma']).toBe(done.headers['x-oss-hash-crc64ecma']);
    expect(again.headers['content-length']).toBe(String(whole.length));
    expect((await sendSigned(c2, { method: 'GET', key: 'kept.bin' })).body.equals(whole)).toBe(true);
    const start = KB100 - 2;
    const end = 2 * KB100 + 2;
    const range = await sendSigned(c2, { method: 'GET', key: 'kept.bin', headers: { range: `bytes=${start}-${end}` } });
    expect(range.status).toBe(206);
    expect(range.body.equals(whole.subarray(start, end + 1))).toBe(true);
    const list = await sendSigned(c2, { method: 'GET' });
    expect(list.text).toContain('<Key>kept.bin</Key>');
    expect(list.text).toContain(`<Size>${whole.length}</Size>`);
  });
});
