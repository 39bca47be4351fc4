// Where each record lives under the data directory. Object files are named by a hash of the key because keys may
// hold `/`, `..`, control characters or 1023 bytes; upload directories by the upload id, which is plain hex.
//
//   buckets/<bucket>/objects/<sha256(key)>.json     object record (store-records.ts)
//   buckets/<bucket>/objects/<name>.data            the one segment of a PutObject object
//   buckets/<bucket>/objects/<name>.parts/          a completed upload's directory, renamed: its part files are segments
//   buckets/<bucket>/uploads/<uploadId>/            upload.json, part-<n>.json and the part data files
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';

/** The upload record's file name inside an upload directory. */
export const UPLOAD_RECORD_FILE = 'upload.json';

/** Suffix of a single-file segment under `objects/` (and of part data files). */
export const DATA_FILE_SUFFIX = '.data';

/** Suffix of a completed upload's segment directory under `objects/`. */
export const SEGMENT_DIR_SUFFIX = '.parts';

/** Path helpers for one data directory. */
export class StorePaths {
  constructor(readonly dataDir: string) {}

  /** In-flight request bodies; emptied at start. */
  get tmpDir(): string {
    return join(this.dataDir, 'tmp');
  }

  get bucketsDir(): string {
    return join(this.dataDir, 'buckets');
  }

  bucketDir(bucket: string): string {
    return join(this.bucketsDir, bucket);
  }

  bucketRecord(bucket: string): string {
    return join(this.bucketDir(bucket), 'bucket.json');
  }

  objectsDir(bucket: string): string {
    return join(this.bucketDir(bucket), 'objects');
  }

  objectRecord(bucket: string, key: string): string {
    return join(this.objectsDir(bucket), `${hashKey(key)}.json`);
  }

  /** Absolute path of a segment, from its `/`-separated path relative to `objects/`. */
  segmentPath(bucket: string, file: string): string {
    return join(this.objectsDir(bucket), ...file.split('/'));
  }

  uploadsDir(bucket: string): string {
    return join(this.bucketDir(bucket), 'uploads');
  }

  uploadDir(bucket: string, uploadId: string): string {
    return join(this.uploadsDir(bucket), uploadId);
  }

  uploadRecord(bucket: string, uploadId: string): string {
    return join(this.uploadDir(bucket, uploadId), UPLOAD_RECORD_FILE);
  }

  partRecord(bucket: string, uploadId: string, partNumber: number): string {
    return join(this.uploadDir(bucket, uploadId), `part-${partNumber}.json`);
  }
}

/** SHA-256 hex of the key: a fixed-length, file-system-safe name. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A data file name that is new every time, so replacing bytes never touches a file a reader may have open. */
export function newDataFileName(prefix: string): string {
  return uniqueName(prefix, DATA_FILE_SUFFIX);
}

/** A segment directory name that is new every time, for the same reason. */
export function newSegmentDirName(prefix: string): string {
  return uniqueName(prefix, SEGMENT_DIR_SUFFIX);
}

function uniqueName(prefix: string, suffix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(6).toString('hex')}${suffix}`;
}
