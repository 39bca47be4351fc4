import { z } from 'zod';
import type { JobError, JobId, JobStatus } from '../../shared/models/job';
import { MAX_PART_COUNT, MAX_PART_SIZE_BYTES, MIN_PART_SIZE_BYTES } from '../../shared/limits';
import { JOB_STATUSES } from './job-status';

// What the journal keeps of a job (issue 3 item 7), and its on-disk form. The disk form stores finished parts as
// [partNumber, etag, crc64, size] tuples: about 70 bytes a part instead of about 110 with named fields, so a
// 10,000-part record is ~0.7 MB. Parts are a cache of what ListParts would say: the engine reconciles with the
// server before resuming, so losing the last second of parts in a crash costs re-sending them, nothing more.

/** Version of the on-disk format; a file with any other version is set aside, not guessed at. */
export const JOURNAL_VERSION = 1;

/** One finished part as the journal keeps it. */
export interface JournalPart {
  readonly partNumber: number;
  /** As the server returned it, quotes included. */
  readonly etag: string;
  /** CRC-64/ECMA as an unsigned decimal string (§9); undefined if the server did not report one. */
  readonly crc64: string | undefined;
  readonly size: number;
}

/** Everything needed to resume a job after a restart. */
export interface JournalRecord {
  readonly jobId: JobId;
  readonly localPath: string;
  /** Size and mtime of the local file when the upload started: a change means "file changed", never a mix. */
  readonly sizeBytes: number;
  readonly mtimeMs: number;
  readonly accountId: string;
  readonly bucket: string;
  readonly key: string;
  readonly partSizeBytes: number;
  readonly mode: 'single' | 'multipart';
  /** The multipart upload, once initiated (always undefined in single mode). */
  readonly uploadId: string | undefined;
  /** Finished parts (any order; stored ascending). */
  readonly parts: readonly JournalPart[];
  /** The status when saved; apply transitionJob(status, { type: 'restore' }) after loading. */
  readonly status: JobStatus;
  readonly createdAtMs: number;
  readonly updatedAtMs: number;
  readonly error?: JobError | undefined;
}

/** Job ids become file names, so they are restricted to characters that are safe on every file system. */
const JOB_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** Whether `jobId` can name a journal file. */
export function isValidJobId(jobId: string): boolean {
  return JOB_ID_PATTERN.test(jobId);
}

const MAX_UINT64 = (1n << 64n) - 1n;
const crc64Schema = z
  .string()
  .regex(/^\d{1,20}$/)
  .refine((value) => BigInt(value) <= MAX_UINT64, 'CRC-64 exceeds 64 bits');
const byteCount = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

const diskPartSchema = z.tuple([
  z.number().int().min(1).max(MAX_PART_COUNT),
  z.string().min(1),
  crc64Schema.nullable(),
  byteCount,
]);

const jobErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  retryable: z.boolean(),
  requestId: z.string().optional(),
  advice: z.string().optional(),
});

const diskRecordSchema = z
  .object({
    version: z.literal(JOURNAL_VERSION),
    jobId: z.string().regex(JOB_ID_PATTERN),
    localPath: z.string().min(1),
    sizeBytes: byteCount,
    mtimeMs: z.number().finite(),
    accountId: z.string(),
    bucket: z.string().min(1),
    key: z.string().min(1),
    partSizeBytes: z.number().int().min(MIN_PART_SIZE_BYTES).max(MAX_PART_SIZE_BYTES),
    mode: z.enum(['single', 'multipart']),
    uploadId: z.string().min(1).nullable(),
    parts: z.array(diskPartSchema).max(MAX_PART_COUNT),
    status: z.enum(JOB_STATUSES),
    createdAtMs: z.number().finite(),
    updatedAtMs: z.number().finite(),
    error: jobErrorSchema.optional(),
  })
  .superRefine((record, context) => {
    for (let i = 1; i < record.parts.length; i += 1) {
      const previous = record.parts[i - 1]?.[0] ?? 0;
      const current = record.parts[i]?.[0] ?? 0;
      if (current <= previous) {
        context.addIssue({ code: 'custom', message: `part numbers must ascend (${previous} then ${current})`, path: ['parts', i] });
        return;
      }
    }
    if (record.mode === 'single' && (record.uploadId !== null || record.parts.length > 0)) {
      context.addIssue({ code: 'custom', message: 'a single-PutObject job has no uploadId and no parts', path: ['mode'] });
    }
  });

/** The on-disk JSON shape (version 1). */
export type DiskJournalRecord = z.infer<typeof diskRecordSchema>;

/** Thrown by encodeJournalRecord for a record the journal could not read back. */
export class JournalRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JournalRecordError';
  }
}

/** The disk form of `record`, validated so the journal never writes what it would refuse to load. */
export function encodeJournalRecord(record: JournalRecord): DiskJournalRecord {
  const parts = [...record.parts]
    .sort((a, b) => a.partNumber - b.partNumber)
    .map((part): [number, string, string | null, number] => [part.partNumber, part.etag, part.crc64 ?? null, part.size]);
  const disk = {
    version: JOURNAL_VERSION,
    jobId: record.jobId,
    localPath: record.localPath,
    sizeBytes: record.sizeBytes,
    mtimeMs: record.mtimeMs,
    accountId: record.accountId,
    bucket: record.bucket,
    key: record.key,
    partSizeBytes: record.partSizeBytes,
    mode: record.mode,
    uploadId: record.uploadId ?? null,
    parts,
    status: record.status,
    createdAtMs: record.createdAtMs,
    updatedAtMs: record.updatedAtMs,
    ...(record.error === undefined ? {} : { error: record.error }),
  };
  const result = diskRecordSchema.safeParse(disk);
  if (!result.success) throw new JournalRecordError(`Invalid journal record for job ${record.jobId}: ${z.prettifyError(result.error)}`);
  return result.data;
}

/** Result of decodeJournalRecord. */
export type DecodedJournalRecord =
  | { readonly ok: true; readonly record: JournalRecord }
  | { readonly ok: false; readonly message: string };

/** Reads parsed JSON back into a record; anything not exactly version 1 of the format is refused with a reason. */
export function decodeJournalRecord(data: unknown): DecodedJournalRecord {
  const result = diskRecordSchema.safeParse(data);
  if (!result.success) {
    const version = typeof data === 'object' && data !== null && 'version' in data ? data.version : undefined;
    if (version !== JOURNAL_VERSION) return { ok: false, message: `unknown journal version ${JSON.stringify(version)}` };
    return { ok: false, message: z.prettifyError(result.error) };
  }
  const disk = result.data;
  return {
    ok: true,
    record: {
      jobId: disk.jobId as JobId, // validated by JOB_ID_PATTERN above; the brand is ours to give
      localPath: disk.localPath,
      sizeBytes: disk.sizeBytes,
      mtimeMs: disk.mtimeMs,
      accountId: disk.accountId,
      bucket: disk.bucket,
      key: disk.key,
      partSizeBytes: disk.partSizeBytes,
      mode: disk.mode,
      uploadId: disk.uploadId ?? undefined,
      parts: disk.parts.map(([partNumber, etag, crc64, size]) => ({ partNumber, etag, crc64: crc64 ?? undefined, size })),
      status: disk.status,
      createdAtMs: disk.createdAtMs,
      updatedAtMs: disk.updatedAtMs,
      error: disk.error,
    },
  };
}
