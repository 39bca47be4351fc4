// Object metadata carried in request headers (Content-Type, x-oss-meta-*, x-oss-storage-class) and the checks on
// keys and Content-MD5 that several operations share.
import { MAX_OBJECT_KEY_BYTES } from '../../../shared/limits';
import { ossErrors } from '../emulator-error';
import type { OperationContext } from './operation-context';

const USER_META_PREFIX = 'x-oss-meta-';
const DEFAULT_CONTENT_TYPE = 'application/octet-stream';
const STORAGE_CLASSES = new Set(['Standard', 'IA', 'Archive', 'ColdArchive', 'DeepColdArchive']);

/** `x-oss-meta-*` request headers, by lower-case name. */
export function userMetaFrom(ctx: OperationContext): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const name of Object.keys(ctx.req.headers)) {
    if (!name.startsWith(USER_META_PREFIX)) continue;
    const value = ctx.header(name);
    if (value !== undefined) meta[name] = value;
  }
  return meta;
}

/** The Content-Type to store: the one sent, or application/octet-stream. */
export function contentTypeFrom(ctx: OperationContext): string {
  const sent = ctx.header('content-type');
  return sent === undefined || sent === '' ? DEFAULT_CONTENT_TYPE : sent;
}

/** `x-oss-storage-class`, Standard by default; an unknown class → InvalidArgument. */
export function storageClassFrom(ctx: OperationContext): string {
  const sent = ctx.header('x-oss-storage-class');
  if (sent === undefined || sent === '') return 'Standard';
  if (!STORAGE_CLASSES.has(sent)) throw ossErrors.invalidArgument('Invalid storage class.', 'x-oss-storage-class', sent);
  return sent;
}

/** Refuses keys OSS refuses (doc "http-400-status-code": 1..1023 bytes, not starting with `/` or `\`). */
export function checkObjectKey(key: string): void {
  if (Buffer.byteLength(key, 'utf8') > MAX_OBJECT_KEY_BYTES) {
    throw ossErrors.invalidObjectName('The Length of Object name must be less than 1024');
  }
  if (key.startsWith('/') || key.startsWith('\\')) throw ossErrors.invalidObjectName('The specified object is not valid.');
}

/** True when `x-oss-forbid-overwrite: true` was sent. */
export function forbidsOverwrite(ctx: OperationContext): boolean {
  return ctx.header('x-oss-forbid-overwrite')?.toLowerCase() === 'true';
}

/**
 * Compares the `Content-MD5` header (if any) with the MD5 of what arrived; a wrong or unparsable value →
 * 400 InvalidDigest (§6.2).
 */
export function checkContentMd5(ctx: OperationContext, md5: Buffer): void {
  const sent = ctx.header('content-md5');
  if (sent === undefined) return;
  const calculated = md5.toString('base64');
  const decoded = Buffer.from(sent, 'base64');
  if (decoded.length !== 16 || decoded.toString('base64') !== sent || !decoded.equals(md5)) {
    throw ossErrors.invalidDigest(sent, calculated);
  }
}
