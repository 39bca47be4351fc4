// CompleteMultipartUpload — `POST /<key>?uploadId=ID` (oss-protocol.md §6.3, §12 item 9). Validates the part list,
// takes the upload out of the index (from then on it is NoSuchUpload to everyone), streams the parts into the object
// and answers CompleteMultipartUploadResult with the whole-object x-oss-hash-crc64ecma.
import { readFile } from 'node:fs/promises';
import { percentEncode } from '../../oss/signing/uri-encode';
import { ossErrors } from '../emulator-error';
import { concatParts } from '../store/concat-parts';
import { discardBody } from '../store/receive-body';
import type { PartRecord } from '../store/store-records';
import type { UploadState } from '../store/upload-store';
import { renderXmlDocument } from '../xml-builder';
import { allPartsInOrder, checkPartSizes, selectCompleteParts } from './complete-checks';
import { parseCompleteRequest, type RequestedPart } from './complete-request';
import { checkContentMd5, forbidsOverwrite } from './object-headers';
import { xmlResult, type OperationContext, type OperationHandler } from './operation-context';
import { encodingTypeArg } from './request-args';
import { existingUploadId } from './upload-part';

/** 10000 parts × ~100 bytes of XML each fits with room to spare. */
const MAX_COMPLETE_BODY_BYTES = 4 * 1024 * 1024;

/** The parts the request lists, or undefined for `x-oss-complete-all: yes` (whose body must be empty). */
async function readRequestedParts(ctx: OperationContext): Promise<RequestedPart[] | undefined> {
  const body = await ctx.receiveBody(MAX_COMPLETE_BODY_BYTES);
  try {
    checkContentMd5(ctx, body.md5);
    const completeAll = ctx.header('x-oss-complete-all')?.toLowerCase() === 'yes';
    if (completeAll) {
      if (body.size > 0) {
        throw ossErrors.invalidArgument('Should not specify a part list when x-oss-complete-all is yes.', 'x-oss-complete-all', 'yes');
      }
      return undefined;
    }
    return parseCompleteRequest(await readFile(body.path, 'utf8'));
  } finally {
    await discardBody(body);
  }
}

function locationOf(ctx: OperationContext): string {
  const encodedKey = percentEncode(ctx.key, true);
  return ctx.style === 'virtual-hosted' ? `http://${ctx.host}/${encodedKey}` : `http://${ctx.host}/${ctx.bucket}/${encodedKey}`;
}

/** Completes an upload. */
export const completeMultipartUpload: OperationHandler = async (ctx) => {
  const { encoded, encode } = encodingTypeArg(ctx.query);
  const uploadId = existingUploadId(ctx);
  const requested = await readRequestedParts(ctx);

  let parts: PartRecord[] = [];
  const state: UploadState | undefined = await ctx.store.uploads.detach(ctx.bucket, uploadId, (s) => {
    if (s.record.key !== ctx.key) return false;
    parts = requested === undefined ? allPartsInOrder(s.parts) : selectCompleteParts(requested, s.parts);
    // [inferred] complete-all with nothing uploaded: there is no part to name, so report the missing part 1.
    if (parts.length === 0) throw ossErrors.invalidPart(1, '');
    if (requested === undefined) checkPartSizes(parts);
    if (forbidsOverwrite(ctx) && ctx.store.objects.get(ctx.bucket, ctx.key) !== undefined) throw ossErrors.fileAlreadyExists();
    return true;
  });
  if (state === undefined) throw ossErrors.noSuchUpload(uploadId);

  let crc64: string;
  let etag: string;
  try {
    const object = await concatParts(ctx.store.paths.tmpDir, parts, (p) => ctx.store.uploads.partDataPath(ctx.bucket, uploadId, p));
    await ctx.store.objects.put(ctx.bucket, ctx.key, object.path, {
      key: ctx.key,
      size: object.size,
      etag: object.etag,
      crc64: object.crc64,
      contentType: state.record.contentType,
      lastModifiedMs: ctx.now(),
      objectType: 'Multipart',
      userMeta: state.record.userMeta,
    });
    crc64 = object.crc64;
    etag = object.etag;
  } catch (error) {
    // A server-side failure must not lose the client's parts: the upload comes back as it was.
    ctx.store.uploads.reattach(ctx.bucket, state);
    throw error;
  }
  await ctx.store.uploads.destroy(ctx.bucket, uploadId);

  return xmlResult(
    renderXmlDocument([
      'CompleteMultipartUploadResult',
      [
        encoded ? ['EncodingType', 'url'] : undefined,
        ['Location', locationOf(ctx)],
        ['Bucket', ctx.bucket],
        ['Key', encode(ctx.key)],
        ['ETag', etag],
      ],
    ]),
    { 'x-oss-hash-crc64ecma': crc64 },
  );
};
