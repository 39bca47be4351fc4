// DeleteObject — `DELETE /<key>`: 204 whether or not the object existed, as OSS answers.
import type { OperationHandler } from './operation-context';

/** Deletes an object. */
export const deleteObject: OperationHandler = async (ctx) => {
  await ctx.store.objects.delete(ctx.bucket, ctx.key);
  return { status: 204 };
};
