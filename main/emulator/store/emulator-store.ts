// The emulator's whole disk state: buckets, objects and multipart uploads under one data directory, loaded into
// memory at start so that state survives a restart with the same directory (issue 2 item 3).
import { mkdir, readdir, rm } from 'node:fs/promises';
import { UploadIdGenerator } from '../emulator-ids';
import { readJsonFile, writeJsonAtomic } from './atomic-json';
import { ObjectStore } from './object-store';
import { bucketRecordSchema, type BucketRecord } from './store-records';
import { StorePaths } from './store-paths';
import { UploadStore } from './upload-store';

// Bucket naming rule (oss-protocol.md §7): lower-case letters, digits and `-`, alphanumeric at both ends, 3-63 chars.
const BUCKET_NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

/** True when `name` is a valid OSS bucket name. */
export function isValidBucketName(name: string): boolean {
  return BUCKET_NAME.test(name);
}

/** Buckets, objects and uploads of one data directory. */
export class EmulatorStore {
  readonly paths: StorePaths;
  readonly objects: ObjectStore;
  readonly uploads: UploadStore;
  readonly uploadIds: UploadIdGenerator;
  private readonly buckets: ReadonlyMap<string, BucketRecord>;

  private constructor(paths: StorePaths, buckets: Map<string, BucketRecord>, objects: ObjectStore, uploads: UploadStore) {
    this.paths = paths;
    this.buckets = buckets;
    this.objects = objects;
    this.uploads = uploads;
    this.uploadIds = new UploadIdGenerator(uploads.allUploadIds());
  }

  /**
   * Opens (creating as needed) `dataDir`, creates the listed buckets and loads everything on disk. `syncRecords`:
   * object, upload and part records are fsynced before they count as written (bucket records always are).
   */
  static async open(dataDir: string, wantedBuckets: readonly string[], nowMs: number, syncRecords = true): Promise<EmulatorStore> {
    for (const name of wantedBuckets) {
      if (!isValidBucketName(name)) throw new Error(`Invalid bucket name: ${JSON.stringify(name)}`);
    }
    const paths = new StorePaths(dataDir);
    // Bodies still in tmp/ belong to requests that died with the previous process.
    await rm(paths.tmpDir, { recursive: true, force: true });
    await mkdir(paths.tmpDir, { recursive: true });
    await mkdir(paths.bucketsDir, { recursive: true });

    const buckets = new Map<string, BucketRecord>();
    for (const name of await readdir(paths.bucketsDir)) {
      const parsed = bucketRecordSchema.safeParse(await readJsonFile(paths.bucketRecord(name)));
      if (parsed.success && parsed.data.name === name) buckets.set(name, parsed.data);
    }
    for (const name of wantedBuckets) {
      if (buckets.has(name)) continue;
      const record: BucketRecord = { name, createdMs: nowMs };
      await mkdir(paths.bucketDir(name), { recursive: true });
      await writeJsonAtomic(paths.bucketRecord(name), record);
      buckets.set(name, record);
    }

    const objects = new ObjectStore(paths, syncRecords);
    const uploads = new UploadStore(paths, syncRecords);
    for (const name of buckets.keys()) {
      // Objects first: their sweep may hand an interrupted Complete's directory back to uploads/.
      await objects.loadBucket(name);
      await uploads.loadBucket(name);
    }
    return new EmulatorStore(paths, buckets, objects, uploads);
  }

  /** The bucket's record, or undefined when it does not exist. */
  bucket(name: string): BucketRecord | undefined {
    return this.buckets.get(name);
  }

  /** Names of every bucket served. */
  bucketNames(): string[] {
    return [...this.buckets.keys()].sort();
  }
}
