// Accounts for the rest of main (issue 5 item 3): add, edit, remove and test them, and hand out credential
// providers and OSS clients. What the IPC layer may pass to the renderer (list, add, update, test, secretStorage)
// returns AccountViews and reports, never a secret. `secretsForRedaction` exists for the log redactor only.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/ipc/app-error';
import type {
  AccountDraft,
  AccountPatch,
  AccountView,
  ConnectionTestResult,
  ConnectionTestTarget,
  SecretStorageStatus,
} from '../../shared/models/account';
import type { CredentialProvider, Credentials } from '../oss/credentials';
import { resolveEndpoint } from '../oss/endpoint';
import { OssClient, type OssClientConfig } from '../oss/oss-client';
import { isOssError } from '../oss/oss-error';
import { toAccountView, type Account } from './account';
import { checkConnectionFields, endpointMoved, secretsOf } from './account-fields';
import type { AccountStore } from './account-store';
import { runConnectionTest } from './run-connection-test';
import type { AccountSecrets, SecretStore } from './secret-store';

/** Client settings shared by every account (timeouts, pool size, a test dispatcher). */
export type ClientOptions = Pick<OssClientConfig, 'timeouts' | 'connectionsPerOrigin' | 'dispatcher' | 'now'>;

/** What AccountService needs. */
export interface AccountServiceOptions {
  readonly store: AccountStore;
  readonly secrets: SecretStore;
  readonly now?: (() => number) | undefined;
  /** New account ids; default randomUUID. */
  readonly newId?: (() => string) | undefined;
  readonly clientOptions?: ClientOptions | undefined;
  /** Timeouts of "test connection", shorter than uploads' so a wrong endpoint answers quickly. */
  readonly testTimeouts?: OssClientConfig['timeouts'] | undefined;
}

/** The account fields a client is built from. */
type ConnectionSettings = Pick<Account, 'endpoint' | 'region' | 'buckets' | 'signatureVersion' | 'addressing' | 'accessKeyId'>;

const DEFAULT_TEST_TIMEOUTS = { connectMs: 5_000, headersMs: 15_000, bodyIdleMs: 15_000 };

/** Accounts, their secrets, their credential providers and clients. */
export class AccountService {
  readonly #store: AccountStore;
  readonly #secrets: SecretStore;
  readonly #now: () => number;
  readonly #newId: () => string;
  readonly #clientOptions: ClientOptions;
  readonly #testTimeouts: OssClientConfig['timeouts'];
  readonly #credentialCache = new Map<string, Promise<AccountSecrets | undefined>>();
  readonly #seenSecrets = new Set<string>();
  readonly #listeners = new Set<(accounts: readonly AccountView[]) => void>();

  constructor(options: AccountServiceOptions) {
    this.#store = options.store;
    this.#secrets = options.secrets;
    this.#now = options.now ?? Date.now;
    this.#newId = options.newId ?? randomUUID;
    this.#clientOptions = options.clientOptions ?? {};
    this.#testTimeouts = options.testTimeouts ?? DEFAULT_TEST_TIMEOUTS;
  }

  /** Every account, as the renderer may see it. */
  list(): AccountView[] {
    return this.#store.list().map(toAccountView);
  }

