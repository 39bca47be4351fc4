// The plain (unsigned) URL of an object, for "Copy link" on a public-read bucket: the same origin, Host-derived
// addressing and key encoding as a request for it (oss-protocol.md §2), so the link names exactly the uploaded key.
import type { AccountAddressing } from '../../shared/models/account';
import { buildRequestUrl, resolveEndpoint } from '../oss/endpoint';

/**
 * `https://bucket.oss-cn-hangzhou.aliyuncs.com/dir/a%20b.txt` (virtual-hosted), `http://127.0.0.1:9000/bucket/key`
 * (path-style) or `https://cdn.example.com/key` (custom domain). Throws OssError InvalidArgument for a bad name.
 */
export function buildObjectUrl(account: { readonly endpoint: string; readonly addressing: AccountAddressing }, bucket: string, key: string): string {
  const endpoint = resolveEndpoint(account);
  const url = buildRequestUrl(endpoint, { bucket, key });
  // For a local endpoint with virtual-hosted addressing only the Host header names the bucket; a link cannot carry a
  // header, so name the host the request would have used.
  const origin = url.host === endpoint.host ? url.origin : `${endpoint.protocol}//${url.host}`;
  return `${origin}${url.path}`;
}
