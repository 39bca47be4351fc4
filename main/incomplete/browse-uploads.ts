// Issue 4 item 1: incomplete uploads a page at a time, straight from ListMultipartUploads (oss-protocol.md §6.6):
// one request per page, the cursor is the server's own marker pair, so a screen never loads a whole bucket.
import { MAX_LIST_PAGE_SIZE } from '../../shared/limits';
import type { RemoteUpload, RemoteUploadPage, UploadCursor } from '../../shared/models/remote-upload';
import type { UploadInfo } from '../oss/oss-types';
import { malformedResponse } from '../oss/responses/malformed-response';
import type { IncompleteClient } from './incomplete-client';
import { translateListError } from './list-uploads-denied';
import { activeOwnerOf, type LocalUploadOwnership } from './local-upload-ownership';
import { isOlderThan, uploadAgeMs, validateOlderThan } from './upload-filter';
import { withRetry, type RetryOptions } from './with-retry';

/** Arguments of {@link browseUploads}. */
export interface BrowseUploadsArgs {
  readonly accountId?: string | undefined;
  readonly bucket: string;
  readonly prefix?: string | undefined;
  /** Groups keys into folders (CommonPrefixes), usually `/`. */
  readonly delimiter?: string | undefined;
  /** Where to start; omitted for the first page. */
  readonly cursor?: UploadCursor | undefined;
  /** 1..1000 (the server's maximum, §7); default 1000. */
  readonly pageSize?: number | undefined;
  /** Keeps only uploads initiated at least this long ago (applied to the page; the cursor still advances). */
  readonly olderThanMs?: number | undefined;
  readonly signal?: AbortSignal | undefined;
}

/** What browsing needs besides the client. */
export interface BrowseContext {
  readonly now: () => number;
  readonly ownership: LocalUploadOwnership | undefined;
  readonly retry: RetryOptions;
}

/** A listed upload in the shape the UI shows, with its age at `nowMs` and its local owner. */
export function toRemoteUpload(
  bucket: string,
  info: UploadInfo,
  nowMs: number,
  ownership: LocalUploadOwnership | undefined,
): RemoteUpload {
  const owner = activeOwnerOf(ownership, bucket, info.key, info.uploadId);
  return {
    key: info.key,
    uploadId: info.uploadId,
    initiated: info.initiated,
    initiatedMs: info.initiatedMs,
    ageMs: uploadAgeMs(info.initiatedMs, nowMs),
    ...(owner === undefined ? {} : { ownedByJobId: owner.jobId }),
  };
}

function validatePageSize(pageSize: number): void {
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_LIST_PAGE_SIZE) {
    throw new RangeError(`pageSize must be 1..${MAX_LIST_PAGE_SIZE}, got ${pageSize}`);
  }
}

/**
 * One page of a bucket's incomplete uploads. An AccessDenied becomes a ListUploadsDeniedError (item 6); transient
 * errors are retried. A truncated page whose markers do not move past the cursor would make a caller loop forever,
 * so it is a MalformedResponse.
 */
export async function browseUploads(
  client: IncompleteClient,
  args: BrowseUploadsArgs,
  context: BrowseContext,
): Promise<RemoteUploadPage> {
  const pageSize = args.pageSize ?? MAX_LIST_PAGE_SIZE;
  validatePageSize(pageSize);
  validateOlderThan(args.olderThanMs);
  const keyMarker = args.cursor?.keyMarker ?? '';
  const uploadIdMarker = args.cursor?.uploadIdMarker ?? '';
  const page = await withRetry(
    () =>
      client.listMultipartUploads({
        bucket: args.bucket,
        prefix: args.prefix,
        delimiter: args.delimiter,
        keyMarker,
        uploadIdMarker,
        maxUploads: pageSize,
        signal: args.signal,
      }),
    { ...context.retry, signal: args.signal },
  ).catch((error: unknown) => {
    throw translateListError(error);
  });
  let nextCursor: UploadCursor | undefined;
  if (page.isTruncated) {
    nextCursor = { keyMarker: page.nextKeyMarker, uploadIdMarker: page.nextUploadIdMarker };
    if (nextCursor.keyMarker === keyMarker && nextCursor.uploadIdMarker === uploadIdMarker) {
      throw malformedResponse('ListMultipartUploads is truncated but its next markers equal the ones sent', {
        status: 200,
        requestId: page.requestId || undefined,
      });
    }
  }
  const nowMs = context.now();
  return {
    uploads: page.uploads
      .filter((info) => isOlderThan(info.initiatedMs, args.olderThanMs, nowMs))
      .map((info) => toRemoteUpload(args.bucket, info, nowMs, context.ownership)),
    folders: page.commonPrefixes,
    nextCursor,
  };
}
