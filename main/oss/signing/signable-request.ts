/** The parts of an OSS request that signatures cover, independent of addressing style and transport. */
export interface SignableRequest {
  /** Upper-case HTTP verb. */
  readonly method: string;
  /** Bucket name; undefined for service-level requests. The signature always names the bucket, whatever the addressing style. */
  readonly bucket?: string | undefined;
  /** Raw UTF-8 object key (not percent-encoded); undefined or '' for bucket-level requests. */
  readonly key?: string | undefined;
  /** Query parameters as decoded name/value pairs, in any order; '' is a bare parameter (`?uploads`). */
  readonly query: ReadonlyArray<readonly [string, string]>;
  /** Request headers; names in any case. */
  readonly headers: Readonly<Record<string, string>>;
}

/** Which OSS signature algorithm an account uses. */
export type SignatureVersion = 'v1' | 'v4';
