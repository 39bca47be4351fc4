// PutObject — `PUT /<key>`: the body is streamed to disk and hashed; a wrong Content-MD5 → InvalidDigest;
// `x-oss-forbid-overwrite: true` on an existing key → FileAlreadyExists. Answers ETag (quoted upper-case MD5),
// Content-MD5 and x-oss-hash-crc64ecma, like UploadPart (§6.2, §12 item 14).
import { MAX_PART_SIZE_BYTES } from '../../../shared/limits';
import { formatCrc64 } from '../../oss/crc64';
import { ossErrors } from '../emulator-error';
import { discardBody } from '../store/receive-body';
import { quotedEtag } from '../store/store-records';
import { checkContentMd5, checkObjectKey, contentTypeFrom, forbidsOverwrite, userMetaFrom } from './object-headers';
import type { OperationHandler } from './operation-context';

/** Stores an object from one request body (at most 5 GB, §7). */
export const putObject: OperationHandler = async (ctx) => {
  checkObjectKey(ctx.key);
  const body = await ctx.receiveBody(MAX_PART_SIZE_BYTES);
  try {
    checkContentMd5(ctx, body.md5);
  } catch (error) {
    await discardBody(body);
    throw error;
  }
  const md5Hex = body.md5.toString('hex').toUpperCase();
  const crc64 = formatCrc64(body.crc64);
  const record = await ctx.store.objects.put(
    ctx.bucket,
    ctx.key,
    body.path,
    {
      key: ctx.key,
      size: body.size,
      etag: quotedEtag(md5Hex),
      crc64,
      contentType: contentTypeFrom(ctx),
      lastModifiedMs: ctx.now(),
      objectType: 'Normal',
      userMeta: userMetaFrom(ctx),
    },
    () => {
      if (forbidsOverwrite(ctx) && ctx.store.objects.get(ctx.bucket, ctx.key) !== undefined) throw ossErrors.fileAlreadyExists();
    },
  );
  return {
    status: 200,
    headers: { etag: record.etag, 'content-md5': body.md5.toString('base64'), 'x-oss-hash-crc64ecma': crc64 },
  };
};