  /** One account's view; throws AppError AccountNotFound. */
  get(accountId: string): AccountView {
    return toAccountView(this.#require(accountId));
  }

  /** Where secrets are kept, for the account screen. */
  secretStorageStatus(): SecretStorageStatus {
    return this.#secrets.status();
  }

  /** Listens to account changes (the whole list after each); returns the unsubscribe function. */
  onChange(listener: (accounts: readonly AccountView[]) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Saves a new account: the secret first (so no account ever claims a secret it lacks), then the account. Only main
   * passes `isLocalEmulator` (the embedded default account, issue 5 item 4).
   */
  async add(draft: AccountDraft, options: { readonly isLocalEmulator?: boolean } = {}): Promise<AccountView> {
    checkConnectionFields(draft);
    const id = this.#newId();
    const secrets = secretsOf(draft);
    this.#remember(secrets);
    await this.#secrets.set(id, secrets);
    const nowMs = this.#now();
    const account: Account = {
      id,
      name: draft.name.trim(),
      endpoint: draft.endpoint.trim(),
      region: draft.region,
      buckets: [...draft.buckets],
      signatureVersion: draft.signatureVersion,
      addressing: draft.addressing,
      accessKeyId: draft.accessKeyId,
      hasSecret: true,
      hasSecurityToken: secrets.securityToken !== undefined,
      isLocalEmulator: options.isLocalEmulator === true,
      createdAtMs: nowMs,
      updatedAtMs: nowMs,
    };
    try {
      await this.#store.put(account);
    } catch (error) {
      await this.#secrets.delete(id).catch(() => undefined);
      throw error;
    }
    this.#changed();
    return toAccountView(account);
  }

  /** Applies a patch; a new key id needs its secret. Throws AccountNotFound, SecretRequired, InvalidAccount. */
  async update(accountId: string, patch: AccountPatch): Promise<AccountView> {
    const current = this.#require(accountId);
    const config = this.#mergeConfig(current, patch);
    checkConnectionFields(config);
    const secretsChanged = patch.accessKeySecret !== undefined || patch.securityToken !== undefined;
    let previous: AccountSecrets | undefined;
    let next: Account = { ...current, ...config, name: patch.name?.trim() ?? current.name, updatedAtMs: this.#now() };
    if (secretsChanged) {
      const secrets = await this.#mergeSecrets(current, patch);
      if (secrets === undefined) throw this.#secretRequired();
      previous = await this.#secrets.get(accountId).catch(() => undefined);
      this.#remember(secrets);
      await this.#secrets.set(accountId, secrets);
      next = { ...next, hasSecret: true, hasSecurityToken: secrets.securityToken !== undefined };
    }
    try {
      await this.#store.put(next);
    } catch (error) {
      // Put the old secret back so the saved account and its secret still belong together.
      if (previous !== undefined) await this.#secrets.set(accountId, previous).catch(() => undefined);
      throw error;
    }
    this.#credentialCache.delete(accountId);
    this.#changed();
    return toAccountView(next);
  }

  /** Removes an account and its secrets. Throws AccountNotFound. */
  async remove(accountId: string): Promise<void> {
    this.#require(accountId);
    await this.#store.remove(accountId);
    this.#credentialCache.delete(accountId);
    try {
      await this.#secrets.delete(accountId);
    } finally {
      this.#changed(); // the account is gone even if its secret could not be deleted
    }
  }

  /** Credentials of an account, read from the secret store on first use and cached until the account changes. */
  getCredentialProvider(accountId: string): CredentialProvider {
    return {
      getCredentials: async (): Promise<Credentials> => {
        const account = this.#require(accountId);
        const secrets = await this.#loadSecrets(accountId);
        if (secrets === undefined) throw this.#secretRequired();
        return { accessKeyId: account.accessKeyId, ...secrets };
      },
    };
  }

  /** A new OSS client for the account as it is now; the caller closes it (and makes a new one after an update). */
  createClient(accountId: string): OssClient {
    const account = this.#require(accountId);
    return new OssClient({
      ...this.#clientOptions,
      endpoint: account.endpoint,
      region: account.region,
      addressing: account.addressing,
      signatureVersion: account.signatureVersion,
      credentials: this.getCredentialProvider(accountId),
    });
  }

  /** Tests a saved account (with unsaved edits) or a draft; never saves anything. */
  async testConnection(target: ConnectionTestTarget): Promise<ConnectionTestResult> {
    let config: ConnectionSettings;
    let secrets: AccountSecrets | undefined;
    if ('draft' in target) {
      config = target.draft;
      secrets = secretsOf(target.draft);
    } else {
      const current = this.#require(target.accountId);
      config = this.#mergeConfig(current, target.patch ?? {});
      secrets = await this.#mergeSecrets(current, target.patch ?? {});
    }
    if (secrets === undefined) throw this.#secretRequired();
    this.#remember(secrets);
    let client: OssClient;
    try {
      client = new OssClient({
        ...this.#clientOptions,
        timeouts: this.#testTimeouts,
        endpoint: config.endpoint,
        region: config.region,
        addressing: config.addressing,
        signatureVersion: config.signatureVersion,
        credentials: { getCredentials: () => Promise.resolve({ accessKeyId: config.accessKeyId, ...secrets }) },
      });
    } catch (error) {
      if (!isOssError(error)) throw error;
      const advice = `${error.message}. Use an OSS endpoint such as https://oss-cn-hangzhou.aliyuncs.com.`;
      return { ok: false, checks: [{ name: 'endpoint', status: 'failed', code: error.code, advice }] };
    }
    try {
      const host = resolveEndpoint({ endpoint: config.endpoint, addressing: config.addressing }).host;
      return await runConnectionTest(client, { buckets: config.buckets, host, signatureVersion: config.signatureVersion, now: this.#now });
    } finally {
      await client.close();
    }
  }

  /** Secret values this process has seen, for redacting log lines. Never send them anywhere. */
  secretsForRedaction(): readonly string[] {
    return [...this.#seenSecrets];
  }

  #require(accountId: string): Account {
    const account = this.#store.get(accountId);
    if (account === undefined) throw new AppError({ code: 'AccountNotFound', message: 'That account no longer exists.', retryable: false });
    return account;
  }

  #secretRequired(advice = 'Enter the AccessKey secret that belongs to this AccessKey ID.'): AppError {
    return new AppError({ code: 'SecretRequired', message: 'The AccessKey secret is missing.', retryable: false, advice });
  }

  // The connection fields with the patch applied. A new key id needs its secret (they are a pair), and so does a new
  // endpoint host: a saved secret only ever signs requests to the host it was entered for, so a compromised renderer
  // cannot point an account (or a test of its edits) at a server of its choosing and collect signatures or the token.
  #mergeConfig(current: Account, patch: AccountPatch): ConnectionSettings {
    if (patch.accessKeySecret === undefined) {
      if (patch.accessKeyId !== undefined && patch.accessKeyId !== current.accessKeyId) throw this.#secretRequired();
      if (patch.endpoint !== undefined && endpointMoved(current.endpoint, patch.endpoint)) {
        throw this.#secretRequired('Enter the AccessKey secret again: a saved secret is only sent to the endpoint it was entered for.');
      }
    }
    return {
      endpoint: patch.endpoint?.trim() ?? current.endpoint,
      region: patch.region ?? current.region,
      buckets: patch.buckets === undefined ? current.buckets : [...patch.buckets],
      signatureVersion: patch.signatureVersion ?? current.signatureVersion,
      addressing: patch.addressing ?? current.addressing,
      accessKeyId: patch.accessKeyId ?? current.accessKeyId,
    };
  }

  // The secrets the patched account would sign with; undefined when none are known. A stored secret that cannot be
  // read does not block a patch that replaces it (that is how the user repairs it); its old token is then dropped.
  async #mergeSecrets(current: Account, patch: AccountPatch): Promise<AccountSecrets | undefined> {
    let stored: AccountSecrets | undefined;
    if (patch.accessKeySecret === undefined || patch.securityToken === undefined) {
      try {
        stored = await this.#loadSecrets(current.id);
      } catch (error) {
        if (patch.accessKeySecret === undefined) throw error;
      }
    }
    const accessKeySecret = patch.accessKeySecret ?? stored?.accessKeySecret;
    if (accessKeySecret === undefined) return undefined;
    const securityToken = patch.securityToken === null ? undefined : (patch.securityToken ?? stored?.securityToken);
    return secretsOf({ accessKeySecret, securityToken });
  }

  #loadSecrets(accountId: string): Promise<AccountSecrets | undefined> {
    let pending = this.#credentialCache.get(accountId);
    if (pending === undefined) {
      pending = this.#secrets.get(accountId).then((secrets) => {
        if (secrets !== undefined) this.#remember(secrets);
        return secrets;
      });
      // A failed read (keyring locked) is not cached: the next request tries again.
      const settled = pending;
      settled.catch(() => {
        if (this.#credentialCache.get(accountId) === settled) this.#credentialCache.delete(accountId);
      });
      this.#credentialCache.set(accountId, pending);
    }
    return pending;
  }

  #remember(secrets: AccountSecrets): void {
    this.#seenSecrets.add(secrets.accessKeySecret);
    if (secrets.securityToken !== undefined) this.#seenSecrets.add(secrets.securityToken);
  }

  #changed(): void {
    const accounts = this.list();
    for (const listener of this.#listeners) listener(accounts);
  }
}
