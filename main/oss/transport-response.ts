// A response whose body is always read to the end or destroyed, never left half-read: undici keeps a socket busy
// until its body is consumed (undici README "Garbage Collection"), so a forgotten body leaks a connection.
import { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import { OssError } from './oss-error';
import { toTransportError, type RequestDescription } from './transport-errors';

/** A capped read of a body: the text, and whether the body was longer than the cap (then it was cut and destroyed). */
export interface CappedText {
  readonly text: string;
  readonly truncated: boolean;
}

/** Plain, lower-cased response headers; a repeated header's values joined with `, ` (RFC 9110 §5.3). */
export function flattenHeaders(headers: Dispatcher.ResponseData['headers']): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** A response from the transport. Exactly one of the body methods should be used; each settles the body. */
export class TransportResponse {
  /** HTTP status code. */
  readonly status: number;
  /** Lower-cased response headers. */
  readonly headers: Readonly<Record<string, string>>;
  /** `x-oss-request-id`, or '' when the server sent none. */
  readonly requestId: string;
  readonly #body: Dispatcher.ResponseData['body'];
  readonly #request: RequestDescription;
  readonly #signal: AbortSignal | undefined;

  /** Wraps undici's response; `onSettled` runs once the body has ended or been destroyed. */
  constructor(
    data: Dispatcher.ResponseData,
    request: RequestDescription,
    signal: AbortSignal | undefined,
    onSettled: () => void,
  ) {
    this.status = data.statusCode;
    this.headers = flattenHeaders(data.headers);
    this.requestId = this.headers['x-oss-request-id'] ?? '';
    this.#body = data.body;
    this.#request = request;
    this.#signal = signal;
    this.#body.once('close', onSettled);
    // A body that errors before anyone reads it must not become an unhandled 'error' event.
    this.#body.on('error', () => undefined);
  }

  /**
   * Reads the body up to `maxBytes`. A longer body is cut there and destroyed (the rest is never buffered, so a
   * 50 MB error page costs `maxBytes` of memory). undici's body timeout applies between chunks. Network failures
   * while reading become OssErrors.
   */
  async readCapped(maxBytes: number): Promise<CappedText> {
    const chunks: Buffer[] = [];
    let total = 0;
    let truncated = false;
    try {
      for await (const chunk of this.#body) {
        const buffer = chunk as Buffer;
        if (total + buffer.byteLength > maxBytes) {
          chunks.push(buffer.subarray(0, maxBytes - total));
          total = maxBytes;
          truncated = true;
          break; // leaving for-await destroys the body stream, which closes the socket
        }
        chunks.push(buffer);
        total += buffer.byteLength;
      }
    } catch (error) {
      throw toTransportError(error, this.#request, this.#signal);
    }
    return { text: Buffer.concat(chunks, total).toString('utf8'), truncated };
  }

  /** Reads the whole body as UTF-8 text; a body over `maxBytes` is a ResponseTooLarge error (not retryable). */
  async readText(maxBytes: number): Promise<string> {
    const { text, truncated } = await this.readCapped(maxBytes);
    if (truncated) {
      throw new OssError({
        code: 'ResponseTooLarge',
        status: this.status,
        requestId: this.requestId === '' ? undefined : this.requestId,
        retryable: false,
        message: `${this.#request.method} ${this.#request.host}${this.#request.path}: response body over ${maxBytes} bytes`,
      });
    }
    return text;
  }

  /**
   * Reads and drops a body that should be empty (UploadPart, Abort), so the connection can be reused; one longer
   * than `maxBytes` is destroyed instead. Network errors while draining are reported: the answer may be incomplete.
   */
  async discard(maxBytes = 64 * 1024): Promise<void> {
    await this.readCapped(maxBytes);
  }

  /** Destroys the body without reading it (the connection is closed rather than reused). */
  destroy(): void {
    if (!this.#body.destroyed) this.#body.destroy();
  }

  /**
   * The body as a byte stream whose errors are OssErrors (NetworkError, BodyTimeout, Aborted, …). The caller must
   * consume or destroy it; destroying it destroys the underlying response.
   */
  stream(): Readable {
    const body = this.#body;
    const request = this.#request;
    const signal = this.#signal;
    async function* mapped(): AsyncGenerator<Buffer> {
      try {
        for await (const chunk of body) yield chunk as Buffer;
      } catch (error) {
        throw toTransportError(error, request, signal);
      }
    }
    const out = Readable.from(mapped(), { objectMode: false });
    // If the consumer destroys `out` before the generator starts, the generator never runs: close the body directly.
    out.once('close', () => this.destroy());
    return out;
  }
}
