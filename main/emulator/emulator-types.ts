// Public shapes of the local OSS-compatible emulator: how it is started, what it reports, what can be injected.
// The wire behaviour these options drive is described in ../../shared/oss-protocol.md §12 (emulator checklist).

/** One AccessKey the emulator accepts. */
export interface EmulatorCredential {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** When set, every request signed with this key must carry this STS token (header or query, §12 item 6). */
  readonly securityToken?: string | undefined;
  /** When set, requests with this key after this instant (ms since epoch, injected clock) get SecurityTokenExpired. */
  readonly securityTokenExpiresAtMs?: number | undefined;
  /** Makes ListMultipartUploads answer 403 AccessDenied for this key (RAM policy without oss:ListMultipartUploads). */
  readonly denyListUploads?: boolean | undefined;
}

/**
 * Seeded, deterministic fault injection. Rates are fractions in [0, 1]; every OSS request draws the same number of
 * values from one PRNG seeded with `seed`, so the same seed and the same request order give the same faults.
 */
export interface FaultOptions {
  readonly seed: number;
  /** Fraction of UploadPart requests whose connection is destroyed after `resetAfterBytes` body bytes. */
  readonly resetPartBodyRate: number;
  /** Body bytes read before such a reset (a shorter body is read whole, then the connection is destroyed). */
  readonly resetAfterBytes: number;
  /** Fraction of requests answered 500 InternalError without running the operation. */
  readonly error500Rate: number;
  /** Fraction of requests answered 503 ServiceUnavailable without running the operation. */
  readonly error503Rate: number;
  /** Added before every OSS request is handled. */
  readonly latencyMs: number;
  /** Per-connection cap applied while reading request bodies and writing response bodies; 0 = unlimited. */
  readonly bandwidthBytesPerSecond: number;
  /** Fraction of XML responses (after the operation ran) replaced by an unparsable document. */
  readonly malformedXmlRate: number;
  /** Fraction of XML responses (after the operation ran) cut in half, with a matching Content-Length. */
  readonly truncatedXmlRate: number;
}

/** Faults that are off. */
export const NO_FAULTS: FaultOptions = Object.freeze({
  seed: 1,
  resetPartBodyRate: 0,
  resetAfterBytes: 0,
  error500Rate: 0,
  error503Rate: 0,
  latencyMs: 0,
  bandwidthBytesPerSecond: 0,
  malformedXmlRate: 0,
  truncatedXmlRate: 0,
});

/** Makes the next `count` requests of one operation (optionally only keys with `keyPrefix`) fail with an OSS error. */
export interface FailNextRule {
  /** Operation name as in EmulatorStats.requests, e.g. `AbortMultipartUpload`. */
  readonly operation: string;
  readonly code: string;
  readonly status: number;
  readonly count: number;
  readonly keyPrefix?: string | undefined;
  readonly message?: string | undefined;
}

/** Counters a test reads to prove what went over the wire. */
export interface EmulatorStats {
  /** OSS requests by operation name (`Unknown` for unroutable ones), counted whatever their outcome. */
  readonly requests: Readonly<Record<string, number>>;
  /** Body bytes read for UploadPart requests, including bodies that were reset or rejected. */
  readonly uploadPartBytesReceived: number;
  /** The same, per `<uploadId>/<partNumber>`. */
  readonly uploadPartBytesByPart: Readonly<Record<string, number>>;
  /** UploadPart requests per `<uploadId>/<partNumber>`, whatever their outcome. */
  readonly uploadPartAttemptsByPart: Readonly<Record<string, number>>;
  /** Injected faults by kind: `reset`, `error500`, `error503`, `malformedXml`, `truncatedXml`, `failNext`. */
  readonly faultsInjected: Readonly<Record<string, number>>;
}

/** How to start an emulator. */
export interface EmulatorOptions {
  /** Only the loopback interface is ever used. */
  readonly host?: '127.0.0.1';
  /** 0 picks a free port. */
  readonly port: number;
  /** Everything (buckets, objects, uploads, parts) lives here and survives a restart. */
  readonly dataDir: string;
  /** Buckets to create if missing; buckets already in dataDir are served too. */
  readonly buckets: readonly string[];
  /** At least one; the first key id also guards the admin routes. */
  readonly credentials: readonly EmulatorCredential[];
  /** Bare region id V4 scopes must name and GetBucketInfo reports; default `cn-hangzhou`. */
  readonly region?: string;
  readonly faults?: Partial<FaultOptions>;
  /**
   * fsync every received body and every object, upload and part record before answering (default true), so a power
   * cut never loses a part or object the emulator acknowledged. Off, bodies and records still reach their files
   * (records by atomic rename) before the answer, so a killed emulator keeps them, but answers no longer wait for this
   * machine's disk to flush each part: the upload benchmark turns it off because OSS acknowledges a part once stored
   * on its replicas, not after one local disk flushed it (bench/README.md). Until 2026-11-25 records were synced
   * either way, which cost the benchmark's emulator CPU and left it waiting on its disk at random.
   */
  readonly syncBodies?: boolean;
  /** Server clock (ms since epoch) for Date, skew checks, LastModified and Initiated; default Date.now. */
  readonly now?: () => number;
  /** One line per request; never receives secrets. */
  readonly log?: (line: string) => void;
}

/** A started emulator. */
export interface RunningEmulator {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  readonly port: number;
  setFaults(faults: Partial<FaultOptions>): FaultOptions;
  faults(): FaultOptions;
  stats(): EmulatorStats;
  resetStats(): void;
  /** Queues a FailNextRule (the admin route `POST /__emulator/fail-next` does the same). */
  failNext(rule: FailNextRule): void;
  /** Back-dates (or forward-dates) an upload's Initiated time; false when the upload does not exist. */
  setUploadInitiated(bucket: string, uploadId: string, initiatedMs: number): Promise<boolean>;
  close(): Promise<void>;
}
