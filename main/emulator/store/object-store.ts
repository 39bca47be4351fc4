// Objects of every bucket: an in-memory index backed by one JSON record per object plus its data file. The record is
// written after the data is in place, so a record on disk always names complete bytes.
import { mkdir, readdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { compareUtf8 } from '../../oss/signing/compare-utf8';
import { readJsonFile, writeJsonAtomic } from './atomic-json';
import { KeyedMutex } from './keyed-mutex';
import { objectRecordSchema, type ObjectRecord } from './store-records';
import { hashKey, newDataFileName, type StorePaths } from './store-paths';

/** An object's metadata minus where its bytes live (the store decides that). */
export type NewObject = Omit<ObjectRecord, 'dataFile'>;

/** Objects of all buckets. */
export class ObjectStore {
  private readonly index = new Map<string, Map<string, ObjectRecord>>();
  private readonly locks = new KeyedMutex();

  constructor(private readonly paths: StorePaths) {}

  /** Loads one bucket's records and deletes data files no record names (left by a crash between steps). */
  async loadBucket(bucket: string): Promise<void> {
    const dir = this.paths.objectsDir(bucket);
    await mkdir(dir, { recursive: true });
    const objects = new Map<string, ObjectRecord>();
    this.index.set(bucket, objects);
    const names = await readdir(dir);
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      const parsed = objectRecordSchema.safeParse(await readJsonFile(join(dir, name)));
      if (parsed.success && `${hashKey(parsed.data.key)}.json` === name) objects.set(parsed.data.key, parsed.data);
    }
    const referenced = new Set([...objects.values()].map((o) => o.dataFile));
    for (const name of names.filter((n) => n.endsWith('.data') && !referenced.has(n))) {
      await unlink(join(dir, name)).catch(() => undefined);
    }
  }

  /** The object's record, or undefined. */
  get(bucket: string, key: string): ObjectRecord | undefined {
    return this.index.get(bucket)?.get(key);
  }

  /** Absolute path of an object's bytes. */
  dataPath(bucket: string, record: ObjectRecord): string {
    return join(this.paths.objectsDir(bucket), record.dataFile);
  }

  /**
   * Moves the finished temp file `bodyPath` into place as `key` and records it, replacing any earlier version.
   * `guard` runs under the key's lock just before the switch (e.g. x-oss-forbid-overwrite); if it throws, nothing
   * changes and the temp file is deleted.
   */
  async put(bucket: string, key: string, bodyPath: string, meta: NewObject, guard?: () => void): Promise<ObjectRecord> {
    return this.locks.run(`${bucket}\n${key}`, async () => {
      const objects = this.bucketIndex(bucket);
      try {
        guard?.();
      } catch (error) {
        await unlink(bodyPath).catch(() => undefined);
        throw error;
      }
      const record: ObjectRecord = { ...meta, key, dataFile: newDataFileName(hashKey(key).slice(0, 16)) };
      await rename(bodyPath, join(this.paths.objectsDir(bucket), record.dataFile));
      await writeJsonAtomic(this.paths.objectRecord(bucket, key), record);
      const previous = objects.get(key);
      objects.set(key, record);
      // A reader holding the old file open keeps reading it (POSIX); where unlink fails (Windows), the next start
      // sweeps the orphan.
      if (previous !== undefined) await unlink(this.dataPath(bucket, previous)).catch(() => undefined);
      return record;
    });
  }

  /** Deletes an object; true when it existed. */
  async delete(bucket: string, key: string): Promise<boolean> {
    return this.locks.run(`${bucket}\n${key}`, async () => {
      const objects = this.bucketIndex(bucket);
      const previous = objects.get(key);
      if (previous === undefined) return false;
      objects.delete(key);
      await unlink(this.paths.objectRecord(bucket, key)).catch(() => undefined);
      await unlink(this.dataPath(bucket, previous)).catch(() => undefined);
      return true;
    });
  }

  /** Every object of a bucket, ordered by key as OSS lists them (UTF-8 byte order). */
  list(bucket: string): ObjectRecord[] {
    return [...this.bucketIndex(bucket).values()].sort((a, b) => compareUtf8(a.key, b.key));
  }

  private bucketIndex(bucket: string): Map<string, ObjectRecord> {
    const objects = this.index.get(bucket);
    if (objects === undefined) throw new Error(`bucket ${bucket} is not loaded`);
    return objects;
  }
}
