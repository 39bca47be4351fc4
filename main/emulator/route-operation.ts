// Maps method + target + sub-resources to an OSS operation name (oss-protocol.md §1 cheat sheet, §6). The names are
// the API's action names; stats, fail-next rules and logs use them.
import type { QueryParams } from './request-query';

/** Every operation the emulator serves, plus `Unknown` for anything else. */
export type OperationName =
  | 'InitiateMultipartUpload'
  | 'UploadPart'
  | 'CompleteMultipartUpload'
  | 'AbortMultipartUpload'
  | 'ListParts'
  | 'ListMultipartUploads'
  | 'PutObject'
  | 'GetObject'
  | 'HeadObject'
  | 'DeleteObject'
  | 'GetBucketInfo'
  | 'GetBucketLocation'
  | 'ListObjects'
  | 'ListObjectsV2'
  | 'Unknown';

function routeBucketLevel(method: string, query: QueryParams): OperationName {
  if (method !== 'GET') return 'Unknown';
  if (query.has('uploads')) return 'ListMultipartUploads';
  if (query.has('bucketInfo')) return 'GetBucketInfo';
  if (query.has('location')) return 'GetBucketLocation';
  if (query.get('list-type') === '2') return 'ListObjectsV2';
  return 'ListObjects';
}

function routeObjectLevel(method: string, query: QueryParams): OperationName {
  switch (method) {
    case 'POST':
      if (query.has('uploads')) return 'InitiateMultipartUpload';
      if (query.has('uploadId')) return 'CompleteMultipartUpload';
      return 'Unknown';
    case 'PUT':
      if (query.has('uploadId') || query.has('partNumber')) return 'UploadPart';
      return 'PutObject';
    case 'DELETE':
      return query.has('uploadId') ? 'AbortMultipartUpload' : 'DeleteObject';
    case 'GET':
      return query.has('uploadId') ? 'ListParts' : 'GetObject';
    case 'HEAD':
      return 'HeadObject';
    default:
      return 'Unknown';
  }
}

/** The operation a request asks for; `Unknown` when the emulator does not serve it (answered 405). */
export function routeOperation(method: string, bucket: string, key: string, query: QueryParams): OperationName {
  if (bucket === '') return 'Unknown';
  return key === '' ? routeBucketLevel(method, query) : routeObjectLevel(method, query);
}
