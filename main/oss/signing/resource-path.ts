// The object path both signature versions cover (oss-protocol.md §2, §3.2, §4.2).
import type { SignableRequest } from './signable-request';

/**
 * `/bucket/key` with the raw key, `/bucket/` for a bucket-level request, `/` for a service-level one. The bucket is
 * always there, whatever the addressing style: gov2 builds it from the request's Bucket, not from the URL.
 */
export function resourcePath(req: Pick<SignableRequest, 'bucket' | 'key'>): string {
  const bucketPart = req.bucket !== undefined && req.bucket !== '' ? `${req.bucket}/` : '';
  return `/${bucketPart}${req.key ?? ''}`;
}
