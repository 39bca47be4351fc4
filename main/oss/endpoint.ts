// Where a request goes and what its URL looks like, for the three addressing styles of oss-protocol.md §2. Pure: no
// DNS, no I/O. The signature always names `/bucket/key` whatever the style (§2), so nothing here touches signing.
import { isIP } from 'node:net';
import { OssError } from './oss-error';
import { validateBucketName, validateObjectKey } from './oss-names';
import type { AddressingStyle } from './oss-types';
import { percentEncode } from './signing/uri-encode';

/** How an account names its endpoint: a URL or bare host (`oss-cn-hangzhou.aliyuncs.com` means https). */
export interface EndpointConfig {
  readonly endpoint: string;
  /** Default: path-style for an IP literal or `localhost`, virtual-hosted otherwise. */
  readonly addressing?: AddressingStyle | undefined;
}

/** A checked endpoint: scheme, host and the addressing style in force. */
export interface ResolvedEndpoint {
  readonly protocol: 'http:' | 'https:';
  /** Host name as in the URL (IPv6 literals keep their brackets), lower-cased. */
  readonly hostname: string;
  /** `hostname[:port]`, the port only when it is not the scheme's default. */
  readonly host: string;
  readonly addressing: AddressingStyle;
  /** True for an IP literal or `localhost`: no DNS name can be built by prefixing a bucket. */
  readonly isLocal: boolean;
}

/** What {@link buildRequestUrl} needs besides the endpoint. */
export interface RequestTarget {
  /** Omitted for service-level requests. */
  readonly bucket?: string | undefined;
  /** Raw UTF-8 object key; omitted or '' for bucket-level requests. */
  readonly key?: string | undefined;
  /** Decoded name/value pairs in wire order; '' is a bare parameter (`?uploads`). */
  readonly query?: ReadonlyArray<readonly [string, string]> | undefined;
}

/** Where to connect and what to send on the request line. */
export interface RequestUrl {
  /** `scheme://host[:port]`: the connection target (and the key of the keep-alive pool). */
  readonly origin: string;
  /** Wire path plus query string, e.g. `/dir/a%20b.bin?partNumber=1&uploadId=X`. */
  readonly path: string;
  /** The Host header; equals the origin's host except for virtual-hosted addressing of a local endpoint. */
  readonly host: string;
}

function invalidEndpoint(endpoint: string, why: string): OssError {
  return new OssError({
    code: 'InvalidArgument',
    status: 0,
    retryable: false,
    // User info (`user:password@`) is never repeated: it would put a password into logs.
    message: `Invalid endpoint ${JSON.stringify(endpoint.replace(/\/\/[^/?#]*@/, '//***@').slice(0, 200))}: ${why}`,
  });
}

function unbracketed(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/**
 * Parses and checks an endpoint. A bare host gets `https://` (gov2's default, §2). Only http and https, no user
 * info, no path other than `/`, no query or fragment: OSS endpoints are bare origins, and silently dropping a path
 * would send requests somewhere the user did not ask for. Throws InvalidArgument.
 */
export function resolveEndpoint(config: EndpointConfig): ResolvedEndpoint {
  const raw = config.endpoint.trim();
  if (raw === '') throw invalidEndpoint(raw, 'it is empty');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw invalidEndpoint(raw, 'not a URL or host name');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalidEndpoint(raw, 'use http:// or https://');
  if (url.username !== '' || url.password !== '') throw invalidEndpoint(raw, 'credentials do not belong in the URL');
  if (url.pathname !== '/' && url.pathname !== '') throw invalidEndpoint(raw, 'an endpoint has no path');
  if (url.search !== '' || url.hash !== '') throw invalidEndpoint(raw, 'an endpoint has no query or fragment');
  if (url.hostname === '') throw invalidEndpoint(raw, 'no host');
  const hostname = url.hostname.toLowerCase();
  const bare = unbracketed(hostname);
  const isLocal = bare === 'localhost' || isIP(bare) !== 0;
  const addressing = config.addressing ?? (isLocal ? 'path-style' : 'virtual-hosted');
  if (addressing === 'virtual-hosted' && isIP(bare) === 6) {
    throw invalidEndpoint(raw, 'virtual-hosted addressing needs a host name or IPv4 address; use path-style');
  }
  return { protocol: url.protocol, hostname, host: url.host.toLowerCase(), addressing, isLocal };
}

/**
 * Encodes query pairs for the wire: RFC 3986 percent-encoding of names and values (space is `%20`, never `+`; the
 * same encoder V4 canonicalises with, §4.2), a bare name for an empty value.
 */
export function encodeQuery(query: ReadonlyArray<readonly [string, string]>): string {
  return query
    .map(([name, value]) => (value === '' ? percentEncode(name, false) : `${percentEncode(name, false)}=${percentEncode(value, false)}`))
    .join('&');
}

/**
 * Builds the origin, wire path and Host of a request (§2). The key travels percent-encoded with `/` kept; the server
 * decodes it back (§11). Virtual-hosted: Host `bucket.<endpoint>`, path `/key`; for a local endpoint (IP or
 * `localhost`, where `bucket.<host>` cannot be resolved) the connection still goes to the endpoint and only the Host
 * header names the bucket, which is how the emulator and ali-oss tell the styles apart (§2). Path-style:
 * `/bucket/key`. CNAME: `/key` on the custom domain. Bucket and key are validated (InvalidArgument).
 */
export function buildRequestUrl(endpoint: ResolvedEndpoint, target: RequestTarget): RequestUrl {
  const { bucket, key = '', query = [] } = target;
  if (bucket !== undefined) validateBucketName(bucket);
  if (key !== '') {
    if (bucket === undefined) throw invalidEndpoint(endpoint.host, 'an object key needs a bucket');
    validateObjectKey(key);
  }
  const scheme = endpoint.protocol;
  let origin = `${scheme}//${endpoint.host}`;
  let host = endpoint.host;
  let pathPrefix = '/';
  if (bucket !== undefined) {
    if (endpoint.addressing === 'path-style') {
      pathPrefix = `/${bucket}/`;
    } else if (endpoint.addressing === 'virtual-hosted') {
      host = `${bucket}.${endpoint.host}`;
      if (!endpoint.isLocal) origin = `${scheme}//${host}`;
    }
    // cname: the custom domain is bound to one bucket; the path is the key alone.
  }
  const queryString = encodeQuery(query);
  const path = `${pathPrefix}${percentEncode(key, true)}${queryString === '' ? '' : `?${queryString}`}`;
  return { origin, path, host };
}
