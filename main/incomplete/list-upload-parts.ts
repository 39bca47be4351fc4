// Every part of one upload, across all ListParts pages (oss-protocol.md §6.5), each page retried on its own so a
// transient error on page 7 does not restart the listing.
import { listAllParts } from '../oss/list-iterators';
import type { PartInfo } from '../oss/oss-types';
import type { IncompleteClient, UploadRef } from './incomplete-client';
import { withRetry, type RetryOptions } from './with-retry';

/** All parts of an upload, ascending by part number. NoSuchUpload and other permanent errors are thrown. */
export async function listUploadParts(
  client: IncompleteClient,
  ref: UploadRef,
  retry: RetryOptions,
  signal?: AbortSignal,
): Promise<PartInfo[]> {
  const options = { ...retry, signal };
  const lister = { listParts: (args: Parameters<IncompleteClient['listParts']>[0]) => withRetry(() => client.listParts(args), options) };
  const parts: PartInfo[] = [];
  for await (const page of listAllParts(lister, { bucket: ref.bucket, key: ref.key, uploadId: ref.uploadId, signal })) {
    parts.push(...page.parts);
  }
  return parts.sort((a, b) => a.partNumber - b.partNumber);
}
