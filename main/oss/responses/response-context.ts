import { isOssError, OssError } from '../oss-error';

/** What every response parser receives besides the body: the request id and the response headers. */
export interface ResponseParseMeta {
  readonly requestId: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** Looks a response header up by name, ignoring case (undici lower-cases them; tests and other callers may not). */
export function readHeader(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const lower = name.toLowerCase();
  if (Object.hasOwn(headers, lower)) return headers[lower];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === lower) return value;
  }
  return undefined;
}

/**
 * Runs a parser of a successful (2xx) response and stamps the request id, and status 200, on any MalformedResponse it
 * throws, so a bad body can be reported to OSS support with its request id.
 */
export function withResponseContext<T>(requestId: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (isOssError(error) && error.code === 'MalformedResponse' && error.status === 0) {
      throw new OssError(
        { ...error.toJSON(), status: 200, requestId: error.requestId ?? (requestId === '' ? undefined : requestId) },
        { cause: error.cause },
      );
    }
    throw error;
  }
}
