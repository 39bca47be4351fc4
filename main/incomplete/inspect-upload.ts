// Issue 4 item 2: one upload in full — every part across all ListParts pages (oss-protocol.md §6.5), totals, and
// whether a local job owns it.
import type { RemotePart, RemoteUploadDetails } from '../../shared/models/remote-upload';
import { formatCrc64 } from '../oss/crc64';
import type { PartInfo } from '../oss/oss-types';
import type { IncompleteClient, UploadRef } from './incomplete-client';
import { listUploadParts } from './list-upload-parts';
import { activeOwnerOf, type LocalUploadOwnership } from './local-upload-ownership';
import { summarizeParts } from './upload-stats';
import type { RetryOptions } from './with-retry';

/** A listed part in the shape the UI shows (CRC-64 as a decimal string). */
export function toRemotePart(part: PartInfo): RemotePart {
  return {
    partNumber: part.partNumber,
    sizeBytes: part.size,
    etag: part.etag,
    crc64: part.crc64 === undefined ? undefined : formatCrc64(part.crc64),
    lastModified: part.lastModified,
  };
}

/** Every part of an upload with totals and owner. NoSuchUpload (already aborted or completed) is thrown. */
export async function inspectUpload(
  client: IncompleteClient,
  ref: UploadRef,
  context: { readonly ownership: LocalUploadOwnership | undefined; readonly retry: RetryOptions },
  signal?: AbortSignal,
): Promise<RemoteUploadDetails> {
  const parts = await listUploadParts(client, ref, context.retry, signal);
  return {
    bucket: ref.bucket,
    key: ref.key,
    uploadId: ref.uploadId,
    parts: parts.map(toRemotePart),
    ...summarizeParts(parts),
    owner: activeOwnerOf(context.ownership, ref.bucket, ref.key, ref.uploadId),
  };
}
