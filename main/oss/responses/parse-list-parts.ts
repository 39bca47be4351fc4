import { MAX_LIST_PAGE_SIZE } from '../../../shared/limits';
import type { ListPartsPage, PartInfo } from '../oss-types';
import { malformedResponse } from './malformed-response';
import { parseResultDocument } from './parse-result-document';
import { withResponseContext, type ResponseParseMeta } from './response-context';
import { urlFieldDecoderFor } from './url-field-decoder';
import { readArray, readBool, readCrc64, readInt, readText } from './xml-accessors';
import type { XmlNode } from './xml-document';

function readPart(part: XmlNode): PartInfo {
  return {
    partNumber: readInt(part, 'PartNumber', { required: true }),
    etag: readText(part, 'ETag', { required: true }),
    size: readInt(part, 'Size', { required: true }),
    lastModified: readText(part, 'LastModified', { required: true }),
    crc64: readCrc64(part, 'HashCrc64ecma'), // absent on servers or parts without CRC-64: verification then relies on ETag
  };
}

/**
 * Parses one ListPartsResult page (oss-protocol.md §6.5). Sizes and part numbers become integers, CRC-64 an exact
 * bigint; `Key` is URL-decoded under `encoding-type=url`. A truncated page must say where the next one starts.
 */
export function parseListParts(xml: string, meta: ResponseParseMeta): ListPartsPage {
  return withResponseContext(meta.requestId, () => {
    const root = parseResultDocument(xml, 'ListPartsResult', meta);
    const decode = urlFieldDecoderFor(root);
    const parts = readArray(root, 'Part').map(readPart);
    const isTruncated = readBool(root, 'IsTruncated', { required: true });
    const partNumberMarker = readInt(root, 'PartNumberMarker') ?? 0;
    const nextPartNumberMarker = readInt(root, 'NextPartNumberMarker') ?? parts.at(-1)?.partNumber ?? partNumberMarker;
    // Paging resends NextPartNumberMarker (§6.5); one that does not advance would page forever.
    if (isTruncated && nextPartNumberMarker <= partNumberMarker) {
      throw malformedResponse(`ListPartsResult is truncated but NextPartNumberMarker (${nextPartNumberMarker}) does not advance`);
    }
    return {
      requestId: meta.requestId,
      bucket: readText(root, 'Bucket', { required: true }),
      key: decode(readText(root, 'Key', { required: true }), 'Key'),
      uploadId: readText(root, 'UploadId', { required: true }),
      partNumberMarker,
      nextPartNumberMarker,
      maxParts: readInt(root, 'MaxParts') ?? MAX_LIST_PAGE_SIZE, // the documented default (§6.5)
      isTruncated,
      parts,
    };
  });
}
