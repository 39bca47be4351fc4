import type { CompleteMultipartUploadResult } from '../oss-types';
import { optionalHeader, readCrc64Header } from './object-headers';
import { parseResultDocument } from './parse-result-document';
import { withResponseContext, type ResponseParseMeta } from './response-context';
import { urlFieldDecoderFor } from './url-field-decoder';
import { readText } from './xml-accessors';

/**
 * Parses a CompleteMultipartUploadResult (oss-protocol.md §6.3). The whole-object CRC-64 and the version id come from
 * the `x-oss-hash-crc64ecma` and `x-oss-version-id` headers. An `<Error>` body behind HTTP 200 is thrown as that
 * OssError. `Location` is optional: the upload is complete once OSS says so, and failing over a cosmetic field would
 * make the caller retry a Complete whose upload id is already gone.
 */
export function parseCompleteMultipartUpload(xml: string, meta: ResponseParseMeta): CompleteMultipartUploadResult {
  return withResponseContext(meta.requestId, () => {
    const root = parseResultDocument(xml, 'CompleteMultipartUploadResult', meta);
    const decode = urlFieldDecoderFor(root);
    return {
      requestId: meta.requestId,
      bucket: readText(root, 'Bucket', { required: true }),
      key: decode(readText(root, 'Key', { required: true }), 'Key'),
      etag: readText(root, 'ETag', { required: true }),
      location: readText(root, 'Location') ?? '',
      crc64: readCrc64Header(meta.headers),
      versionId: optionalHeader(meta.headers, 'x-oss-version-id'),
    };
  });
}
