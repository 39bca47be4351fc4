// One OSS client per account, shared by the engine and the incomplete-upload manager (each client holds a keep-alive
// pool, so one per account rather than one per job). The cache entry is dropped, and the client closed, when the
// account's connection changes or the account is removed; the next use builds a client for the account as it is.
import type { AccountService } from '../accounts/account-service';
import type { OssClient } from '../oss/oss-client';

/** Caches AccountService.createClient per account id. */
export class AccountClients {
  readonly #accounts: AccountService;
  readonly #clients = new Map<string, OssClient>();
  readonly #closing = new Set<Promise<void>>();
  readonly #onCloseError: (error: unknown) => void;

  constructor(accounts: AccountService, onCloseError: (error: unknown) => void) {
    this.#accounts = accounts;
    this.#onCloseError = onCloseError;
  }

  /** The account's client (built on first use); throws AppError AccountNotFound or the client's InvalidArgument. */
  get(accountId: string): OssClient {
    let client = this.#clients.get(accountId);
    if (client === undefined) {
      client = this.#accounts.createClient(accountId);
      this.#clients.set(accountId, client);
    }
    return client;
  }

  /** Forgets the account's client and closes it once its running requests have finished. */
  drop(accountId: string): void {
    const client = this.#clients.get(accountId);
    if (client === undefined) return;
    this.#clients.delete(accountId);
    const closing = client.close().catch(this.#onCloseError);
    this.#closing.add(closing);
    void closing.then(() => this.#closing.delete(closing));
  }

  /** Drops the clients of accounts that no longer exist. */
  retain(accountIds: Iterable<string>): void {
    const keep = new Set(accountIds);
    for (const accountId of [...this.#clients.keys()]) if (!keep.has(accountId)) this.drop(accountId);
  }

  /** Closes every client (and waits for those already closing). */
  async closeAll(): Promise<void> {
    for (const accountId of [...this.#clients.keys()]) this.drop(accountId);
    await Promise.all([...this.#closing]);
  }
}
