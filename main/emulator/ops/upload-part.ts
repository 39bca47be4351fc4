// UploadPart — `PUT /<key>?partNumber=N&uploadId=ID` (oss-protocol.md §6.2, §12 item 8): the body is streamed to
// disk and hashed; a wrong Content-MD5 → InvalidDigest; the same part number again overwrites; sizes are only checked
// at Complete. Answers ETag (quoted upper-case MD5), Content-MD5 and x-oss-hash-crc64ecma.
import { MAX_PART_COUNT, MAX_PART_SIZE_BYTES } from '../../../shared/limits';
import { formatCrc64 } from '../../oss/crc64';
import { ossErrors } from '../emulator-error';
import { discardBody } from '../store/receive-body';
import { quotedEtag } from '../store/store-records';
import { checkContentMd5 } from './object-headers';
import type { OperationContext, OperationHandler } from './operation-context';

/** The `partNumber` argument: an integer 1..10000 (§7), else InvalidArgument. */
export function partNumberArg(ctx: OperationContext): number {
  const raw = ctx.query.get('partNumber') ?? '';
  const n = /^\d{1,5}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(n >= 1 && n <= MAX_PART_COUNT)) {
    throw ossErrors.invalidArgument(`Part number must be an integer between 1 and ${MAX_PART_COUNT}, inclusive.`, 'partNumber', raw);
  }
  return n;
}

/** The `uploadId` of an existing upload of this key, else NoSuchUpload. */
export function existingUploadId(ctx: OperationContext): string {
  const uploadId = ctx.query.get('uploadId') ?? '';
  const state = ctx.store.uploads.get(ctx.bucket, uploadId);
  if (state === undefined || state.record.key !== ctx.key) throw ossErrors.noSuchUpload(uploadId);
  return uploadId;
}

/** Stores one part. */
export const uploadPart: OperationHandler = async (ctx) => {
  const partNumber = partNumberArg(ctx);
  const uploadId = existingUploadId(ctx);
  const body = await ctx.receiveBody(MAX_PART_SIZE_BYTES);
  try {
    checkContentMd5(ctx, body.md5);
  } catch (error) {
    await discardBody(body);
    throw error;
  }
  const md5Hex = body.md5.toString('hex').toUpperCase();
  const part = await ctx.store.uploads.putPart(ctx.bucket, uploadId, body.path, {
    partNumber,
    size: body.size,
    md5Hex,
    crc64: formatCrc64(body.crc64),
    lastModifiedMs: ctx.now(),
  });
  // Aborted or completed while the body was streaming (§6.4: in-flight parts of an aborted upload are refused here).
  if (part === undefined) throw ossErrors.noSuchUpload(uploadId);
  return {
    status: 200,
    headers: {
      etag: quotedEtag(md5Hex),
      'content-md5': body.md5.toString('base64'),
      'x-oss-hash-crc64ecma': part.crc64,
    },
  };
};
