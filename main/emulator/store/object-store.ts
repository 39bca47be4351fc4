// Objects of every bucket: an in-memory index backed by one JSON record per object, which lists the object's bytes as
// ordered segment files under `objects/` (layout in store-paths.ts). A PutObject object is one segment; a completed
// multipart upload's part files become its segments by renaming the upload's directory, so Complete costs O(parts),
// never O(bytes), as on real OSS. Every write puts the segments in place first and then writes the record
// atomically, so a record on disk always names complete bytes; files no record names are never served and are swept
// at the next start (sweep-object-files.ts).
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { compareUtf8 } from '../../oss/signing/compare-utf8';
import { readJsonFile, writeJsonAtomic } from './atomic-json';
import { KeyedMutex } from './keyed-mutex';
import { parseObjectRecord } from './parse-object-record';
import { ReadLeases } from './read-leases';
import { removeObjectFiles, removeStrays } from './segment-files';
import { SegmentReader } from './segment-reader';
import { OBJECT_RECORD_VERSION, objectRecordSchema, type ObjectRecord, type Segment } from './store-records';
import { hashKey, newDataFileName, newSegmentDirName, UPLOAD_RECORD_FILE, type StorePaths } from './store-paths';
import { sweepObjectFiles } from './sweep-object-files';

/** An object's metadata minus where its bytes live (the store decides that). */
export type NewObject = Omit<ObjectRecord, 'version' | 'segments'>;

/** A file of a completed upload's directory that becomes the object's next segment. */
export interface SegmentSource {
  /** Name inside the directory. */
  readonly file: string;
  readonly size: number;
}

/** Objects of all buckets. */
export class ObjectStore {
  private readonly index = new Map<string, Map<string, ObjectRecord>>();
  private readonly locks = new KeyedMutex();
  private readonly leases = new ReadLeases<ObjectRecord>();

  /** `syncRecords`: fsync each record before it counts as written (EmulatorOptions.syncBodies). */
  constructor(
    private readonly paths: StorePaths,
    private readonly syncRecords = true,
  ) {}

  /**
   * Loads one bucket's records (any format version) and sweeps what a crash left behind. Runs before the bucket's
   * uploads are loaded: the sweep may give an interrupted Complete's directory back to `uploads/`.
   */
  async loadBucket(bucket: string): Promise<void> {
    const dir = this.paths.objectsDir(bucket);
    await mkdir(dir, { recursive: true });
    const objects = new Map<string, ObjectRecord>();
    this.index.set(bucket, objects);
    for (const name of (await readdir(dir)).filter((n) => n.endsWith('.json'))) {
      const record = parseObjectRecord(await readJsonFile(join(dir, name)));
      if (record !== undefined && `${hashKey(record.key)}.json` === name) objects.set(record.key, record);
    }
    await sweepObjectFiles(this.paths, bucket, objects.values());
  }

  /** The object's record, or undefined. */
  get(bucket: string, key: string): ObjectRecord | undefined {
    return this.index.get(bucket)?.get(key);
  }

  /**
   * A reader of the object's bytes. Its segment files stay on disk until it is closed, even if the object is
   * replaced or deleted meanwhile; undefined when this version is already replaced or deleted.
   */
  openReader(bucket: string, record: ObjectRecord): SegmentReader | undefined {
    if (!this.leases.acquire(record)) return undefined;
    const files = record.segments.map((s) => ({ path: this.paths.segmentPath(bucket, s.file), size: s.size }));
    return new SegmentReader(files, () => this.leases.release(record));
  }

  /**
   * Moves the finished temp file `bodyPath` into place as `key` (one segment) and records it, replacing any earlier
   * version. `guard` runs under the key's lock just before the switch (e.g. x-oss-forbid-overwrite); if it throws,
   * nothing changes and the temp file is deleted.
   */
  async put(bucket: string, key: string, bodyPath: string, meta: NewObject, guard?: () => void): Promise<ObjectRecord> {
    return this.locks.run(lockKey(bucket, key), async () => {
      try {
        guard?.();
      } catch (error) {
        await rm(bodyPath, { force: true });
        throw error;
      }
      const file = newDataFileName(hashKey(key).slice(0, 16));
      const record = newRecord(key, meta, [{ file, size: meta.size }]);
      const target = this.paths.segmentPath(bucket, file);
      await rename(bodyPath, target);
      try {
        await this.install(bucket, record);
      } catch (error) {
        await rm(target, { force: true }).catch(() => undefined);
        throw error;
      }
      return record;
    });
  }

