// HTTP for the OSS client, on undici (oss-protocol.md §11): a keep-alive pool per origin, an AbortSignal and three
// timeouts on every request, request bodies with an exact Content-Length and byte progress, and every failure as an
// OssError. It knows nothing of signing or XML; the caller builds headers and reads bodies through TransportResponse.
import { Agent, type Dispatcher } from 'undici';
import { OssError } from './oss-error';
import { prepareBody, type ProgressCallback, type RequestBody } from './transport-body';
import { abortedError, toTransportError, type RequestDescription } from './transport-errors';
import { TransportResponse } from './transport-response';

/** The three waits a request can get stuck in, in milliseconds (0 disables one). */
export interface TransportTimeouts {
  /** TCP (and TLS) connection set-up. */
  readonly connectMs: number;
  /**
   * Waiting for response headers. undici arms it when the request starts and re-arms it whenever the socket pushes
   * back and when the body has been sent, so it also catches an upload the server stopped reading.
   */
  readonly headersMs: number;
  /** Longest gap between two chunks of a response body (an idle timeout, not a total one). */
  readonly bodyIdleMs: number;
}

/** Defaults: generous enough for a slow link, short enough that a dead one is noticed within a minute. */
export const DEFAULT_TRANSPORT_TIMEOUTS: TransportTimeouts = { connectMs: 10_000, headersMs: 60_000, bodyIdleMs: 60_000 };

/**
 * Connections per origin. The engine runs at most 8 requests at once by default (issue 3 item 3) and up to a few
 * more for control calls while parts are in flight; 16 leaves room without queueing behind a slow part.
 */
export const DEFAULT_CONNECTIONS_PER_ORIGIN = 16;

/** Options of {@link Transport}. */
export interface TransportOptions {
  readonly timeouts?: Partial<TransportTimeouts> | undefined;
  readonly connectionsPerOrigin?: number | undefined;
  /** Use this dispatcher instead of an own Agent (tests, proxies). It is not closed by {@link Transport.close}. */
  readonly dispatcher?: Dispatcher | undefined;
}

/** HTTP methods the OSS operations use. */
export type HttpMethod = 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';

/** One request: where, what, and how to report and cancel it. */
export interface TransportRequest {
  readonly method: HttpMethod;
  /** `scheme://host[:port]`. */
  readonly origin: string;
  /** Wire path with query string, already percent-encoded. */
  readonly path: string;
  /** The Host header to send (may differ from the origin's host, see endpoint.ts). */
  readonly host: string;
  /** Every other header, exactly as signed; the transport adds none (undici adds none for these body types). */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: RequestBody | undefined;
  /** Required with a body: sent as Content-Length; undici fails the request if the body yields another length. */
  readonly contentLength?: number | undefined;
  readonly onProgress?: ProgressCallback | undefined;
  readonly signal?: AbortSignal | undefined;
}

function invalidRequest(message: string): OssError {
  return new OssError({ code: 'InvalidArgument', status: 0, retryable: false, message });
}

function bodyLength(req: TransportRequest): number | undefined {
  if (req.body === undefined) return undefined;
  const length = req.contentLength ?? (req.body instanceof Uint8Array ? req.body.byteLength : undefined);
  if (length === undefined || !Number.isSafeInteger(length) || length < 0) {
    throw invalidRequest('a request body needs an exact, non-negative Content-Length');
  }
  if (req.body instanceof Uint8Array && length !== req.body.byteLength) {
    throw invalidRequest(`Content-Length ${length} differs from the body's ${req.body.byteLength} bytes`);
  }
  return length;
}

function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

function describe(req: TransportRequest): RequestDescription {
  const q = req.path.indexOf('?');
  return { method: req.method, host: req.host, path: q < 0 ? req.path : req.path.slice(0, q) };
}

/** Sends OSS requests over keep-alive connections and turns every failure into an OssError. */
export class Transport {
  /** The timeouts in force (defaults merged with the options). */
  readonly timeouts: TransportTimeouts;
  readonly #dispatcher: Dispatcher;
  readonly #ownsDispatcher: boolean;

  constructor(options: TransportOptions = {}) {
    this.timeouts = { ...DEFAULT_TRANSPORT_TIMEOUTS, ...options.timeouts };
    this.#ownsDispatcher = options.dispatcher === undefined;
    this.#dispatcher =
      options.dispatcher ??
      // An Agent keeps one Pool per origin, each with keep-alive connections (undici's default keep-alive applies).
      new Agent({
        connections: options.connectionsPerOrigin ?? DEFAULT_CONNECTIONS_PER_ORIGIN,
        connect: { timeout: this.timeouts.connectMs },
        headersTimeout: this.timeouts.headersMs,
        bodyTimeout: this.timeouts.bodyIdleMs,
      });
  }

  /**
   * Sends a request and resolves once response headers arrived, whatever the status. The caller must settle the
   * response body through one of TransportResponse's methods. A stream body is always consumed or destroyed by then.
   * Rejects with Aborted when the signal fired, else with the body stream's own error exactly as it was raised (e.g.
   * SourceChanged from body-source.ts), else with the OssError the network failure maps to.
   */
  async send(req: TransportRequest): Promise<TransportResponse> {
    const description = describe(req);
    const { signal } = req;
    if (signal?.aborted === true) {
      if (req.body !== undefined && !(req.body instanceof Uint8Array)) req.body.destroy();
      throw abortedError(description, signal.reason);
    }
    let length: number | undefined;
    try {
      length = bodyLength(req);
    } catch (error) {
      if (req.body !== undefined && !(req.body instanceof Uint8Array)) req.body.destroy();
      throw error;
    }
    const prepared = prepareBody(req.body, req.onProgress);
    const headers: Record<string, string> = { ...req.headers, host: req.host };
    if (length !== undefined) headers['content-length'] = String(length);
    try {
      // dispatcher.request with origin and path, not request(url): a URL would be normalised, and a key such as
      // `a/../b` must reach the server as written.
      const data = await this.#dispatcher.request({
        origin: req.origin,
        path: req.path,
        method: req.method,
        headers,
        body: prepared.body,
        signal,
        headersTimeout: this.timeouts.headersMs,
        bodyTimeout: this.timeouts.bodyIdleMs,
      });
      return new TransportResponse(data, description, signal, prepared.release);
    } catch (error) {
      prepared.release();
      const sourceError = prepared.sourceError();
      // Re-read through a call: TypeScript narrowed `aborted` to false above, but it may have flipped while awaiting.
      if (sourceError !== undefined && !isAborted(signal)) throw sourceError;
      throw toTransportError(error, description, signal);
    }
  }

  /** Closes the own connection pool (waits for running requests); an injected dispatcher is left open. */
  async close(): Promise<void> {
    if (this.#ownsDispatcher) await this.#dispatcher.close();
  }
}
