// Bounded building blocks for the command schemas in ./schemas.ts. Every string has a length cap checked before any
// other work (`abort: true` stops a 10 MB string at the first check), every array a size cap, every id its format.
import { z } from 'zod';
import type { JobId } from '../models/job';
import { MAX_LIST_PAGE_SIZE, MAX_OBJECT_KEY_BYTES, MAX_V4_PRESIGN_EXPIRES_SECONDS } from '../limits';
import { hasLoneSurrogate, utf8ByteLength } from './utf8-byte-length';

/** Longest local path accepted (Linux PATH_MAX; Windows long paths stay under it in practice). */
export const MAX_PATH_CHARS = 4096;
/** Longest display name (accounts). */
export const MAX_NAME_CHARS = 256;
/** Most paths one uploads.addPaths may carry; folders count once (they are walked in main). */
export const MAX_PATHS_PER_COMMAND = 10_000;
/** Most uploads one bulk-abort selection may name. */
export const MAX_SELECTION_SIZE = 10_000;
/** Most buckets one account lists. */
export const MAX_BUCKETS_PER_ACCOUNT = 100;
/** Longest endpoint URL. */
export const MAX_ENDPOINT_CHARS = 2048;
/** STS tokens run to about 1-2 KB; 16 KB leaves room without letting a megabyte through. */
export const MAX_SECURITY_TOKEN_CHARS = 16_384;
/** Most bulk aborts in flight (issue 4 default 16). */
export const MAX_BULK_ABORT_CONCURRENCY = 64;
/** Shortest presigned link desktop.copyLink makes. */
export const MIN_LINK_EXPIRES_SECONDS = 60;

/** Job ids: the same format the journal names its files with (main/uploads/journal-record.ts). */
export const JOB_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
/** Account ids (main issues UUIDs) and renderer-chosen operation ids. */
export const SHORT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** Bucket names: 3-63 of `a-z 0-9 -`, alphanumeric at both ends (oss-protocol.md §7; main/oss/oss-names.ts). */
export const BUCKET_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
/** Printable ASCII without spaces: AccessKey ids and secrets, upload ids, STS tokens. */
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;
/** Region ids such as `cn-hangzhou` or `oss-cn-hangzhou`. */
const REGION_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
// C0 controls and DEL; a path or name holding one is never something the user typed or picked.
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/** A string of at most `max` characters, refused at once when longer. */
export function boundedString(max: number, min = 0): z.ZodString {
  const base = z.string().max(max, { abort: true });
  return min > 0 ? base.min(min) : base;
}

/** A local path as the OS gave it; main checks it against the paths the user picked (PathGrants). */
export const localPathSchema = boundedString(MAX_PATH_CHARS, 1).refine((p) => !p.includes('\u0000'), 'must not contain NUL');

function objectKeyBytesOk(key: string): boolean {
  return utf8ByteLength(key) <= MAX_OBJECT_KEY_BYTES && !hasLoneSurrogate(key);
}

// A UTF-16 code unit is at least one UTF-8 byte, so the character cap is also a cheap first byte cap.
const keyText = boundedString(MAX_OBJECT_KEY_BYTES)
  .refine(objectKeyBytesOk, `must be at most ${MAX_OBJECT_KEY_BYTES} bytes of UTF-8 without unpaired surrogates`)
  .refine((k) => !k.startsWith('/') && !k.startsWith('\\'), 'must not start with "/" or "\\"');

/** An object key: 1..1023 bytes of UTF-8, not starting with `/` or `\` (oss-protocol.md §7). */
export const objectKeySchema = keyText.refine((k) => k.length > 0, 'must not be empty');
/** A key prefix: like a key, but may be empty. */
export const keyPrefixSchema = keyText;

/** A bucket name. */
export const bucketSchema = z.string().max(63, { abort: true }).regex(BUCKET_NAME_PATTERN, 'is not a valid bucket name');
/** An upload id as the server issued it. */
export const uploadIdSchema = boundedString(256, 1).regex(PRINTABLE_ASCII, 'must be printable ASCII');
/** A job id, branded once validated. */
export const jobIdSchema = z
  .string()
  .max(128, { abort: true })
  .regex(JOB_ID_PATTERN, 'is not a job id')
  .transform((id) => id as JobId); // validated above; the brand is ours to give
/** An account id. */
export const accountIdSchema = z.string().max(64, { abort: true }).regex(SHORT_ID_PATTERN, 'is not an account id');
/** An id the renderer gives a long-running operation (e.g. a UUID). */
export const operationIdSchema = z.string().max(64, { abort: true }).regex(SHORT_ID_PATTERN, 'is not an operation id');

/** A display name: 1..256 characters, not only spaces, no control characters. */
export const nameSchema = boundedString(MAX_NAME_CHARS, 1)
  .refine((n) => n.trim() !== '', 'must not be blank')
  .refine((n) => !CONTROL_CHARS.test(n), 'must not contain control characters');
/** An endpoint URL or host; main parses it for real (main/oss/endpoint.ts resolveEndpoint). */
export const endpointSchema = boundedString(MAX_ENDPOINT_CHARS, 1).regex(PRINTABLE_ASCII, 'must be a URL or host name without spaces');
/** A region id. */
export const regionSchema = z.string().max(64, { abort: true }).regex(REGION_PATTERN, 'is not a region id (e.g. cn-hangzhou)');
/** An AccessKey ID (STS ids start with `STS.`). */
export const accessKeyIdSchema = boundedString(128, 1).regex(PRINTABLE_ASCII, 'must be printable ASCII without spaces');
/** An AccessKey secret. Messages never include the value. */
export const accessKeySecretSchema = boundedString(256, 1).regex(PRINTABLE_ASCII, 'must be printable ASCII without spaces');
/** An STS security token. */
export const securityTokenSchema = boundedString(MAX_SECURITY_TOKEN_CHARS, 1).regex(PRINTABLE_ASCII, 'must be printable ASCII without spaces');
/** An account's buckets: 1..100 distinct names. */
export const bucketListSchema = z
  .array(bucketSchema)
  .min(1)
  .max(MAX_BUCKETS_PER_ACCOUNT, { abort: true })
  .refine((list) => new Set(list).size === list.length, 'must not repeat a bucket');

/** A ListMultipartUploads delimiter, usually `/`. */
export const delimiterSchema = boundedString(32, 1).refine((d) => !d.includes('\u0000'), 'must not contain NUL');
/** A page size 1..1000 (the server's maximum). */
export const pageSizeSchema = z.number().int().min(1).max(MAX_LIST_PAGE_SIZE);
/** A non-negative whole number of milliseconds. */
export const durationMsSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** Aborts in flight at once. */
export const concurrencySchema = z.number().int().min(1).max(MAX_BULK_ABORT_CONCURRENCY);
/** Lifetime of a presigned link. */
export const expiresSecondsSchema = z.number().int().min(MIN_LINK_EXPIRES_SECONDS).max(MAX_V4_PRESIGN_EXPIRES_SECONDS);