  /**
   * Makes `key` the concatenation of `files`, in order, from the directory `sourceDir` (a completed upload's), and
   * records it, replacing any earlier version. The whole directory is renamed into `objects/`, so no byte is read or
   * copied; its other files are deleted once the record is written. If `guard` (run under the key's lock) or the
   * commit fails, `sourceDir` is left, or put back, as it was.
   */
  async putSegments(
    bucket: string,
    key: string,
    sourceDir: string,
    files: readonly SegmentSource[],
    meta: NewObject,
    guard?: () => void,
  ): Promise<ObjectRecord> {
    return this.locks.run(lockKey(bucket, key), async () => {
      guard?.();
      const dirName = newSegmentDirName(hashKey(key).slice(0, 16));
      const record = newRecord(
        key,
        meta,
        files.map((f) => ({ file: `${dirName}/${f.file}`, size: f.size })),
      );
      const target = join(this.paths.objectsDir(bucket), dirName);
      await rename(sourceDir, target);
      try {
        await this.install(bucket, record);
      } catch (error) {
        // Should this rename fail too, the next start gives the directory back (restore-interrupted-complete.ts).
        await rename(target, sourceDir).catch(() => undefined);
        throw error;
      }
      // The object is committed: a failure here only leaves files the next start tidies away. The upload record goes
      // first, so this directory can never be mistaken for an interrupted Complete once the object owns it.
      await rm(join(target, UPLOAD_RECORD_FILE), { force: true }).catch(() => undefined);
      await removeStrays(target, new Set(files.map((f) => f.file))).catch(() => undefined);
      return record;
    });
  }

  /** Deletes an object; true when it existed. */
  async delete(bucket: string, key: string): Promise<boolean> {
    return this.locks.run(lockKey(bucket, key), async () => {
      const objects = this.bucketIndex(bucket);
      const previous = objects.get(key);
      if (previous === undefined) return false;
      objects.delete(key);
      await rm(this.paths.objectRecord(bucket, key), { force: true }).catch(() => undefined);
      await this.retire(bucket, previous);
      return true;
    });
  }

  /** Every object of a bucket, ordered by key as OSS lists them (UTF-8 byte order). */
  list(bucket: string): ObjectRecord[] {
    return [...this.bucketIndex(bucket).values()].sort((a, b) => compareUtf8(a.key, b.key));
  }

  /** Writes `record` (its segments already in place), switches the index to it and removes the version it replaces. */
  private async install(bucket: string, record: ObjectRecord): Promise<void> {
    await writeJsonAtomic(this.paths.objectRecord(bucket, record.key), record, this.syncRecords);
    const objects = this.bucketIndex(bucket);
    const previous = objects.get(record.key);
    objects.set(record.key, record);
    if (previous !== undefined) await this.retire(bucket, previous);
  }

  /** Removes a version's files now, or when the last GET still streaming them is done. */
  private async retire(bucket: string, record: ObjectRecord): Promise<void> {
    await this.leases.retire(record, () => removeObjectFiles(this.paths.objectsDir(bucket), record));
  }

  private bucketIndex(bucket: string): Map<string, ObjectRecord> {
    const objects = this.index.get(bucket);
    if (objects === undefined) throw new Error(`bucket ${bucket} is not loaded`);
    return objects;
  }
}

function lockKey(bucket: string, key: string): string {
  return `${bucket}\n${key}`;
}

/** The record to write; validated now, so a record that would not load after a restart is never committed. */
function newRecord(key: string, meta: NewObject, segments: readonly Segment[]): ObjectRecord {
  return objectRecordSchema.parse({ ...meta, version: OBJECT_RECORD_VERSION, key, segments });
}
