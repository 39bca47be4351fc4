import type { BucketInfo } from '../oss-types';
import { parseResultDocument } from './parse-result-document';
import { withResponseContext, type ResponseParseMeta } from './response-context';
import { readChild, readText } from './xml-accessors';

/** Parses GetBucketInfo (`GET /?bucketInfo`, root `BucketInfo`, child `Bucket`), the cheap "test connection" call. */
export function parseGetBucketInfo(xml: string, meta: ResponseParseMeta): BucketInfo {
  return withResponseContext(meta.requestId, () => {
    const root = parseResultDocument(xml, 'BucketInfo', meta);
    const bucket = readChild(root, 'Bucket', { required: true });
    return {
      requestId: meta.requestId,
      name: readText(bucket, 'Name', { required: true }),
      location: readText(bucket, 'Location', { required: true }),
      creationDate: readText(bucket, 'CreationDate', { required: true }),
      storageClass: readText(bucket, 'StorageClass'),
      extranetEndpoint: readText(bucket, 'ExtranetEndpoint'),
      intranetEndpoint: readText(bucket, 'IntranetEndpoint'),
    };
  });
}
