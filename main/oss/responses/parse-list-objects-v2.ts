import type { ListObjectsPage, ObjectInfo } from '../oss-types';
import { malformedResponse } from './malformed-response';
import { parseResultDocument } from './parse-result-document';
import { withResponseContext, type ResponseParseMeta } from './response-context';
import { urlFieldDecoderFor, type UrlFieldDecoder } from './url-field-decoder';
import { readArray, readBool, readInt, readText } from './xml-accessors';
import { xmlPathOf, type XmlNode } from './xml-document';

function readObject(entry: XmlNode, decode: UrlFieldDecoder): ObjectInfo {
  return {
    key: decode(readText(entry, 'Key', { required: true }), `${xmlPathOf(entry)}/Key`),
    size: readInt(entry, 'Size', { required: true }),
    etag: readText(entry, 'ETag', { required: true }),
    lastModified: readText(entry, 'LastModified', { required: true }),
  };
}

/**
 * Parses one ListObjectsV2 page (`list-type=2`, root `ListBucketResult`). Under `encoding-type=url` it decodes what
 * gov2 decodes (`unmarshalEncodeType` in `oss/api_op_bucket.go`): Prefix, Delimiter, NextContinuationToken,
 * Contents/Key and CommonPrefixes/Prefix. A truncated page must carry NextContinuationToken.
 */
export function parseListObjectsV2(xml: string, meta: ResponseParseMeta): ListObjectsPage {
  return withResponseContext(meta.requestId, () => {
    const root = parseResultDocument(xml, 'ListBucketResult', meta);
    const decode = urlFieldDecoderFor(root);
    const isTruncated = readBool(root, 'IsTruncated', { required: true });
    const token = readText(root, 'NextContinuationToken');
    const nextContinuationToken = token === undefined || token === '' ? undefined : decode(token, 'NextContinuationToken');
    if (isTruncated && nextContinuationToken === undefined) {
      throw malformedResponse('ListBucketResult is truncated but has no NextContinuationToken');
    }
    return {
      requestId: meta.requestId,
      bucket: readText(root, 'Name', { required: true }),
      prefix: decode(readText(root, 'Prefix') ?? '', 'Prefix'),
      delimiter: decode(readText(root, 'Delimiter') ?? '', 'Delimiter'),
      isTruncated,
      nextContinuationToken,
      objects: readArray(root, 'Contents').map((entry) => readObject(entry, decode)),
      commonPrefixes: readArray(root, 'CommonPrefixes').map((entry) =>
        decode(readText(entry, 'Prefix', { required: true }), `${xmlPathOf(entry)}/Prefix`),
      ),
    };
  });
}
