// AbortMultipartUpload — `DELETE /<key>?uploadId=ID` (oss-protocol.md §6.4, §12 item 10): 204 and the parts are
// deleted; an unknown, aborted or completed upload → 404 NoSuchUpload. A part still streaming is refused when it
// finishes (UploadStore.putPart), so nothing survives the abort.
import { ossErrors } from '../emulator-error';
import type { OperationHandler } from './operation-context';

/** Aborts an upload. */
export const abortMultipartUpload: OperationHandler = async (ctx) => {
  const uploadId = ctx.query.get('uploadId') ?? '';
  const state = await ctx.store.uploads.detach(ctx.bucket, uploadId, (s) => s.record.key === ctx.key);
  if (state === undefined) throw ossErrors.noSuchUpload(uploadId);
  await ctx.store.uploads.destroy(ctx.bucket, uploadId);
  return { status: 204 };
};
