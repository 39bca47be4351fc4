// Multipart uploads of every bucket: an in-memory index backed by `uploads/<uploadId>/upload.json`, one
// `part-<n>.json` per part and the part data files. Every mutation of one upload runs under that upload's lock, so a
// part that finishes streaming after an Abort or a Complete is refused instead of resurrecting the upload.
import { mkdir, readdir, rename, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { compareUtf8 } from '../../oss/signing/compare-utf8';
import { readJsonFile, writeJsonAtomic } from './atomic-json';
import { KeyedMutex } from './keyed-mutex';
import { partRecordSchema, uploadRecordSchema, type PartRecord, type UploadRecord } from './store-records';
import { newDataFileName, type StorePaths } from './store-paths';

/** An upload and its parts. */
export interface UploadState {
  record: UploadRecord;
  readonly parts: Map<number, PartRecord>;
}

/** Uploads of all buckets. */
export class UploadStore {
  private readonly index = new Map<string, Map<string, UploadState>>();
  private readonly locks = new KeyedMutex();

  /** `syncRecords`: fsync each record before it counts as written (EmulatorOptions.syncBodies). */
  constructor(
    private readonly paths: StorePaths,
    private readonly syncRecords = true,
  ) {}

  /** Loads one bucket's uploads; drops part data files no record names. */
  async loadBucket(bucket: string): Promise<void> {
    const dir = this.paths.uploadsDir(bucket);
    await mkdir(dir, { recursive: true });
    const uploads = new Map<string, UploadState>();
    this.index.set(bucket, uploads);
    for (const uploadId of await readdir(dir)) {
      const parsed = uploadRecordSchema.safeParse(await readJsonFile(this.paths.uploadRecord(bucket, uploadId)));
      if (!parsed.success || parsed.data.uploadId !== uploadId) continue;
      const state: UploadState = { record: parsed.data, parts: new Map() };
      const uploadDir = this.paths.uploadDir(bucket, uploadId);
      const names = await readdir(uploadDir);
      for (const name of names.filter((n) => /^part-\d+\.json$/.test(n))) {
        const part = partRecordSchema.safeParse(await readJsonFile(join(uploadDir, name)));
        if (part.success && name === `part-${part.data.partNumber}.json`) state.parts.set(part.data.partNumber, part.data);
      }
      const referenced = new Set([...state.parts.values()].map((p) => p.dataFile));
      for (const name of names.filter((n) => n.endsWith('.data') && !referenced.has(n))) {
        await unlink(join(uploadDir, name)).catch(() => undefined);
      }
      uploads.set(uploadId, state);
    }
  }

  /** Every upload id on disk, for the id generator. */
  allUploadIds(): string[] {
    return [...this.index.values()].flatMap((uploads) => [...uploads.keys()]);
  }

  /** The upload, or undefined when it does not exist (never initiated, aborted or completed). */
  get(bucket: string, uploadId: string): UploadState | undefined {
    return this.index.get(bucket)?.get(uploadId);
  }

  /** Absolute path of a part's bytes. */
  partDataPath(bucket: string, uploadId: string, part: PartRecord): string {
    return join(this.paths.uploadDir(bucket, uploadId), part.dataFile);
  }

  /** Records a new upload. */
  async create(bucket: string, record: UploadRecord): Promise<void> {
    await mkdir(this.paths.uploadDir(bucket, record.uploadId), { recursive: true });
    await writeJsonAtomic(this.paths.uploadRecord(bucket, record.uploadId), record, this.syncRecords);
    this.bucketIndex(bucket).set(record.uploadId, { record, parts: new Map() });
  }

  /**
   * Moves a finished part body into the upload, replacing an earlier part with the same number (§6.2: same
   * partNumber overwrites). Returns undefined, deleting the body, when the upload is gone by now.
   */
  async putPart(bucket: string, uploadId: string, bodyPath: string, part: Omit<PartRecord, 'dataFile'>): Promise<PartRecord | undefined> {
    return this.locks.run(uploadId, async () => {
      const state = this.get(bucket, uploadId);
      if (state === undefined) {
        await unlink(bodyPath).catch(() => undefined);
        return undefined;
      }
      const record: PartRecord = { ...part, dataFile: newDataFileName(`part-${part.partNumber}`) };
      await rename(bodyPath, this.partDataPath(bucket, uploadId, record));
      await writeJsonAtomic(this.paths.partRecord(bucket, uploadId, part.partNumber), record, this.syncRecords);
      const previous = state.parts.get(part.partNumber);
      state.parts.set(part.partNumber, record);
      if (previous !== undefined) await unlink(this.partDataPath(bucket, uploadId, previous)).catch(() => undefined);
      return record;
    });
  }

  /**
   * Takes the upload out of the index if `accept` (run under the lock) returns true, so no later part, Abort or
   * Complete can see it; `accept` may throw to refuse. Returns the detached state, or undefined when it is gone.
   * Abort then destroys the directory; Complete moves it into the object (ObjectStore.putSegments).
   */
  async detach(bucket: string, uploadId: string, accept: (state: UploadState) => boolean): Promise<UploadState | undefined> {
    return this.locks.run(uploadId, () => {
      const state = this.get(bucket, uploadId);
      if (state === undefined || !accept(state)) return Promise.resolve(undefined);
      this.bucketIndex(bucket).delete(uploadId);
      return Promise.resolve(state);
    });
  }

  /** Puts a detached upload back (a Complete that failed for a server-side reason). */
  reattach(bucket: string, state: UploadState): void {
    this.bucketIndex(bucket).set(state.record.uploadId, state);
  }

  /** Deletes a detached upload's files (parts included). */
  async destroy(bucket: string, uploadId: string): Promise<void> {
    await rm(this.paths.uploadDir(bucket, uploadId), { recursive: true, force: true, maxRetries: 3 });
  }

  /** Changes an upload's Initiated time (test hook); false when it does not exist. */
  async setInitiated(bucket: string, uploadId: string, initiatedMs: number): Promise<boolean> {
    return this.locks.run(uploadId, async () => {
      const state = this.get(bucket, uploadId);
      if (state === undefined) return false;
      state.record = { ...state.record, initiatedMs };
      await writeJsonAtomic(this.paths.uploadRecord(bucket, uploadId), state.record, this.syncRecords);
      return true;
    });
  }

  /** A bucket's uploads ordered by key, then upload id (§6.6). */
  list(bucket: string): UploadRecord[] {
    return [...this.bucketIndex(bucket).values()]
      .map((s) => s.record)
      .sort((a, b) => compareUtf8(a.key, b.key) || compareUtf8(a.uploadId, b.uploadId));
  }

  private bucketIndex(bucket: string): Map<string, UploadState> {
    const uploads = this.index.get(bucket);
    if (uploads === undefined) throw new Error(`bucket ${bucket} is not loaded`);
    return uploads;
  }
}
