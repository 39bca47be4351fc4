// The records the emulator keeps on disk, one JSON file each, validated when read back after a restart.
import { z } from 'zod';

const DECIMAL = /^\d+$/;
const HEX_MD5 = /^[0-9A-F]{32}$/;

/** A bucket. */
export const bucketRecordSchema = z.object({
  name: z.string(),
  createdMs: z.number(),
});
/** A bucket, as stored in `buckets/<name>/bucket.json`. */
export type BucketRecord = z.infer<typeof bucketRecordSchema>;

/** The current object record format; records without `version` are version 1 (see `legacyObjectRecordSchema`). */
export const OBJECT_RECORD_VERSION = 2;

// A segment path relative to `objects/`: a file name, or `<dir>/<file>` inside a completed upload's segment directory.
// Names start with a letter or digit, so a record read back from disk can never point outside `objects/` (`..`).
const FILE_NAME = /^[A-Za-z0-9][\w.-]*$/;
const SEGMENT_PATH = /^[A-Za-z0-9][\w.-]*(?:\/[A-Za-z0-9][\w.-]*)?$/;

/** One stretch of an object's bytes, in object order. */
export const segmentSchema = z.object({
  /** Relative to the bucket's `objects/` directory, `/`-separated. */
  file: z.string().regex(SEGMENT_PATH),
  size: z.number().int().nonnegative(),
});
/** One segment of an object. */
export type Segment = z.infer<typeof segmentSchema>;

/** What every object record version holds besides where the bytes are. */
const objectMetaFields = {
  key: z.string(),
  size: z.number().int().nonnegative(),
  /** Quoted ETag exactly as served: MD5 for PutObject, `"<md5 of md5s>-<n>"` for multipart. */
  etag: z.string(),
  /** Decimal CRC-64/ECMA of the whole object. */
  crc64: z.string().regex(DECIMAL),
  contentType: z.string(),
  lastModifiedMs: z.number(),
  objectType: z.enum(['Normal', 'Multipart']),
  userMeta: z.record(z.string(), z.string()),
};

/**
 * An object, as stored in `objects/<sha256(key)>.json`: its bytes are the concatenation of `segments` — one file for
 * a PutObject, the part files of a completed multipart upload (moved, never copied, on Complete).
 */
export const objectRecordSchema = z
  .object({
    version: z.literal(OBJECT_RECORD_VERSION),
    ...objectMetaFields,
    segments: z.array(segmentSchema).min(1),
  })
  .refine((r) => r.segments.reduce((sum, s) => sum + s.size, 0) === r.size, { message: 'segment sizes do not add up to size' });
/** An object's metadata and where its bytes are. */
export type ObjectRecord = z.infer<typeof objectRecordSchema>;

/** Version 1 (no `version` field), written before multipart objects became segments: one data file. Read-only. */
export const legacyObjectRecordSchema = z.object({
  ...objectMetaFields,
  dataFile: z.string().regex(FILE_NAME),
});

/** A multipart upload, as stored in `uploads/<uploadId>/upload.json`. */
export const uploadRecordSchema = z.object({
  uploadId: z.string(),
  key: z.string(),
  initiatedMs: z.number(),
  contentType: z.string(),
  storageClass: z.string(),
  userMeta: z.record(z.string(), z.string()),
});
/** A multipart upload's metadata (its parts are separate records). */
export type UploadRecord = z.infer<typeof uploadRecordSchema>;

/** A part, as stored in `uploads/<uploadId>/part-<n>.json`; its bytes are `uploads/<uploadId>/<dataFile>`. */
export const partRecordSchema = z.object({
  partNumber: z.number().int().min(1),
  size: z.number().int().nonnegative(),
  /** Upper-case hex MD5 of the part (the ETag without quotes). */
  md5Hex: z.string().regex(HEX_MD5),
  crc64: z.string().regex(DECIMAL),
  lastModifiedMs: z.number(),
  dataFile: z.string(),
});
/** A part's metadata. */
export type PartRecord = z.infer<typeof partRecordSchema>;

/** The quoted ETag OSS returns for a part or a single PUT: upper-case hex MD5 in double quotes (§6.2). */
export function quotedEtag(md5Hex: string): string {
  return `"${md5Hex}"`;
}
