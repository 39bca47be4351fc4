// Where AccessKey secrets and STS tokens live, apart from the account file (issue 5 item 3). Nothing that reads a
// SecretStore may hand its values to the renderer, a log line or an error message.
import type { SecretStorageKind, SecretStorageStatus } from '../../shared/models/account';

/** The secret half of an account's credentials. */
export interface AccountSecrets {
  readonly accessKeySecret: string;
  readonly securityToken?: string | undefined;
}

/** Keeps secrets per account id. */
export interface SecretStore {
  /** What kind of storage this is right now (safeStorage may be unavailable until consent). */
  readonly kind: SecretStorageKind;
  /** What the account screen should say about it. */
  status(): SecretStorageStatus;
  /** The account's secrets, or undefined when none are stored. Throws AppError SecretUnreadable. */
  get(accountId: string): Promise<AccountSecrets | undefined>;
  /** Stores (replaces) the account's secrets. Throws AppError SecretStorageUnavailable when it cannot. */
  set(accountId: string, secrets: AccountSecrets): Promise<void>;
  /** Forgets the account's secrets; nothing happens when there are none. */
  delete(accountId: string): Promise<void>;
}

/** Throws a TypeError unless `secrets` holds a non-empty secret (and, if present, a non-empty token). */
export function checkSecrets(secrets: AccountSecrets): void {
  if (typeof secrets.accessKeySecret !== 'string' || secrets.accessKeySecret === '') throw new TypeError('accessKeySecret must be a non-empty string');
  if (secrets.securityToken !== undefined && (typeof secrets.securityToken !== 'string' || secrets.securityToken === '')) {
    throw new TypeError('securityToken must be a non-empty string when present');
  }
}
