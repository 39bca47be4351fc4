import { OssError } from '../oss-error';

/**
 * Builds the `MalformedResponse` error. It is retryable: a body cut short by a flaky link, or a proxy that answered in
 * OSS's place, is usually fine on the next attempt (issue 2: "malformed/truncated … responses become typed errors").
 * `status` is 0 when no HTTP status is known yet; response parsers fill in 200 and the request id (see withResponseContext).
 */
export function malformedResponse(
  message: string,
  context: { readonly status?: number; readonly requestId?: string; readonly cause?: unknown } = {},
): OssError {
  return new OssError(
    { code: 'MalformedResponse', status: context.status ?? 0, message, requestId: context.requestId, retryable: true },
    context.cause === undefined ? undefined : { cause: context.cause },
  );
}

/** Quotes a server-supplied value for an error message, shortened so a huge value cannot bloat logs. */
export function quoteForMessage(value: string, maxChars = 64): string {
  const shown = value.length > maxChars ? `${value.slice(0, maxChars)}…` : value;
  return JSON.stringify(shown);
}
