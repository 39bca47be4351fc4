// Every page of a bucket's incomplete uploads (oss-protocol.md §6.6), each page retried on its own, for the callers
// that need a whole prefix (a bulk abort by filter); browsing a screen asks for one page at a time instead.
import { listAllMultipartUploads } from '../oss/list-iterators';
import type { ListMultipartUploadsArgs } from '../oss/oss-client-multipart';
import type { ListUploadsPage } from '../oss/oss-types';
import type { IncompleteClient } from './incomplete-client';
import { translateListError } from './list-uploads-denied';
import { withRetry, type RetryOptions } from './with-retry';

/**
 * Every page of a bucket's uploads from `args` on, each page retried; an AccessDenied becomes a
 * ListUploadsDeniedError. Yields pages so a caller never has to hold more than it wants.
 */
export async function* listUploadPages(
  client: IncompleteClient,
  args: ListMultipartUploadsArgs,
  retry: RetryOptions,
): AsyncGenerator<ListUploadsPage, void, undefined> {
  const options = { ...retry, signal: args.signal };
  const lister = {
    listMultipartUploads: (pageArgs: ListMultipartUploadsArgs) =>
      withRetry(() => client.listMultipartUploads(pageArgs), options).catch((error: unknown) => {
        throw translateListError(error);
      }),
  };
  yield* listAllMultipartUploads(lister, args);
}
