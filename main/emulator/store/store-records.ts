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

/** An object, as stored in `objects/<sha256(key)>.json`; its bytes are `objects/<dataFile>`. */
export const objectRecordSchema = z.object({
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
  dataFile: z.string(),
});
/** An object's metadata. */
export type ObjectRecord = z.infer<typeof objectRecordSchema>;

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
