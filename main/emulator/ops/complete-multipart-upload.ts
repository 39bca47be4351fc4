// CompleteMultipartUpload — `POST /<key>?uploadId=ID` (oss-protocol.md §6.3, §12 item 9). Validates the part list,
// takes the upload out of the index (from then on it is NoSuchUpload to everyone), makes its part files the object's
// segments (moved, not copied: O(parts), like real OSS) and answers CompleteMultipartUploadResult with the
// whole-object x-oss-hash-crc64ecma, folded from the part CRCs.
import { readFile } from 'node:fs/promises';
import { formatCrc64 } from '../../oss/crc64';
import { percentEncode } from '../../oss/signing/uri-encode';
import { ossErrors } from '../emulator-error';
import { combinedCrc64, multipartEtag } from '../store/multipart-digest';
import { discardBody } from '../store/receive-body';
import type { ObjectRecord, PartRecord } from '../store/store-records';
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

  let object: ObjectRecord;
  try {
    object = await ctx.store.objects.putSegments(
      ctx.bucket,
      ctx.key,
      ctx.store.paths.uploadDir(ctx.bucket, uploadId),
      parts.map((p) => ({ file: p.dataFile, size: p.size })),
      {
        key: ctx.key,
        size: parts.reduce((sum, p) => sum + p.size, 0),
        etag: multipartEtag(parts),
        crc64: formatCrc64(combinedCrc64(parts)),
        contentType: state.record.contentType,
        lastModifiedMs: ctx.now(),
        objectType: 'Multipart',
        userMeta: state.record.userMeta,
      },
      // Checked again under the key's lock: a PutObject may have created the key since the check above.
      () => {
        if (forbidsOverwrite(ctx) && ctx.store.objects.get(ctx.bucket, ctx.key) !== undefined) throw ossErrors.fileAlreadyExists();
      },
    );
  } catch (error) {
    // Nothing was committed and the upload's directory is back in place: the upload returns as it was, so neither a
    // server-side failure nor a late FileAlreadyExists loses the client's parts.
    ctx.store.uploads.reattach(ctx.bucket, state);
    throw error;
  }

  return xmlResult(
    renderXmlDocument([
      'CompleteMultipartUploadResult',
      [
        encoded ? ['EncodingType', 'url'] : undefined,
        ['Location', locationOf(ctx)],
        ['Bucket', ctx.bucket],
        ['Key', encode(ctx.key)],
        ['ETag', object.etag],
      ],
    ]),
    { 'x-oss-hash-crc64ecma': object.crc64 },
  );
};
