// Which bucket and key a request names (oss-protocol.md §2, §12 item 1). One rule serves both ways ali-oss talks to a
// local server: a Host that is an IP literal or `localhost` means path-style (`/bucket/key`); any other Host is
// virtual-hosted and its first label is the bucket (`Host: bucket.oss-cn-hangzhou.aliyuncs.com`, path `/key`).
import { isIP } from 'node:net';
import { ossErrors } from './emulator-error';

/** How the bucket was named. */
export type AddressingStyle = 'path-style' | 'virtual-hosted';

/** Bucket and raw (percent-decoded) key of a request; both '' when absent. */
export interface RequestTarget {
  readonly style: AddressingStyle;
  readonly bucket: string;
  readonly key: string;
  /** The raw query string after `?`, or ''. */
  readonly rawQuery: string;
}

/** Host name without port or IPv6 brackets, lower-cased. */
export function hostNameOf(hostHeader: string): string {
  const trimmed = hostHeader.trim().toLowerCase();
  if (trimmed.startsWith('[')) {
    const end = trimmed.indexOf(']');
    return end < 0 ? trimmed : trimmed.slice(1, end);
  }
  const colon = trimmed.lastIndexOf(':');
  return colon < 0 ? trimmed : trimmed.slice(0, colon);
}

/** True for hosts that mean path-style addressing: IP literals and `localhost`. */
export function isPathStyleHost(hostHeader: string | undefined): boolean {
  if (hostHeader === undefined || hostHeader.trim() === '') return true;
  const name = hostNameOf(hostHeader);
  return name === 'localhost' || isIP(name) !== 0;
}

function decodePath(rawPath: string): string {
  try {
    // Path segments keep `+` literal (vector Q2: key `key+123` travels as `key%2B123`, but a raw `+` is a `+`).
    return decodeURIComponent(rawPath);
  } catch {
    throw ossErrors.invalidUri();
  }
}

/** Resolves a request's Host header and URL (`/path?query`) to bucket, key and raw query. */
export function resolveRequestTarget(hostHeader: string | undefined, url: string): RequestTarget {
  const q = url.indexOf('?');
  const rawPath = q < 0 ? url : url.slice(0, q);
  const rawQuery = q < 0 ? '' : url.slice(q + 1);
  if (!rawPath.startsWith('/')) throw ossErrors.invalidUri();
  const path = decodePath(rawPath).slice(1);

  if (isPathStyleHost(hostHeader)) {
    const slash = path.indexOf('/');
    if (slash < 0) return { style: 'path-style', bucket: path, key: '', rawQuery };
    return { style: 'path-style', bucket: path.slice(0, slash), key: path.slice(slash + 1), rawQuery };
  }
  const name = hostNameOf(hostHeader ?? '');
  const dot = name.indexOf('.');
  const bucket = dot < 0 ? name : name.slice(0, dot);
  return { style: 'virtual-hosted', bucket, key: path, rawQuery };
}
