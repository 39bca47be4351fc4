import { MAX_LIST_PAGE_SIZE } from '../../../shared/limits';
import type { ListUploadsPage, UploadInfo } from '../oss-types';
import { malformedResponse } from './malformed-response';
import { parseIsoTimeMs } from './parse-iso-time';
import { parseResultDocument } from './parse-result-document';
import { withResponseContext, type ResponseParseMeta } from './response-context';
import { urlFieldDecoderFor, type UrlFieldDecoder } from './url-field-decoder';
import { readArray, readBool, readInt, readText } from './xml-accessors';
import { xmlPathOf, type XmlNode } from './xml-document';

function readUpload(upload: XmlNode, decode: UrlFieldDecoder): UploadInfo {
  const initiated = readText(upload, 'Initiated', { required: true });
  return {
    key: decode(readText(upload, 'Key', { required: true }), `${xmlPathOf(upload)}/Key`),
    uploadId: readText(upload, 'UploadId', { required: true }),
    initiated,
    initiatedMs: parseIsoTimeMs(initiated.trim(), `${xmlPathOf(upload)}/Initiated`),
    storageClass: readText(upload, 'StorageClass'), // in gov2's mock XML, parsed by neither Go SDK: optional (§6.6)
  };
}

/**
 * Parses one ListMultipartUploadsResult page (oss-protocol.md §6.6). Under `encoding-type=url` the fields §6.7 lists
 * (Delimiter, KeyMarker, Prefix, NextKeyMarker, Upload/Key) are URL-decoded, and CommonPrefixes/Prefix too (gov1
 * `decodeListMultipartUploadResult` decodes it). A truncated page must carry the markers of the next one.
 */
export function parseListMultipartUploads(xml: string, meta: ResponseParseMeta): ListUploadsPage {
  return withResponseContext(meta.requestId, () => {
    const root = parseResultDocument(xml, 'ListMultipartUploadsResult', meta);
    const decode = urlFieldDecoderFor(root);
    const optional = (name: string): string => decode(readText(root, name) ?? '', name);
    const isTruncated = readBool(root, 'IsTruncated', { required: true });
    const nextKeyMarker = optional('NextKeyMarker');
    // Paging sends NextKeyMarker back as key-marker (§6.6); without it the next request would restart from the top.
    if (isTruncated && nextKeyMarker === '') {
      throw malformedResponse('ListMultipartUploadsResult is truncated but has no NextKeyMarker');
    }
    return {
      requestId: meta.requestId,
      bucket: readText(root, 'Bucket', { required: true }),
      prefix: optional('Prefix'),
      delimiter: optional('Delimiter'),
      keyMarker: optional('KeyMarker'),
      uploadIdMarker: readText(root, 'UploadIdMarker') ?? '',
      nextKeyMarker,
      nextUploadIdMarker: readText(root, 'NextUploadIdMarker') ?? '',
      maxUploads: readInt(root, 'MaxUploads') ?? MAX_LIST_PAGE_SIZE, // the documented default (§6.6)
      isTruncated,
      uploads: readArray(root, 'Upload').map((upload) => readUpload(upload, decode)),
      commonPrefixes: readArray(root, 'CommonPrefixes').map((entry) =>
        decode(readText(entry, 'Prefix', { required: true }), `${xmlPathOf(entry)}/Prefix`),
      ),
    };
  });
}
