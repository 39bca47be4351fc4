import type { PutObjectResult } from '../oss-types';
import { optionalHeader, readCrc64Header, requireEtagHeader } from './object-headers';
import { withResponseContext } from './response-context';

/** Parses PutObject's answer: `ETag` (required), `x-oss-hash-crc64ecma` and `x-oss-version-id`. */
export function parsePutObjectHeaders(headers: Readonly<Record<string, string>>, requestId: string): PutObjectResult {
  return withResponseContext(requestId, () => ({
    requestId,
    etag: requireEtagHeader(headers),
    crc64: readCrc64Header(headers),
    versionId: optionalHeader(headers, 'x-oss-version-id'),
  }));
}
