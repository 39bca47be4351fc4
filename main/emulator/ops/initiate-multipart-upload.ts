// InitiateMultipartUpload — `POST /<key>?uploads` (oss-protocol.md §6.1). Several uploads per key are allowed; an
// existing object of the same key is untouched.
import { renderXmlDocument } from '../xml-builder';
import { checkObjectKey, contentTypeFrom, storageClassFrom, userMetaFrom } from './object-headers';
import { xmlResult, type OperationHandler } from './operation-context';
import { encodingTypeArg } from './request-args';

/** Creates an upload and answers InitiateMultipartUploadResult. */
export const initiateMultipartUpload: OperationHandler = async (ctx) => {
  checkObjectKey(ctx.key);
  const { encoded, encode } = encodingTypeArg(ctx.query);
  const storageClass = storageClassFrom(ctx);
  const initiatedMs = ctx.now();
  const uploadId = ctx.store.uploadIds.next(initiatedMs);
  await ctx.store.uploads.create(ctx.bucket, {
    uploadId,
    key: ctx.key,
    initiatedMs,
    contentType: contentTypeFrom(ctx),
    storageClass,
    userMeta: userMetaFrom(ctx),
  });
  return xmlResult(
    renderXmlDocument([
      'InitiateMultipartUploadResult',
      [
        encoded ? ['EncodingType', 'url'] : undefined,
        ['Bucket', ctx.bucket],
        ['Key', encode(ctx.key)],
        ['UploadId', uploadId],
      ],
    ]),
  );
};
