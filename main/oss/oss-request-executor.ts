// The one path every OSS operation takes: build the URL, sign with the corrected clock, send, and turn a non-2xx
// answer into an OssError. It does NOT retry: the engine's retry policy decides (issue 3 item 5), and a stream body
// cannot be replayed anyway. It only prepares the next attempt: RequestTimeTooSkewed corrects the clock offset and
// SecurityTokenExpired refreshes the credentials before the error is thrown.
import { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import type { CredentialProvider, Credentials } from './credentials';
import { buildRequestUrl, encodeQuery, resolveEndpoint, type ResolvedEndpoint } from './endpoint';
import { OssError } from './oss-error';
import type { AddressingStyle } from './oss-types';
import { parseErrorResponse } from './responses/parse-error-response';
import type { SignableRequest, SignatureVersion } from './signing/signable-request';
import { presignV1, signV1Headers } from './signing/sign-v1';
import { presignV4, signV4Headers } from './signing/sign-v4';
import { Transport, type HttpMethod, type TransportRequest, type TransportTimeouts } from './transport';
import type { ProgressCallback, RequestBody } from './transport-body';
import type { TransportResponse } from './transport-response';

/** How to reach and sign for one account. */
export interface OssClientConfig {
  /** `https://oss-cn-hangzhou.aliyuncs.com`, a bare host (https), `http://127.0.0.1:9000`, or a custom domain. */
  readonly endpoint: string;
  /** Bucket region, `cn-hangzhou` or `oss-cn-hangzhou`; V4 signs it. */
  readonly region: string;
  readonly addressing?: AddressingStyle | undefined;
  readonly signatureVersion: SignatureVersion;
  readonly credentials: CredentialProvider;
  /** Clock, epoch ms; default Date.now. Requests are signed at `now() + clockOffsetMs`. */
  readonly now?: (() => number) | undefined;
  readonly timeouts?: Partial<TransportTimeouts> | undefined;
  readonly connectionsPerOrigin?: number | undefined;
  /** A dispatcher to use instead of an own keep-alive Agent; not closed by close(). */
  readonly dispatcher?: Dispatcher | undefined;
}

/** One OSS request, before addressing and signing. */
export interface OssRequestSpec {
  readonly method: HttpMethod;
  readonly bucket?: string | undefined;
  readonly key?: string | undefined;
  readonly query?: ReadonlyArray<readonly [string, string]> | undefined;
  /** Headers to send and sign (Content-Type, Content-MD5, x-oss-*). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  readonly body?: RequestBody | undefined;
  readonly contentLength?: number | undefined;
  readonly onProgress?: ProgressCallback | undefined;
  readonly signal?: AbortSignal | undefined;
}

/** What to presign. */
export interface PresignSpec {
  readonly method: HttpMethod;
  readonly bucket: string;
  readonly key: string;
  /** Lifetime in whole seconds (V4 allows at most 604800). */
  readonly expiresSeconds: number;
  readonly query?: ReadonlyArray<readonly [string, string]> | undefined;
}

/** Largest error body read: real OSS error documents are well under 1 KiB (oss-protocol.md §8.1). */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** Signs, sends and checks OSS requests for one account. */
export class OssRequestExecutor {
  readonly endpoint: ResolvedEndpoint;
  readonly #config: OssClientConfig;
  readonly #transport: Transport;
  readonly #now: () => number;
  #clockOffsetMs = 0;

  constructor(config: OssClientConfig) {
    if (config.region.trim() === '') {
      throw new OssError({ code: 'InvalidArgument', status: 0, retryable: false, message: 'A region is required' });
    }
    this.endpoint = resolveEndpoint({ endpoint: config.endpoint, addressing: config.addressing });
    this.#config = config;
    this.#now = config.now ?? Date.now;
    this.#transport = new Transport({
      timeouts: config.timeouts,
      connectionsPerOrigin: config.connectionsPerOrigin,
      dispatcher: config.dispatcher,
    });
  }

  /** Milliseconds added to `now()` when signing (server time minus local time, learnt from RequestTimeTooSkewed). */
  get clockOffsetMs(): number {
    return this.#clockOffsetMs;
  }

  set clockOffsetMs(value: number) {
    if (!Number.isFinite(value)) throw new OssError({ code: 'InvalidArgument', status: 0, retryable: false, message: 'clock offset must be finite' });
    this.#clockOffsetMs = value;
  }

  /** The signing time: the local clock corrected by the learnt offset. */
  signingTimeMs(): number {
    return this.#now() + this.#clockOffsetMs;
  }

  #sign(req: SignableRequest, creds: Credentials): Record<string, string> {
    const nowMs = this.signingTimeMs();
    if (this.#config.signatureVersion === 'v1') return signV1Headers(req, creds, nowMs);
    return signV4Headers(req, creds, { nowMs, region: this.#config.region });
  }

  async #prepare(spec: OssRequestSpec): Promise<TransportRequest> {
    const query = spec.query ?? [];
    const url = buildRequestUrl(this.endpoint, { bucket: spec.bucket, key: spec.key, query });
    const headers = spec.headers ?? {};
    const creds = await this.#config.credentials.getCredentials();
    const signable: SignableRequest = { method: spec.method, bucket: spec.bucket, key: spec.key, query, headers };
    return {
      method: spec.method,
      origin: url.origin,
      path: url.path,
      host: url.host,
      headers: { ...headers, ...this.#sign(signable, creds) },
      body: spec.body,
      contentLength: spec.contentLength,
      onProgress: spec.onProgress,
      signal: spec.signal,
    };
  }

  /**
   * Sends a request and returns the 2xx response (its body still to be settled by the caller). A non-2xx answer is
   * read (at most 64 KiB), parsed and thrown as an OssError; the body is always settled before this settles.
   */
  async execute(spec: OssRequestSpec): Promise<TransportResponse> {
    let request: TransportRequest;
    try {
      request = await this.#prepare(spec);
    } catch (error) {
      // The transport owns a stream body only once it has it; before that, a failure here must close it.
      if (spec.body instanceof Readable) spec.body.destroy();
      throw error;
    }
    const response = await this.#transport.send(request);
    if (response.status >= 200 && response.status < 300) return response;
    const { text, truncated } = await response.readCapped(MAX_ERROR_BODY_BYTES);
    const error = parseErrorResponse({ status: response.status, headers: response.headers, body: text, bodyTruncated: truncated });
    throw await this.#prepareNextAttempt(error);
  }

  // Learns from the errors that the next attempt can avoid (oss-protocol.md §8.4, issue 3 item 5).
  async #prepareNextAttempt(error: OssError): Promise<OssError> {
    if (error.code === 'RequestTimeTooSkewed' && error.serverTimeMs !== undefined) {
      this.#clockOffsetMs = error.serverTimeMs - this.#now();
    }
    const refresh = this.#config.credentials.refresh;
    if (error.code === 'SecurityTokenExpired' && refresh !== undefined) {
      try {
        await refresh.call(this.#config.credentials);
      } catch (refreshError) {
        // Without fresh credentials a retry would fail the same way; the refresh error itself stays in `cause` only
        // (a provider's message may quote what it fetched).
        return new OssError(
          { ...error.toJSON(), retryable: false, message: `${error.message} (refreshing the STS credentials failed)` },
          { cause: refreshError },
        );
      }
    }
    return error;
  }

  /**
   * A presigned URL (V1 `Expires` is now + expiresSeconds; V4 `x-oss-expires` is the duration). A local endpoint
   * with virtual-hosted addressing is presigned path-style: its `bucket.<ip>` host cannot be resolved by whoever
   * fetches the URL, and neither signature covers the host (oss-protocol.md §3.5, §4.4).
   */
  async presign(spec: PresignSpec): Promise<string> {
    if (!Number.isSafeInteger(spec.expiresSeconds) || spec.expiresSeconds < 1) {
      throw new OssError({
        code: 'InvalidArgument',
        status: 0,
        retryable: false,
        message: `Presigned URL lifetime must be a positive number of seconds, got ${spec.expiresSeconds}`,
      });
    }
    const creds = await this.#config.credentials.getCredentials();
    const query = spec.query ?? [];
    const endpoint: ResolvedEndpoint =
      this.endpoint.isLocal && this.endpoint.addressing === 'virtual-hosted'
        ? { ...this.endpoint, addressing: 'path-style' }
        : this.endpoint;
    const url = buildRequestUrl(endpoint, { bucket: spec.bucket, key: spec.key, query });
    const req: SignableRequest = { method: spec.method, bucket: spec.bucket, key: spec.key, query, headers: {} };
    const nowMs = this.signingTimeMs();
    const added =
      this.#config.signatureVersion === 'v1'
        ? presignV1(req, creds, Math.floor(nowMs / 1000) + spec.expiresSeconds)
        : presignV4(req, creds, { nowMs, expiresSeconds: spec.expiresSeconds, region: this.#config.region });
    const separator = url.path.includes('?') ? '&' : '?';
    return `${url.origin}${url.path}${separator}${encodeQuery(added)}`;
  }

  /** Closes the connection pool. */
  async close(): Promise<void> {
    await this.#transport.close();
  }
}
