// What kind of endpoint the user typed, for the hint under the field and to fill the region in. Endpoint forms follow
// Alibaba Cloud's "Regions and endpoints" page: `oss-<region>.aliyuncs.com` (public), `oss-<region>-internal.aliyuncs.com`
// (internal, reachable only from ECS in that region), `oss-accelerate[-overseas].aliyuncs.com` (transfer acceleration);
// anything else is a custom domain bound to a bucket (CNAME) or a local server.

/** The kind of an endpoint. */
export type EndpointKind = 'public' | 'internal' | 'accelerate' | 'local' | 'custom' | 'invalid';

/** What the form says about an endpoint. */
export interface EndpointDescription {
  readonly kind: EndpointKind;
  /** The region named in the host (`cn-hangzhou`), for public and internal endpoints. */
  readonly region?: string | undefined;
}

const ALIYUN_HOST = /^oss-([a-z0-9-]+?)(-internal)?\.aliyuncs\.com$/;
const ACCELERATE_HOST = /^oss-accelerate(-overseas)?\.aliyuncs\.com$/;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The URL an endpoint stands for; a bare host means https, as main reads it (main/oss/endpoint.ts). */
export function parseEndpointUrl(endpoint: string): URL | undefined {
  const trimmed = endpoint.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return url.hostname === '' ? undefined : url;
  } catch {
    return undefined;
  }
}

/** Classifies an endpoint. */
export function describeEndpoint(endpoint: string): EndpointDescription {
  const url = parseEndpointUrl(endpoint);
  if (url === undefined) return { kind: 'invalid' };
  const host = url.hostname.toLowerCase();
  if (LOCAL_HOSTS.has(host)) return { kind: 'local' };
  if (ACCELERATE_HOST.test(host)) return { kind: 'accelerate' };
  const match = ALIYUN_HOST.exec(host);
  if (match?.[1] !== undefined) return { kind: match[2] === undefined ? 'public' : 'internal', region: match[1] };
  return { kind: 'custom' };
}

/**
 * Scheme, host and port of an endpoint. Main asks for the secret again when these change (a saved secret only signs
 * requests to the host it was entered for; main/accounts/account-service.ts), so the form asks first.
 */
export function endpointOrigin(endpoint: string): string | undefined {
  return parseEndpointUrl(endpoint)?.origin;
}
