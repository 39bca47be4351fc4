import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeJsonAtomic } from './atomic-json';
import { EmulatorStore } from './emulator-store';
import type { NewObject, ObjectStore } from './object-store';
import type { SegmentReader } from './segment-reader';
import type { ObjectRecord, PartRecord } from './store-records';
import { hashKey, UPLOAD_RECORD_FILE } from './store-paths';

const BUCKET = 'test-bucket';
const UPLOAD_ID = '0000018F00000000000000000000ABCD';

function meta(key: string, size: number, objectType: 'Normal' | 'Multipart' = 'Normal'): NewObject {
  return { key, size, etag: '"E"', crc64: '0', contentType: 'application/octet-stream', lastModifiedMs: 1, objectType, userMeta: {} };
}

function readerOf(objects: ObjectStore, record: ObjectRecord | undefined): SegmentReader {
  const reader = record === undefined ? undefined : objects.openReader(BUCKET, record);
  if (reader === undefined) throw new Error('no reader');
  return reader;
}

async function readAll(reader: SegmentReader, start: number, end: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of reader.createReadStream({ start, end, highWaterMark: 3 })) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe('ObjectStore segments on disk', () => {
  let dataDir: string;
  let store: EmulatorStore;
  let objectsDir: string;
  let bodies = 0;

  async function body(bytes: string): Promise<string> {
    const path = join(store.paths.tmpDir, `body-${bodies++}.tmp`);
    await writeFile(path, bytes);
    return path;
  }

  /** An upload of `key` with one part per string, through the UploadStore as UploadPart stores them. */
  async function upload(key: string, parts: readonly string[]): Promise<PartRecord[]> {
    await store.uploads.create(BUCKET, { uploadId: UPLOAD_ID, key, initiatedMs: 1, contentType: 'text/plain', storageClass: 'Standard', userMeta: {} });
    const records: PartRecord[] = [];
    for (const [i, bytes] of parts.entries()) {
      const part = await store.uploads.putPart(BUCKET, UPLOAD_ID, await body(bytes), {
        partNumber: i + 1,
        size: bytes.length,
        md5Hex: '0'.repeat(32),
        crc64: '0',
        lastModifiedMs: 1,
      });
      if (part === undefined) throw new Error('upload vanished');
      records.push(part);
    }
    return records;
  }

  async function complete(key: string, parts: readonly PartRecord[]): Promise<ObjectRecord> {
    const state = await store.uploads.detach(BUCKET, UPLOAD_ID, () => true);
    if (state === undefined) throw new Error('no upload');
    const size = parts.reduce((sum, p) => sum + p.size, 0);
    const files = parts.map((p) => ({ file: p.dataFile, size: p.size }));
    return store.objects.putSegments(BUCKET, key, store.paths.uploadDir(BUCKET, UPLOAD_ID), files, meta(key, size, 'Multipart'));
  }

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'object-store-test-'));
    store = await EmulatorStore.open(dataDir, [BUCKET], 0);
    objectsDir = store.paths.objectsDir(BUCKET);
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('moves the part files (same inodes) into the object, drops unlisted parts and upload records', async () => {
    const parts = await upload('m.bin', ['aaa', 'bb', 'cccc']);
    const inodes = await Promise.all(parts.map(async (p) => (await stat(store.uploads.partDataPath(BUCKET, UPLOAD_ID, p), { bigint: true })).ino));
    const kept = [parts[0], parts[2]].filter((p) => p !== undefined);
    const record = await complete('m.bin', kept);

    expect(record.segments.map((s) => s.size)).toEqual([3, 4]);
    const moved = await Promise.all(record.segments.map(async (s) => (await stat(store.paths.segmentPath(BUCKET, s.file), { bigint: true })).ino));
    expect(moved).toEqual([inodes[0], inodes[2]]);
    const [dir = ''] = record.segments[0]?.file.split('/') ?? [];
    expect((await readdir(join(objectsDir, dir))).sort()).toEqual(kept.map((p) => p.dataFile).sort());
    await expect(stat(store.paths.uploadDir(BUCKET, UPLOAD_ID))).rejects.toThrow();
    const reader = readerOf(store.objects, record);
    expect((await readAll(reader, 0, 6)).toString()).toBe('aaacccc');
    await reader.close();
  });

  it('reads any range across segment boundaries', async () => {
    const record = await complete('r.bin', await upload('r.bin', ['0123', '45', '6789']));
    const whole = '0123456789';
    const reader = readerOf(store.objects, record);
    for (const [start, end] of [[3, 4], [4, 5], [3, 6], [0, 9], [5, 5], [6, 9], [1, 8]] as const) {
      expect((await readAll(reader, start, end)).toString(), `${start}-${end}`).toBe(whole.slice(start, end + 1));
    }
    await reader.close();
  });

  it('deleting or overwriting removes the old segments; a reader keeps them until it closes', async () => {
    const first = await complete('k', await upload('k', ['abc', 'def']));
    const [firstDir = ''] = first.segments[0]?.file.split('/') ?? [];
    const reader = readerOf(store.objects, first);

    const second = await store.objects.put(BUCKET, 'k', await body('new'), meta('k', 3));
    expect(store.objects.openReader(BUCKET, first)).toBeUndefined();
    expect(await readdir(objectsDir)).toContain(firstDir);
    expect((await readAll(reader, 0, 5)).toString()).toBe('abcdef');
    await reader.close();
    expect(await readdir(objectsDir)).not.toContain(firstDir);

    const third = await store.objects.put(BUCKET, 'k', await body('newer'), meta('k', 5));
    expect(await readdir(objectsDir)).not.toContain(second.segments[0]?.file);
    expect(await store.objects.delete(BUCKET, 'k')).toBe(true);
    expect(await readdir(objectsDir)).not.toContain(third.segments[0]?.file);
    expect(await readdir(objectsDir)).toEqual([]);
    expect(store.objects.get(BUCKET, 'k')).toBeUndefined();
  });

  it('leaves the upload directory in place when the guard refuses', async () => {
    const parts = await upload('g', ['x']);
    const files = parts.map((p) => ({ file: p.dataFile, size: p.size }));
    const refuse = (): void => {
      throw new Error('refused');
    };
    const dir = store.paths.uploadDir(BUCKET, UPLOAD_ID);
    await expect(store.objects.putSegments(BUCKET, 'g', dir, files, meta('g', 1, 'Multipart'), refuse)).rejects.toThrow('refused');
    expect(await readdir(dir)).toContain(parts[0]?.dataFile);
    expect(await readdir(objectsDir)).toEqual([]);
  });

  it('keeps segmented objects across a restart and sweeps crash leftovers, which are never served', async () => {
    const record = await complete('kept.bin', await upload('kept.bin', ['hello ', 'world']));
    await mkdir(join(objectsDir, 'orphan-1-1.parts'));
    await writeFile(join(objectsDir, 'orphan-1-1.parts', 'part-1-x.data'), 'stale');
    await writeFile(join(objectsDir, 'orphan-2-2.data'), 'stale');
    const [dir = ''] = record.segments[0]?.file.split('/') ?? [];
    await writeFile(join(objectsDir, dir, 'part-9.json'), '{}');

    const reopened = await EmulatorStore.open(dataDir, [BUCKET], 0);
    const loaded = reopened.objects.get(BUCKET, 'kept.bin');
    expect(loaded).toEqual(record);
    const reader = readerOf(reopened.objects, loaded);
    expect((await readAll(reader, 0, 10)).toString()).toBe('hello world');
    await reader.close();
    expect((await readdir(objectsDir)).sort()).toEqual([dir, `${hashKey('kept.bin')}.json`].sort());
    expect((await readdir(join(objectsDir, dir))).length).toBe(2);
  });

  it('gives an upload back when a crash came between moving its directory and writing the record', async () => {
    const parts = await upload('crash.bin', ['12', '34']);
    await store.uploads.detach(BUCKET, UPLOAD_ID, () => true);
    const segmentDir = join(objectsDir, 'crashed-1-1.parts');
    await rename(store.paths.uploadDir(BUCKET, UPLOAD_ID), segmentDir);
    expect(await readdir(segmentDir)).toContain(UPLOAD_RECORD_FILE);

    const reopened = await EmulatorStore.open(dataDir, [BUCKET], 0);
    expect(await readdir(objectsDir)).toEqual([]);
    const state = reopened.uploads.get(BUCKET, UPLOAD_ID);
    expect([...(state?.parts.values() ?? [])]).toEqual(parts);
    expect(reopened.objects.get(BUCKET, 'crash.bin')).toBeUndefined();
  });

  it('still reads a version 1 record (one dataFile) from an older data directory', async () => {
    const dataFile = '0123456789abcdef-old-aabbccddeeff.data';
    await writeFile(join(objectsDir, dataFile), 'legacy bytes');
    await writeJsonAtomic(store.paths.objectRecord(BUCKET, 'old.txt'), { ...meta('old.txt', 12), dataFile });

    const reopened = await EmulatorStore.open(dataDir, [BUCKET], 0);
    const record = reopened.objects.get(BUCKET, 'old.txt');
    expect(record?.segments).toEqual([{ file: dataFile, size: 12 }]);
    const reader = readerOf(reopened.objects, record);
    expect((await readAll(reader, 7, 11)).toString()).toBe('bytes');
    await reader.close();
    expect(await readdir(objectsDir)).toContain(dataFile);

    // Overwriting it writes the current format and removes the old data file.
    await reopened.objects.put(BUCKET, 'old.txt', await body('x'), meta('old.txt', 1));
    expect(await readdir(objectsDir)).not.toContain(dataFile);
  });
});
