// GetObject and HeadObject — `GET|HEAD /<key>`: object headers (ETag, Content-Type, Last-Modified, object type,
// whole-object x-oss-hash-crc64ecma, x-oss-meta-*), and for GET the bytes, streamed from the object's segment files
// (one for a PutObject, the parts for a completed upload), with one Range that may span segments.
import { formatRfc1123 } from '../../oss/signing/sign-dates';
import { ossErrors } from '../emulator-error';
import type { ObjectRecord } from '../store/store-records';
import { resolveByteRange } from './byte-range';
import type { OperationContext, OperationHandler, OperationResult } from './operation-context';

function objectOf(ctx: OperationContext): ObjectRecord {
  const record = ctx.store.objects.get(ctx.bucket, ctx.key);
  if (record === undefined) throw ossErrors.noSuchKey(ctx.key);
  return record;
}

function objectHeaders(record: ObjectRecord): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': record.contentType,
    etag: record.etag,
    'last-modified': formatRfc1123(record.lastModifiedMs),
    'accept-ranges': 'bytes',
    'x-oss-object-type': record.objectType,
    'x-oss-storage-class': 'Standard',
    'x-oss-hash-crc64ecma': record.crc64,
    ...record.userMeta,
  };
  // A single PUT's ETag is its MD5, so OSS can also state Content-MD5; a multipart ETag is not an MD5.
  if (record.objectType === 'Normal') headers['content-md5'] = Buffer.from(record.etag.replace(/"/g, ''), 'hex').toString('base64');
  return headers;
}

/** Answers an object's headers without a body. */
export const headObject: OperationHandler = (ctx) => {
  const record = objectOf(ctx);
  return Promise.resolve({ status: 200, headers: { ...objectHeaders(record), 'content-length': String(record.size) } });
};

/** Streams an object, or one range of it. */
export const getObject: OperationHandler = (ctx): Promise<OperationResult> => {
  const record = objectOf(ctx);
  const standard = ctx.header('x-oss-range-behavior')?.toLowerCase() === 'standard';
  const range = resolveByteRange(ctx.header('range'), record.size, standard);
  // Taken in the same tick as the lookup, so a concurrent overwrite or delete cannot remove the files under it.
  const handle = ctx.store.objects.openReader(ctx.bucket, record);
  if (handle === undefined) throw ossErrors.noSuchKey(ctx.key);
  const headers = objectHeaders(record);
  if (range === undefined) return Promise.resolve({ status: 200, headers, body: { kind: 'file', handle, start: 0, length: record.size } });
  const length = range.end - range.start + 1;
  headers['content-range'] = `bytes ${range.start}-${range.end}/${record.size}`;
  return Promise.resolve({ status: 206, headers, body: { kind: 'file', handle, start: range.start, length } });
};
