// Accounts as the renderer sees and edits them (issue 5 item 3). The renderer never sees a secret: it gets a masked
// AccessKey ID and two booleans. A secret crosses renderer → main only while the user types it in (add, update, test
// a draft) and never crosses back.

/** How the request URL names the bucket (oss-protocol.md §2); the same union as main/oss AddressingStyle. */
export type AccountAddressing = 'virtual-hosted' | 'path-style' | 'cname';

/** Which OSS signature an account uses. */
export type AccountSignatureVersion = 'v1' | 'v4';

/** An account, safe for the renderer: no secret, no token, the key id masked. */
export interface AccountView {
  readonly id: string;
  readonly name: string;
  /** `https://oss-cn-hangzhou.aliyuncs.com`, an internal or accelerate endpoint, or a custom domain. */
  readonly endpoint: string;
  readonly region: string;
  readonly buckets: readonly string[];
  readonly signatureVersion: AccountSignatureVersion;
  readonly addressing: AccountAddressing;
  /** E.g. `LTAI****abcd`: enough to recognise the key, not enough to use it. */
  readonly maskedAccessKeyId: string;
  readonly hasSecret: boolean;
  readonly hasSecurityToken: boolean;
  /** The "Local emulator" account main created on first start (issue 5 item 4). */
  readonly isLocalEmulator: boolean;
}

/** Everything needed to create an account, as typed into the form (secrets included, once). */
export interface AccountDraft {
  readonly name: string;
  readonly endpoint: string;
  readonly region: string;
  readonly buckets: readonly string[];
  readonly signatureVersion: AccountSignatureVersion;
  readonly addressing: AccountAddressing;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** STS token of temporary credentials. */
  readonly securityToken?: string | undefined;
}

/**
 * A change to an account. An omitted field is kept. `accessKeySecret` replaces the stored secret (required when
 * `accessKeyId` changes: a key id and its secret are a pair); `securityToken: null` removes a stored token.
 */
export interface AccountPatch {
  readonly name?: string | undefined;
  readonly endpoint?: string | undefined;
  readonly region?: string | undefined;
  readonly buckets?: readonly string[] | undefined;
  readonly signatureVersion?: AccountSignatureVersion | undefined;
  readonly addressing?: AccountAddressing | undefined;
  readonly accessKeyId?: string | undefined;
  readonly accessKeySecret?: string | undefined;
  readonly securityToken?: string | null | undefined;
}

/** What "Test connection" tests: a saved account (optionally with unsaved edits from the form), or a new draft. */
export type ConnectionTestTarget =
  | { readonly accountId: string; readonly patch?: AccountPatch | undefined }
  | { readonly draft: AccountDraft };

/** The steps of a connection test, in the order they are reported. */
export type ConnectionCheckName = 'endpoint' | 'credentials' | 'clock' | 'bucket' | 'listUploads';

/**
 * Outcome of one check. `warning`: it works, with a limit (no permission to list incomplete uploads; a skewed clock
 * the app corrects for). `skipped`: an earlier failure made the check impossible.
 */
export type ConnectionCheckStatus = 'passed' | 'warning' | 'failed' | 'skipped';

/** One line of the connection test report. */
export interface ConnectionCheck {
  readonly name: ConnectionCheckName;
  readonly status: ConnectionCheckStatus;
  /** Set for `bucket` and `listUploads`, which run once per bucket. */
  readonly bucket?: string | undefined;
  /** The OSS or client error code behind a warning or failure. */
  readonly code?: string | undefined;
  readonly requestId?: string | undefined;
  /** What to do about it. */
  readonly advice?: string | undefined;
}

/** The whole report; `ok` when no check failed (warnings allowed). */
export interface ConnectionTestResult {
  readonly ok: boolean;
  readonly checks: readonly ConnectionCheck[];
}

/**
 * Where secrets are kept. `os-encrypted`: the OS keyring (Keychain, DPAPI, libsecret/kwallet) through safeStorage.
 * `plaintext-consented`: no keyring, and the user explicitly allowed unencrypted storage. `plaintext-file`: the
 * development harness's file store, never used by the desktop app. `unavailable`: no keyring and no consent, so
 * nothing can be saved.
 */
export type SecretStorageKind = 'os-encrypted' | 'plaintext-consented' | 'plaintext-file' | 'unavailable';

/** What the account screen says about secret storage before the user types a secret. */
export interface SecretStorageStatus {
  readonly kind: SecretStorageKind;
  /** False when saving a secret would fail (`unavailable`). */
  readonly canStore: boolean;
  /** True when secrets are (or would be) written without encryption. */
  readonly plaintext: boolean;
  /** One sentence for the user when kind is not `os-encrypted`. */
  readonly message?: string | undefined;
}

/** Error codes the account service throws (as AppError). */
export type AccountErrorCode =
  | 'AccountNotFound'
  | 'InvalidAccount' // a field main rejects beyond the schema (unparsable endpoint, bad bucket name)
  | 'SecretRequired' // the key id changed without a new secret
  | 'SecretStorageUnavailable' // no keyring and no consent to store in plain text
  | 'SecretUnreadable'; // the stored secret could not be decrypted (keyring reset, file edited)
