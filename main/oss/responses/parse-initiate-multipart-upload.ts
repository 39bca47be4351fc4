import type { InitiateMultipartUploadResult } from '../oss-types';
import { parseResultDocument } from './parse-result-document';
import { withResponseContext, type ResponseParseMeta } from './response-context';
import { urlFieldDecoderFor } from './url-field-decoder';
import { readText } from './xml-accessors';

/** Parses an InitiateMultipartUploadResult (oss-protocol.md §6.1); `Key` is URL-decoded under `encoding-type=url`. */
export function parseInitiateMultipartUpload(xml: string, meta: ResponseParseMeta): InitiateMultipartUploadResult {
  return withResponseContext(meta.requestId, () => {
    const root = parseResultDocument(xml, 'InitiateMultipartUploadResult', meta);
    const decode = urlFieldDecoderFor(root);
    return {
      requestId: meta.requestId,
      bucket: readText(root, 'Bucket', { required: true }),
      key: decode(readText(root, 'Key', { required: true }), 'Key'),
      uploadId: readText(root, 'UploadId', { required: true }),
    };
  });
}
