import type { UploadPartResult } from '../oss-types';
import { readCrc64Header, requireEtagHeader } from './object-headers';
import { withResponseContext } from './response-context';

/** Parses UploadPart's answer: `ETag` (required, quotes kept) and `x-oss-hash-crc64ecma` (oss-protocol.md §6.2). */
export function parseUploadPartHeaders(headers: Readonly<Record<string, string>>, requestId: string): UploadPartResult {
  return withResponseContext(requestId, () => ({
    requestId,
    etag: requireEtagHeader(headers),
    crc64: readCrc64Header(headers),
  }));
}
