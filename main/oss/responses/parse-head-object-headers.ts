import type { HeadObjectResult } from '../oss-types';
import { optionalHeader, readCrc64Header, requireContentLength, requireEtagHeader } from './object-headers';
import { withResponseContext } from './response-context';

/** Parses HeadObject's answer: size, ETag and CRC-64 (what verification and resume need), plus type and dates. */
export function parseHeadObjectHeaders(headers: Readonly<Record<string, string>>, requestId: string): HeadObjectResult {
  return withResponseContext(requestId, () => ({
    requestId,
    contentLength: requireContentLength(headers),
    etag: requireEtagHeader(headers),
    crc64: readCrc64Header(headers),
    lastModified: optionalHeader(headers, 'last-modified'),
    contentType: optionalHeader(headers, 'content-type'),
    objectType: optionalHeader(headers, 'x-oss-object-type'),
  }));
}
